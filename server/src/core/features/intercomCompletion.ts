/**
 * Intercom-aware completion:
 * - in a call's `url`: the endpoint URLs of the call's Intercom-Version, on the region host the
 *   connection already uses, the call's method first (choosing another method also sets httpMethod);
 * - in `listField`: where the endpoint keeps its records;
 * - in colsToPropsMap values: the fields of each record (left of `~#~`), with their types;
 * - in ticketStatusPath / ticketidPath: the response's field paths, the right status path first;
 * - in an Intercom-Version header value: the versions, newest first, the default version recommended.
 * Every item replaces the string's content (or the path before `~#~`) at exact document offsets.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, TextEdit } from 'vscode-languageserver-types';
import type { Range } from '../text/positions';
import { getValue, isString } from '../json/ast';
import type { AttributeDocument } from '../document';
import {
  DOCUMENTED_VERSIONS_NEWEST_FIRST, IntercomEndpoint, NEWEST_DOCUMENTED_VERSION, PREVIEW_VERSION, endpointPath, endpointsFor, itemFields, listFieldAlternativesOf,
  listFieldOf, paginationOf, responseFields,
} from '../intercom/catalog';
import { DEFAULT_INTERCOM_REGION, IntercomRegionInfo, INTERCOM_REGIONS, isIntercomApiHost } from '../intercom/regions';
import { RECOMMENDED_VERSION, defaultVersionOf, parseUrl, regionsInUse, versionOf } from '../intercom/rules/model';
import { flattenFields } from '../intercom/rules/fieldPaths';
import { statusPathFor } from '../intercom/rules/ticketStatusRule';
import { spanIn } from '../rules/support/stringNodes';
import type { CompletionContribution, FeatureContext, CompletionContributor } from './contributors';
import { StringSpot, inBinding, stringSpotAt } from './intercomContext';
import { endpointMarkdown } from './intercomHover';

const IMPORT_ROLES = new Set(['importUser', 'importAccount', 'importEntitlement', 'importAcctEnt']);

/** What each version changed that matters here (completion details; the recommended one says so instead). */
const VERSION_NOTES: Record<string, string> = {
  '2.9': 'tickets API',
  '2.10': 'ticket search, ticket tags',
  '2.12': 'ticket_state becomes an object (read ticket_state.category)',
  '2.13': 'delete tickets, find contact by external id',
  '2.14': 'enqueue tickets; default of the official SDKs',
  '2.16': 'newest documented: admin roles, merged contacts answer 410',
  [PREVIEW_VERSION]: 'unstable, changes without notice (exact spelling)',
};

/** The completion detail of a version: recommended (the default), its notes, or newest documented. */
function versionDetail(v: string): string | undefined {
  if (v === RECOMMENDED_VERSION) return 'recommended: the documented current default';
  return VERSION_NOTES[v] ?? (v === NEWEST_DOCUMENTED_VERSION ? 'newest documented' : undefined);
}

function contentRange(ctx: FeatureContext, spot: StringSpot): Range {
  return ctx.doc.rangeOf(spot.contentStart, spot.contentEnd - spot.contentStart);
}

/** The region host the connection already uses (else the default region). */
function regionFor(ctx: FeatureContext, spot: StringSpot): IntercomRegionInfo {
  if (spot.intercom) return spot.intercom.region;
  const docs = [ctx.doc, ...ctx.connection.all().filter(d => d !== ctx.doc)];
  const used = regionsInUse(docs, ctx.settings);
  const first = [...used.values()][0];
  return first ? first[0].region : DEFAULT_INTERCOM_REGION;
}

/** `{ticket_id}` → a tab stop; in TicketStatusJSON the ticket id is `${ticketID}`. */
function snippetPath(doc: AttributeDocument, endpoint: IntercomEndpoint, version: string): string {
  let n = 0;
  const ticketPoll = doc.attribute?.grammar === 'ticketStatus' && endpoint.path.startsWith('/tickets/{');
  return endpointPath(endpoint, version).split('/').map((seg, i) => {
    if (!seg.startsWith('{')) return seg;
    if (ticketPoll && i === 2) return `\${${++n}:\\\${ticketID\\}}`;
    return `\${${++n}:{${seg.slice(1, -1)}\\}}`;
  }).join('/');
}

function urlItems(ctx: FeatureContext, spot: StringSpot): CompletionContribution | undefined {
  const http = spot.owner;
  if (!spot.call || spot.call.httpNode !== http || spot.call.role === 'auth' || inBinding(spot)) return undefined;
  const typed = spot.value.trim();
  const parsed = parseUrl(spot.value);
  const intercomPrefix = INTERCOM_REGIONS.some(r => r.apiBaseUrl.startsWith(typed) || typed.startsWith(r.apiBaseUrl));
  if (typed && !(parsed && isIntercomApiHost(parsed.host)) && !intercomPrefix) return undefined;
  const info = versionOf(ctx.doc, http, defaultVersionOf(ctx.settings));
  const version = info.version ?? info.defaultVersion;
  const region = regionFor(ctx, spot);
  const methodNode = getValue(http, 'httpMethod');
  const method = isString(methodNode) && !methodNode.value.includes('${') ? methodNode.value.trim().toUpperCase().replace(/WITHBODY$/, '') : undefined;
  const range = contentRange(ctx, spot);
  const items: CompletionItem[] = endpointsFor(version).map((e, i) => {
    const label = `${region.apiBaseUrl}${endpointPath(e, version)}`;
    const additionalTextEdits: TextEdit[] = [];
    if (method && e.method !== method && isString(methodNode)) {
      additionalTextEdits.push({ range: ctx.doc.rangeOf(methodNode.offset, methodNode.length), newText: JSON.stringify(e.method) });
    }
    return {
      label,
      labelDetails: { description: e.method },
      kind: CompletionItemKind.Value,
      detail: `${e.method} — ${e.summary}${additionalTextEdits.length ? ` (sets httpMethod to ${e.method})` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: endpointMarkdown(e, version, region) },
      filterText: label,
      sortText: `${method && e.method !== method ? '1' : '0'}${String(i).padStart(4, '0')}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: `${region.apiBaseUrl}${snippetPath(ctx.doc, e, version)}` },
      ...(additionalTextEdits.length ? { additionalTextEdits } : {}),
    };
  });
  return { items, exclusive: true };
}

