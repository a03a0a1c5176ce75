/**
 * URL lint for every `url` value (mistakes 3.9; grammar §2.8):
 * - `url-whitespace` (warning): leading or trailing blanks (the community Intercom package has " https://api.intercom.io/tickets"):
 *   java.net.URL trims them, java.net.URI rejects them, and which one EIC uses is not public;
 * - `url-empty-host`: nothing (or only a dot) between `https://` and the domain, as in "https://.axosoft.com";
 * - `url-not-absolute`: no scheme and host ("/api/v1/users"); EIC sends URLs as written;
 * - `url-double-slash`: an empty path segment `//` after the host — usually an id that is missing;
 * - `url-placeholder`: unfilled @HOSTURL@, <URL>, {appId}, xxx … (information when App Onboarding maps the token).
 */
import type { StringASTNode } from '../json/ast';
import { getValue } from '../json/ast';
import { documentIndex, propertiesNamed } from '../json/documentIndex';
import type { Fix } from '../types';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { URL_PLACEHOLDERS } from './catalog/placeholderCatalog';
import { aobVariables, findPlaceholders, placeholderVerdict } from './support/placeholders';
import { bindingRegions, editIn, spanIn } from './support/stringNodes';

/** Replaces `${…}` regions by NUL characters so that positions are kept and bindings are recognisable. */
function maskWithNul(value: string): string {
  let out = value;
  for (const [s, e] of bindingRegions(value)) out = out.slice(0, s) + '\0'.repeat(e - s) + out.slice(e);
  return out;
}

function checkWhitespace(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  const lead = /^\s+/.exec(value)?.[0].length ?? 0;
  const trail = /\s+$/.exec(value)?.[0].length ?? 0;
  if ((!lead && !trail) || value.trim() === '') return;
  const edits = [];
  if (trail) edits.push(editIn(ctx.doc, node, value.length - trail, trail, ''));
  if (lead) edits.push(editIn(ctx.doc, node, 0, lead, ''));
  const span = lead ? spanIn(ctx.doc, node, 0, lead) : spanIn(ctx.doc, node, value.length - trail, trail);
  const what = lead && trail ? 'starts and ends' : lead ? 'starts' : 'ends';
  const blanks = lead + trail === 1 ? 'a space' : 'blank characters';
  ctx.report({ ...span, severity: 'warning', code: 'url-whitespace',
    message: `Blank around the URL: it ${what} with ${blanks}, so whether the call works depends on EIC's HTTP client: java.net.URL ignores surrounding blanks, java.net.URI rejects them as illegal characters, and which one EIC uses is not public. Remove ${lead + trail === 1 ? 'it' : 'them'} so the call works either way.`,
    fixes: [{ title: 'Trim the URL', edits, isPreferred: true }] });
}

function checkPlaceholders(ctx: RuleContext, node: StringASTNode, masked: string): boolean {
  const hits = findPlaceholders(masked, URL_PLACEHOLDERS);
  if (!hits.length) return false;
  const aob = aobVariables(ctx.connection);
  for (const hit of hits) {
    const verdict = placeholderVerdict(hit, aob);
    ctx.report({ ...spanIn(ctx.doc, node, hit.index, hit.text.length), severity: verdict.severity, code: 'url-placeholder',
      message: `Unfilled template placeholder ${hit.text} in the URL (${hit.pattern.label}). ${verdict.note}` });
  }
  return true;
}

function checkStructure(ctx: RuleContext, node: StringASTNode, masked: string, hasPlaceholder: boolean): void {
  const value = node.value;
  const lead = /^\s*/.exec(masked)![0].length;
  const body = masked.slice(lead);
  if (body.trim() === '' || body.startsWith('\0')) return; // empty, or built entirely by an expression
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(body);
  if (!scheme) {
    if (hasPlaceholder && /^[@<{]/.test(body)) return; // "@HOSTURL@/api…": the placeholder stands for the base URL
    const looksLikeHost = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(\/|$)/.test(body);
    const fixes: Fix[] = looksLikeHost ? [{ title: 'Add "https://"', edits: [editIn(ctx.doc, node, lead, 0, 'https://')], isPreferred: true }] : [];
    ctx.report({ ...spanIn(ctx.doc, node, lead, Math.min(body.trimEnd().length, /^[^?#]*/.exec(body)![0].length || 1)), severity: 'error', code: 'url-not-absolute',
      message: `Relative URL "${value.trim()}": EIC sends the URL exactly as written and has no base URL to put in front, so it needs the scheme and host, e.g. "https://<host>${body.startsWith('/') ? value.trim() : '/…'}".`,
      fixes });
    return;
  }
  const authorityStart = lead + scheme[0].length;
  const authority = /^[^/?#]*/.exec(masked.slice(authorityStart))![0];
  const host = authority.replace(/^[^@]*@/, '').replace(/:\d*$/, '');
  const hostHasBinding = host.includes('\0');
  if (!hostHasBinding && !hasPlaceholderIn(masked, authorityStart, authority.length)) {
    if (host.trim() === '' || /^\s*\./.test(host) || host.includes('..') || /\s/.test(host)) {
      ctx.report({ ...spanIn(ctx.doc, node, authorityStart, Math.max(authority.length, 1)), severity: 'error', code: 'url-empty-host',
        message: `Incomplete host in "${value.trim()}": the host name is ${host.trim() === '' ? 'empty' : `"${host}"`} — the tenant or company part before the domain is missing (exported packages often have it stripped). EIC cannot reach this address; write the full host, e.g. "https://<your-company>${host.trim().replace(/^\.+/, '.')}".` });
    }
  }
  const pathStart = authorityStart + authority.length;
  const path = /^[^?#]*/.exec(masked.slice(pathStart))![0];
  const double = path.search(/\/\/+/);
  if (double >= 0) {
    const run = /^\/+/.exec(path.slice(double))![0].length;
    ctx.report({ ...spanIn(ctx.doc, node, pathStart + double, run), severity: 'warning', code: 'url-double-slash',
      message: 'Empty path segment ("//") in the URL: usually an id or a path part is missing here (or a ${…} value that may be empty). Most APIs answer 404 to such a path.',
      fixes: [{ title: 'Remove the extra slash', edits: [editIn(ctx.doc, node, pathStart + double + 1, run - 1, '')] }] });
  }
}

function hasPlaceholderIn(masked: string, start: number, length: number): boolean {
  return findPlaceholders(masked.slice(start, start + length), URL_PLACEHOLDERS).length > 0;
}

export const urlLintRule: Rule = {
  id: 'url-lint',
  reads: ['AOB_CONNECTION_TEMPLATE_VARIABLES'],
  run(ctx) {
    if (ctx.doc.attribute?.grammar === 'templateVariables') return;
    for (const parent of propertiesNamed(documentIndex(ctx.doc), 'url')) {
      const node = parent.valueNode;
      if (node?.type !== 'string') continue;
      const masked = maskWithNul(node.value);
      checkWhitespace(ctx, node);
      const hasPlaceholder = checkPlaceholders(ctx, node, masked);
      // A pasted Markdown link or "[object Object]" is reported by text-hygiene; its structure is not a URL's.
      if (/\]\(|\[object Object\]/.test(node.value)) continue;
      // A static-token authentication never calls its token URL; a dummy value there is fine.
      if (ctx.doc.attribute?.grammar === 'connection' && getValue(parent.parent, 'accessToken') !== undefined) continue;
      checkStructure(ctx, node, masked, hasPlaceholder);
    }
  },
};
