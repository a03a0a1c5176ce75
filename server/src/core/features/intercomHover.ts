/**
 * Hover on the URL of an Intercom call: the endpoint it reaches, the versions that have it, the
 * version the call uses, where the records are (listField) and how the endpoint pages.
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import {
  IntercomEndpoint, PaginationStyle, STABLE_DOCUMENTED_VERSIONS, endpointPath, listFieldOf, paginationOf,
} from '../intercom/catalog';
import type { IntercomRegionInfo } from '../intercom/regions';
import type { IntercomCall } from '../intercom/rules/model';
import { searchWindowMarkdown, searchWindowOf } from '../intercom/searchWindow';
import type { FeatureContext, HoverContributor } from './contributors';
import { inBinding, stringSpotAt } from './intercomContext';

const PAGINATION_TEXT: Record<PaginationStyle, string> = {
  'cursor-query': 'cursor in the URL — `?starting_after=` the previous page\'s `pages.next.starting_after` (URL-encoded), `per_page` up to 150',
  'cursor-body': 'cursor in the request body — `pagination.starting_after` from `pages.next.starting_after`',
  'page-number': 'page numbers — `pages.next` is the next page\'s URL, absent or null on the last page',
  scroll: 'scroll — pass `scroll_param` from the previous response; one scroll per app, expires after a minute idle',
  none: 'not paginated — everything comes in one response',
};

/** "2.9–2.16" or "2.7–2.9, 2.12" from an ordered version list. */
export function versionRanges(versions: readonly string[]): string {
  const parts: string[] = [];
  let start: string | undefined;
  let prev: string | undefined;
  const flush = () => { if (start) parts.push(start === prev ? start : `${start}–${prev}`); };
  for (const v of versions) {
    const i = STABLE_DOCUMENTED_VERSIONS.indexOf(v);
    if (prev !== undefined && STABLE_DOCUMENTED_VERSIONS.indexOf(prev) === i - 1) { prev = v; continue; }
    flush();
    start = prev = v;
  }
  flush();
  return parts.join(', ');
}

/** Markdown describing an endpoint in a version (used by hover and completion documentation). */
export function endpointMarkdown(endpoint: IntercomEndpoint, version: string, region?: IntercomRegionInfo): string {
  const lines = [`**${endpoint.method} ${endpointPath(endpoint, version)}** — ${endpoint.summary}`, ''];
  lines.push(`Exists in Intercom-Version ${versionRanges(endpoint.versions)}${endpoint.versions.includes(STABLE_DOCUMENTED_VERSIONS[STABLE_DOCUMENTED_VERSIONS.length - 1]) ? ' and Preview' : ''}.`);
  const list = listFieldOf(endpoint, version);
  if (list) {
    lines.push('', `Records: \`listField: "${list}"\``, '', `Pagination: ${PAGINATION_TEXT[paginationOf(endpoint, version)]}.`);
  }
  if (region) lines.push('', `Host: ${region.apiHost} (${region.label}).`);
  return lines.join('\n');
}

function callMarkdown(ic: IntercomCall): string | undefined {
  const version = ic.version.version;
  const status = ic.version.status;
  const versionLine = status === 'legacy'
    ? `Intercom-Version "${ic.version.written ?? ''}" is a legacy version that Intercom no longer describes, so its responses cannot be looked up.`
    : !version
      ? `Intercom-Version "${ic.version.written ?? ''}" is not valid, so the endpoint cannot be looked up.`
      : status === 'valid' || status === 'newer'
        ? `This call uses Intercom-Version ${version}.`
        : status === 'alias'
          ? `This call uses Intercom-Version "${ic.version.written}", the old name of ${version}.`
          : `This call pins no Intercom-Version; the checks assume ${version}, but Intercom answers in the version set for the app in its Developer Hub.`;
  if (ic.endpoint && version) return `${endpointMarkdown(ic.endpoint, version, ic.region)}\n\n${versionLine}`;
  if (ic.elsewhere && version) {
    return `${endpointMarkdown(ic.elsewhere.endpoint, ic.elsewhere.versions[ic.elsewhere.versions.length - 1], ic.region)}\n\n⚠ Not available in Intercom-Version ${version}.`;
  }
  return `**${ic.method ?? ''} ${ic.url.path || '/'}** — no Intercom endpoint matches this ${ic.method ? 'method and ' : ''}path${version ? ` in version ${version}` : ''}.\n\nHost: ${ic.region.apiHost} (${ic.region.label}).\n\n${versionLine}`;
}

export function intercomHover(ctx: FeatureContext): Hover | undefined {
  const spot = stringSpotAt(ctx);
  if (!spot || spot.key !== 'url' || !spot.intercom || spot.intercom.urlNode !== spot.node || inBinding(spot)) return undefined;
  const endpoint = callMarkdown(spot.intercom);
  if (!endpoint) return undefined;
  // An import that searches: what one run reads (EIC cannot page a search).
  const window = searchWindowOf(ctx.doc, spot.intercom);
  const value = window ? `${endpoint}\n\n---\n\n${searchWindowMarkdown(window)}` : endpoint;
  return { contents: { kind: MarkupKind.Markdown, value }, range: ctx.doc.rangeOf(spot.node.offset, spot.node.length) };
}

export const intercomHoverProvider: HoverContributor = { id: 'intercom', provide: intercomHover };
