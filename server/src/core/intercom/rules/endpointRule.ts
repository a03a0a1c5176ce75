/**
 * The endpoint an Intercom call reaches, in the call's API version:
 * - `intercom-unknown-endpoint` (warning): no such path, or not with this method (Intercom answers 404
 *   to both); names the nearest endpoints and offers to replace the path (and method);
 * - `intercom-endpoint-version` (error): the endpoint exists, but not in this version (POST /tickets
 *   with 2.8: available from 2.9); Intercom answers 400 intercom_version_invalid. For a legacy
 *   version (1.0–2.6) only endpoints added after 2.7 are reported: that much holds for them.
 */
import type { Fix, TextEdit } from '../../types';
import { getProperty } from '../../json/ast';
import {
  IntercomEndpoint, endpointPath, endpointsFor, nearestEndpoints, splitRequestPath, compareVersions,
} from '../catalog';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { insertProperty } from '../../rules/support/objectEdits';
import { RECOMMENDED_VERSION, IntercomCall, intercomCalls, isPinned, lookup } from './model';
import { setHeaderEdits } from './support';

/** Span of the URL's path (the host when the path is empty). */
function pathSpan(ctx: RuleContext, ic: IntercomCall) {
  const { url } = ic;
  return url.pathEnd > url.pathStart
    ? spanIn(ctx.doc, ic.urlNode, url.pathStart, url.pathEnd - url.pathStart)
    : spanIn(ctx.doc, ic.urlNode, url.hostStart, url.hostEnd - url.hostStart);
}

/** The template path of `endpoint` with the call's own values in the parameter positions. */
export function concretePath(endpoint: IntercomEndpoint, version: string, writtenPath: string): string {
  const template = endpointPath(endpoint, version).split('/').filter(Boolean);
  const written = splitRequestPath(writtenPath);
  const literals = new Set(template.filter(s => !s.startsWith('{')));
  return '/' + template.map((seg, i) => {
    if (!seg.startsWith('{')) return seg;
    const mine = written[i];
    return mine !== undefined && template.length === written.length && !literals.has(mine) ? mine : seg;
  }).join('/');
}

/** Some endpoint of the version matches when `${…}` segments may stand for literal ones too. */
function wildcardMatch(version: string, method: string | undefined, path: string): boolean {
  const concrete = splitRequestPath(path);
  if (!concrete.some(s => s.includes('${'))) return false;
  return endpointsFor(version).some(e => {
    if (method && e.method !== method) return false;
    const t = e.path.split('/').filter(Boolean);
    return t.length === concrete.length && t.every((seg, i) => seg.startsWith('{') || concrete[i].includes('${') || concrete[i] === seg);
  });
}

function methodEdit(ctx: RuleContext, ic: IntercomCall, method: string): TextEdit | undefined {
  if (ic.methodNode) return { offset: ic.methodNode.offset, length: ic.methodNode.length, newText: JSON.stringify(method) };
  if (getProperty(ic.http, 'httpMethod')) return undefined;
  return insertProperty(ctx.doc, ic.http, 'httpMethod', JSON.stringify(method), getProperty(ic.http, 'url'));
}

function wrongMethod(ctx: RuleContext, ic: IntercomCall, version: string): void {
  const others = ic.otherMethods;
  const at = ic.methodNode ?? pathSpan(ctx, ic);
  const fixes: Fix[] = [];
  for (const e of others) {
    const edit = methodEdit(ctx, ic, e.method);
    if (edit) fixes.push({ title: `Change the method to ${e.method} (${e.summary})`, edits: [edit], ...(others.length === 1 ? { isPreferred: true } : {}) });
  }
  ctx.report({
    offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-unknown-endpoint',
    message: `Unknown Intercom endpoint: Intercom has no ${ic.method} ${ic.url.path || '/'} in version ${version}; Intercom answers 404 to a method the path does not support. The path exists for ${others.map(e => `${e.method} (${e.summary})`).join(', ')}.`,
    fixes,
  });
}

