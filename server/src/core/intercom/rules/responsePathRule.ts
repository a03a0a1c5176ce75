/**
 * Response paths of Intercom calls, checked against the endpoint's response in the call's version:
 * - `intercom-list-field` (warning): an import call's listField is not where the endpoint keeps its
 *   items (GET /admins → admins, GET /contacts → data, GET /teams → teams, GET /tags → data);
 * - `intercom-unknown-field` (warning): a colsToPropsMap source path (left of `~#~`, relative to each
 *   item), acctIdPath/entIdPath or ticketidPath names a field the response does not have; did-you-mean;
 * - `intercom-ticket-id-path` (error): ticketidPath reads `ticket_id` (the Inbox number, 404 in API
 *   paths) instead of `id`, or the call enqueues the ticket and `id` is a job id.
 */
import type { StringASTNode } from '../../json/ast';
import { getValue, isObject, isString } from '../../json/ast';
import type { FieldTree, IntercomEndpoint } from '../catalog';
import { itemFields, listFieldAlternativesOf, listFieldOf, responseFields, versionsWithResponsePath } from '../catalog';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, replaceString, spanIn } from '../../rules/support/stringNodes';
import { IntercomCall, intercomCalls } from './model';
import { resolveFieldPath } from './fieldPaths';

const IMPORT_ROLES = new Set(['importUser', 'importAccount', 'importEntitlement', 'importAcctEnt']);

export function normaliseListField(value: string): string {
  return value.trim().replace(/^\$\.?/, '').replace(/\[\*?\]$/, '');
}

function checkListField(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, version: string): void {
  const node = getValue(ic.call.node, 'listField');
  if (!isString(node)) return;
  const expected = listFieldOf(endpoint, version);
  if (!expected) return;
  const written = normaliseListField(node.value);
  if (written === expected || listFieldAlternativesOf(endpoint, version).includes(written)) return;
  ctx.report({
    offset: node.offset, length: node.length, severity: 'warning', code: 'intercom-list-field',
    message: `Wrong listField${written === '' ? '' : ` "${written}"`}: ${endpoint.method} ${endpoint.path} returns its records in "${expected}"${written === '' ? ', not as the whole response' : `, not in "${written}"`}; with this listField EIC finds no records and imports nothing. Write "${expected}".`,
    fixes: [{ title: `Change listField to "${expected}"`, edits: [replaceString(node, expected)], isPreferred: true }],
  });
}