function listFieldItems(ctx: FeatureContext, spot: StringSpot): CompletionContribution | undefined {
  const ic = spot.intercom;
  const version = ic?.version.version;
  if (!ic?.endpoint || !version || !IMPORT_ROLES.has(ic.call.role)) return undefined;
  const main = listFieldOf(ic.endpoint, version);
  if (!main) return undefined;
  const range = contentRange(ctx, spot);
  const names = [main, ...listFieldAlternativesOf(ic.endpoint, version).filter(n => n !== main)];
  const style = paginationOf(ic.endpoint, version);
  return {
    exclusive: true,
    items: names.map((name, i) => ({
      label: name, kind: CompletionItemKind.Field, preselect: i === 0, sortText: String(i),
      detail: `${i === 0 ? 'records' : 'alternative record list'} of ${ic.endpoint!.method} ${ic.endpoint!.path}${style === 'none' ? ' (one response, not paginated)' : ` (paginated: ${style})`}`,
      textEdit: { range, newText: name },
    })),
  };
}

function mappingItems(ctx: FeatureContext, spot: StringSpot): CompletionContribution | undefined {
  const ic = spot.intercom;
  const version = ic?.version.version;
  if (!ic?.endpoint || !version || !IMPORT_ROLES.has(ic.call.role)) return undefined;
  if (spot.value.trimStart().startsWith('#CONST#') || spot.value.includes('${')) return undefined;
  const sep = spot.value.indexOf('~#~');
  if (sep >= 0 && spot.index > sep) return undefined; // the type suffix: the mapping features answer there
  const fields = flattenFields(itemFields(ic.endpoint, version), 3);
  if (!fields.length) return undefined;
  const span = sep >= 0 ? spanIn(ctx.doc, spot.node, 0, sep) : { offset: spot.contentStart, length: spot.contentEnd - spot.contentStart };
  const range = ctx.doc.rangeOf(span.offset, span.length);
  return {
    exclusive: true,
    items: fields.map((f, i) => ({
      label: f.path, kind: CompletionItemKind.Field, detail: f.type, sortText: String(i).padStart(4, '0'),
      documentation: `A field of each record in "${listFieldOf(ic.endpoint!, version)}" of ${ic.endpoint!.method} ${ic.endpoint!.path} (Intercom-Version ${version}).`,
      textEdit: { range, newText: sep >= 0 ? f.path : `${f.path}~#~char` },
    })),
  };
}

function responsePathItems(ctx: FeatureContext, spot: StringSpot): CompletionContribution | undefined {
  const ic = spot.intercom;
  const version = ic?.version.version;
  if (!ic?.endpoint || !version) return undefined;
  const fields = flattenFields(responseFields(ic.endpoint, version), 3).filter(f => !f.path.startsWith('ticket_parts'));
  if (!fields.length) return undefined;
  const first = spot.key === 'ticketStatusPath' && ic.endpoint.path.startsWith('/tickets/') ? statusPathFor(version) : spot.key === 'ticketidPath' ? 'id' : undefined;
  const range = contentRange(ctx, spot);
  return {
    exclusive: true,
    items: fields.map((f, i) => ({
      label: f.path, kind: CompletionItemKind.Field, detail: f.type,
      preselect: f.path === first, sortText: f.path === first ? '0' : `1${String(i).padStart(4, '0')}`,
      textEdit: { range, newText: f.path },
    })),
  };
}

function versionItems(ctx: FeatureContext, spot: StringSpot): CompletionContribution {
  const range = contentRange(ctx, spot);
  const versions = [...DOCUMENTED_VERSIONS_NEWEST_FIRST, PREVIEW_VERSION];
  return {
    exclusive: true,
    items: versions.map((v, i) => ({
      label: v, kind: CompletionItemKind.EnumMember, preselect: v === RECOMMENDED_VERSION, sortText: String(i).padStart(2, '0'),
      detail: versionDetail(v),
      textEdit: { range, newText: v },
    })),
  };
}

export function intercomCompletion(ctx: FeatureContext): CompletionContribution | undefined {
  const spot = stringSpotAt(ctx);
  if (!spot) return undefined;
  if (spot.key === 'url') return urlItems(ctx, spot);
  if (spot.ownerKey === 'httpHeaders' && spot.key.trim().toLowerCase() === 'intercom-version') return inBinding(spot) ? undefined : versionItems(ctx, spot);
  if (spot.call?.node !== spot.owner && spot.ownerKey !== 'colsToPropsMap') return undefined;
  if (spot.key === 'listField') return listFieldItems(ctx, spot);
  if (spot.key === 'ticketStatusPath' || spot.key === 'ticketidPath') return responsePathItems(ctx, spot);
  if (spot.ownerKey === 'colsToPropsMap' && spot.call && getValue(spot.call.node, 'colsToPropsMap') === spot.owner) return mappingItems(ctx, spot);
  return undefined;
}

export const intercomCompletionProvider: CompletionContributor = { id: 'intercom', provide: intercomCompletion };