function notInVersion(ctx: RuleContext, ic: IntercomCall, version: string): void {
  const { endpoint, versions } = ic.elsewhere!;
  const later = versions.filter(v => compareVersions(v, version) > 0);
  const span = ic.version.header?.valueNode ?? pathSpan(ctx, ic);
  const availability = later.length === versions.length
    ? `available from ${versions[0]}`
    : later.length === 0 ? `only available up to ${versions[versions.length - 1]}` : `available in ${versions.join(', ')}`;
  const target = later.length ? (later.includes(RECOMMENDED_VERSION) ? RECOMMENDED_VERSION : later[0]) : versions[versions.length - 1];
  const edits = setHeaderEdits(ctx.doc, ic, 'Intercom-Version', target);
  const pinned = isPinned(ic.version);
  ctx.report({
    offset: span.offset, length: span.length, severity: 'error', code: 'intercom-endpoint-version',
    message: `Endpoint not in this Intercom-Version: ${endpoint.method} ${endpoint.path} (${endpoint.summary}) is ${availability}, not in ${pinned ? '' : 'the assumed '}Intercom-Version ${version}${pinned ? '' : ' (the call pins no version)'}; Intercom answers 400 intercom_version_invalid "Requested resource is not available in current API version". ${pinned ? 'Change' : 'Pin'} the version to ${target}.`,
    fixes: edits ? [{ title: `${pinned ? 'Change' : 'Set'} Intercom-Version to "${target}"`, edits, isPreferred: true }] : [],
  });
}

function unknownPath(ctx: RuleContext, ic: IntercomCall, version: string): void {
  if (lookup(`wildcard ${version} ${ic.method} ${ic.url.path}`, () => wildcardMatch(version, ic.method, ic.url.path))) return;
  const nearest = lookup(`nearest ${version} ${ic.method} ${ic.url.path}`, () => nearestEndpoints(version, ic.method ?? '', ic.url.path, 3))
    .filter(n => n.distance <= 2.5);
  const span = pathSpan(ctx, ic);
  const fixes: Fix[] = [];
  for (const { endpoint } of nearest) {
    const path = concretePath(endpoint, version, ic.url.path);
    const edits: TextEdit[] = [ic.url.pathEnd > ic.url.pathStart
      ? editIn(ctx.doc, ic.urlNode, ic.url.pathStart, ic.url.pathEnd - ic.url.pathStart, path)
      : editIn(ctx.doc, ic.urlNode, ic.url.hostEnd, 0, path)];
    if (ic.method && endpoint.method !== ic.method) {
      const m = methodEdit(ctx, ic, endpoint.method);
      if (!m) continue;
      edits.push(m);
    }
    fixes.push({ title: `Change to ${endpoint.method} ${path} (${endpoint.summary})`, edits });
  }
  const list = nearest.map(n => `${n.endpoint.method} ${endpointPath(n.endpoint, version)}`).join(', ');
  ctx.report({
    ...span, severity: 'warning', code: 'intercom-unknown-endpoint',
    message: `Unknown Intercom endpoint: Intercom's API (version ${version}) has no endpoint ${ic.method ? `${ic.method} ` : ''}${ic.url.path || '/'}; the call would get 404 Not Found.${list ? ` Nearest: ${list}.` : ''}`,
    fixes,
  });
}

export const intercomEndpointRule: Rule = {
  id: 'intercom-endpoint',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      if (ic.version.status === 'legacy' && ic.elsewhere && ic.call.role !== 'auth') {
        notInVersion(ctx, ic, ic.version.written!); // e.g. tickets (2.9+) with "2.1"
        continue;
      }
      const version = ic.version.version;
      if (!version || ic.endpoint || ic.call.role === 'auth') continue;
      if (!ic.method) {
        if (ic.otherMethods.length === 0) unknownPath(ctx, ic, version);
        continue;
      }
      if (ic.otherMethods.length) wrongMethod(ctx, ic, version);
      else if (ic.elsewhere) notInVersion(ctx, ic, version);
      else unknownPath(ctx, ic, version);
    }
  },
};