/** Reports the first unknown segment of `path` (at `index` in the node's value). */
export function checkPath(
  ctx: RuleContext, node: StringASTNode, index: number, path: string, tree: FieldTree,
  where: string, endpoint: IntercomEndpoint, withinItems: boolean,
): void {
  const r = resolveFieldPath(tree, path);
  if (r.kind !== 'unknown') return;
  const others = versionsWithResponsePath(endpoint, path.replace(/~dot#/g, '.'), withinItems);
  const elsewhere = others.length ? ` It exists in Intercom-Version ${others.join(', ')}.` : '';
  const suggestion = r.suggestion ? ` Did you mean "${r.suggestion}"?` : r.available.length ? '' : ' The field before it is not an object.';
  ctx.report({
    ...spanIn(ctx.doc, node, index + r.start, Math.max(1, r.length)), severity: 'warning', code: 'intercom-unknown-field',
    message: `Unknown Intercom field "${r.name}": it is not a field of ${where}, so this path yields nothing.${suggestion}${elsewhere}`,
    fixes: r.suggestion ? [{ title: `Change to "${r.suggestion}"`, edits: [editIn(ctx.doc, node, index + r.start, r.length, r.suggestion)], isPreferred: true }] : [],
  });
}

function checkMappings(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, version: string): void {
  const items = itemFields(endpoint, version);
  if (!items) return;
  const list = listFieldOf(endpoint, version);
  const where = `the items of "${list}" in ${endpoint.method} ${endpoint.path} (Intercom-Version ${version})`;
  const map = getValue(ic.call.node, 'colsToPropsMap');
  if (isObject(map)) {
    for (const p of map.properties) {
      const v = p.valueNode;
      if (!isString(v)) continue;
      const sep = v.value.indexOf('~#~');
      const source = sep >= 0 ? v.value.slice(0, sep) : v.value;
      const lead = source.length - source.trimStart().length;
      const path = source.trim();
      if (!path || path.startsWith('#CONST#') || path.startsWith('STORE#') || path.includes('${') || path.endsWith('~') || path.endsWith('#')) continue;
      checkPath(ctx, v, lead, path, items, where, endpoint, true);
    }
  }
  if (ic.call.role === 'importAcctEnt') {
    for (const key of ['acctIdPath', 'entIdPath']) {
      const v = getValue(ic.call.node, key);
      if (isString(v) && v.value.trim() && !v.value.includes('${')) checkPath(ctx, v, v.value.length - v.value.trimStart().length, v.value.trim(), items, where, endpoint, true);
    }
  }
}

function checkTicketId(ctx: RuleContext, ic: IntercomCall, endpoint: IntercomEndpoint, version: string, node: StringASTNode, index: number): void {
  const path = node.value.slice(index).trim();
  const lead = node.value.slice(index).length - node.value.slice(index).trimStart().length;
  if (!path || path.includes('${')) return;
  const tree = responseFields(endpoint, version);
  if (!tree) return;
  if (endpoint.key === 'POST /tickets/enqueue') {
    ctx.report({
      ...spanIn(ctx.doc, node, index + lead, path.length), severity: 'error', code: 'intercom-ticket-id-path',
      message: 'Wrong ticket id path: POST /tickets/enqueue creates the ticket later and answers with a job ({type:"job", id, resource_id:null}); its id is the job\'s, so polling GET /tickets/${ticketID} gets 404. Create the ticket with POST /tickets, whose response id is the ticket\'s.',
    });
    return;
  }
  if (path === 'ticket_id' && tree.id && tree.ticket_id) {
    ctx.report({
      ...spanIn(ctx.doc, node, index + lead, path.length), severity: 'error', code: 'intercom-ticket-id-path',
      message: 'Wrong ticket id path "ticket_id": it is the ticket number shown in the Inbox (#123), not the ticket\'s API id; TicketStatusJSON\'s GET /tickets/${ticketID} then answers 404 on every poll. Read "id".',
      fixes: [{ title: 'Change to "id"', edits: [editIn(ctx.doc, node, index + lead, path.length, 'id')], isPreferred: true }],
    });
    return;
  }
  checkPath(ctx, node, index + lead, path, tree, `the response of ${endpoint.method} ${endpoint.path} (Intercom-Version ${version})`, endpoint, false);
}

export const intercomResponsePathsRule: Rule = {
  id: 'intercom-response-paths',
  run(ctx) {
    const calls = intercomCalls(ctx.doc, ctx.settings);
    for (const ic of calls) {
      const version = ic.version.version;
      const endpoint = ic.endpoint;
      if (!version || !endpoint) continue;
      if (IMPORT_ROLES.has(ic.call.role)) {
        checkListField(ctx, ic, endpoint, version);
        checkMappings(ctx, ic, endpoint, version);
      }
      if (ctx.doc.attribute?.grammar === 'createTicket') {
        const node = getValue(ic.call.node, 'ticketidPath');
        if (isString(node)) checkTicketId(ctx, ic, endpoint, version, node, 0);
      }
    }
    // A top-level ticketidPath names the call: "call1.message.id".
    if (ctx.doc.attribute?.grammar === 'createTicket') {
      const node = getValue(ctx.doc.root, 'ticketidPath');
      const m = isString(node) ? /^\s*([^.]+)\.message\./.exec(node.value) : null;
      const ic = m && calls.find(c => c.call.name === m[1]);
      if (isString(node) && m && ic?.endpoint && ic.version.version) checkTicketId(ctx, ic, ic.endpoint, ic.version.version, node, m[0].length);
    }
  },
};
