/**
 * TicketStatusJSON calls that poll an Intercom ticket (GET /tickets/{id}):
 * - `intercom-ticket-status-path` (error when the version is pinned; warning when the call pins no
 *   version): from 2.12 `ticket_state` is an object, so "ticket_state" never equals "resolved" and the
 *   WSRETRY poll runs forever — read "ticket_state.category"; for 2.9–2.11 it is the string itself.
 *   Labels and state ids are per workspace: key on the category.
 * - `intercom-ticket-status-value` (error when no value can match, else warning): ticketStatusValue
 *   entries must be categories (submitted, in_progress, waiting_on_customer, resolved); did-you-mean.
 * - `intercom-ticket-deleted` (information): a ticket deleted in Intercom answers 404 on every poll;
 *   list 404 among the unsuccessful statuses so the task does not wait forever.
 * - `intercom-ticket-status-parts` (error): the path reads ticket_parts (or scans the whole ticket with
 *   `..`), whose parts carry their own string states; fix reads the ticket's state.
 * Other paths are checked against the ticket by intercom-unknown-field.
 */
import type { ArrayASTNode, StringASTNode } from '../../json/ast';
import { getProperty, getValue, isArray, isString } from '../../json/ast';
import type { Fix, TextEdit } from '../../types';
import { compareVersions, responseFields } from '../catalog';
import { didYouMean } from '../../text/didYouMean';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { insertProperty } from '../../rules/support/objectEdits';
import { replaceString } from '../../rules/support/stringNodes';
import { IntercomCall, intercomCalls, isPinned } from './model';
import { setHeaderEdits } from './support';
import { checkPath } from './responsePathRule';

export const TICKET_CATEGORIES = ['submitted', 'in_progress', 'waiting_on_customer', 'resolved'];
const TICKET_ENDPOINTS = new Set(['GET /tickets/{ticket_id}', 'PUT /tickets/{ticket_id}']);

/** The status path that fits a version: "ticket_state.category" from 2.12, "ticket_state" before. */
export function statusPathFor(version: string): string {
  return compareVersions(version, '2.12') >= 0 ? 'ticket_state.category' : 'ticket_state';
}

/** A path into ticket_parts, or a deep scan ($..ticket_state) that can land there. */
function readsTicketParts(written: string): boolean {
  return /(^|\.)ticket_parts(\.|\[|$)/.test(written) || /\.\./.test(written);
}

function checkStatusPath(ctx: RuleContext, ic: IntercomCall, node: StringASTNode): void {
  const version = ic.version.version!;
  const written = node.value.trim().replace(/^\$\.(?!\.)/, '');
  const right = statusPathFor(version);
  if (readsTicketParts(written)) {
    ctx.report({
      offset: node.offset, length: node.length, severity: 'error', code: 'intercom-ticket-status-parts',
      message: `Status read from ticket parts: "${written}" reads the ticket's parts (ticket_parts), not the ticket; each part carries its own ticket_state and previous_ticket_state as plain strings of the moment it was written (the first is "submitted"), so the value never follows the ticket's current state and EIC's WSRETRY job can poll forever or close the task too early. Read the ticket's own state: "${right}".`,
      fixes: [{ title: `Change to "${right}"`, edits: [replaceString(node, right)], isPreferred: true }],
    });
    return;
  }
  const pinned = isPinned(ic.version);
  if (written === 'ticket_state' || written === 'ticket_state.category') {
    if (pinned && written === right) return;
    if (!pinned && written === 'ticket_state.category' && right === written) return; // intercom-version-missing explains the dependence
    const edits: TextEdit[] = [replaceString(node, right)];
    if (pinned) {
      const message = written === 'ticket_state'
        ? `Wrong status path: from Intercom-Version 2.12 on, ticket_state is an object {type, id, category, internal_label, external_label}; this path yields the whole object, which never equals a ticketStatusValue, so EIC's WSRETRY job polls this ticket forever. Read "ticket_state.category" (its values: ${TICKET_CATEGORIES.join(', ')}).`
        : `Wrong status path: in Intercom-Version ${version} ticket_state is a string (${TICKET_CATEGORIES.join(', ')}) with no category inside, so this path yields nothing and the ticket never completes. Read "ticket_state" — or pin 2.12 or later, where "ticket_state.category" is right.`;
      ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'intercom-ticket-status-path', message,
        fixes: [{ title: `Change to "${right}"`, edits, isPreferred: true }] });
      return;
    }
    // No pinned version: the shape depends on the app's Developer Hub setting.
    const fixes: Fix[] = [];
    const header = setHeaderEdits(ctx.doc, ic, 'Intercom-Version', version);
    if (header) fixes.push({ title: `Pin Intercom-Version "${version}" and read "${right}"`, edits: [...header, ...(written === right ? [] : edits)], isPreferred: true });
    const legacyHeader = setHeaderEdits(ctx.doc, ic, 'Intercom-Version', '2.11');
    if (legacyHeader && written === 'ticket_state' && right !== 'ticket_state') fixes.push({ title: 'Pin Intercom-Version "2.11" and keep "ticket_state"', edits: legacyHeader });
    ctx.report({
      offset: node.offset, length: node.length, severity: 'warning', code: 'intercom-ticket-status-path',
      message: `Version-dependent status path: this call pins no Intercom-Version, so the shape of ticket_state depends on the app's API version in the Intercom Developer Hub: up to 2.11 it is the status string and "ticket_state" works; from 2.12 (the current versions) it is an object, "ticket_state" never equals "resolved", and EIC's WSRETRY job polls the ticket forever. Pin the version and read the matching path: "ticket_state.category" for 2.12 and later.`,
      fixes,
    });
    return;
  }
  const label = /^ticket_state\.(internal_label|external_label|id)$/.exec(written);
  if (label && compareVersions(version, '2.12') >= 0) {
    ctx.report({
      offset: node.offset, length: node.length, severity: 'warning', code: 'intercom-ticket-status-path',
      message: `Workspace-specific status path: ticket_state.${label[1]} is defined per workspace (custom states and labels such as "With Dev Team"), so matching it against fixed values breaks when an admin edits the states. Read "ticket_state.category" and list the categories that mean done.`,
      fixes: [{ title: 'Change to "ticket_state.category"', edits: [replaceString(node, 'ticket_state.category')], isPreferred: true }],
    });
    return;
  }
  const tree = responseFields(ic.endpoint!, version);
  if (tree && written && !written.includes('${')) {
    checkPath(ctx, node, node.value.length - node.value.trimStart().length, written, tree, `the ticket returned by ${ic.endpoint!.method} ${ic.endpoint!.path} (Intercom-Version ${version})`, ic.endpoint!, false);
  }
}

function checkStatusValues(ctx: RuleContext, ic: IntercomCall, values: ArrayASTNode): void {
  const strings = values.items.filter(isString);
  const valid = strings.filter(s => TICKET_CATEGORIES.includes(s.value));
  for (const s of strings) {
    if (TICKET_CATEGORIES.includes(s.value) || s.value.includes('${')) {
      if (s.value === 'submitted') {
        ctx.report({ offset: s.offset, length: s.length, severity: 'warning', code: 'intercom-ticket-status-value',
          message: 'Status that is never final: every new Intercom ticket starts in the category "submitted", so listing it here marks the task done right after the ticket is created. List the categories that mean the work is finished, normally "resolved".' });
      }
      continue;
    }
    const norm = s.value.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const guess = TICKET_CATEGORIES.includes(norm) ? norm
      : didYouMean(norm, TICKET_CATEGORIES) ?? (/^(closed?|done|completed?|solved|finished)$/.test(norm) ? 'resolved' : undefined);
    ctx.report({
      offset: s.offset, length: s.length, severity: valid.length ? 'warning' : 'error', code: 'intercom-ticket-status-value',
      message: `Unknown ticket state "${s.value}": it is not an Intercom ticket state category (${TICKET_CATEGORIES.join(', ')}); the comparison is exact, so it never matches${valid.length ? '' : ' and, with no other valid value listed, EIC polls this ticket forever'}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      fixes: guess ? [{ title: `Change to "${guess}"`, edits: [replaceString(s, guess)], isPreferred: true }] : [],
    });
  }
}

function checkDeleted(ctx: RuleContext, ic: IntercomCall): void {
  const unsuccess = getValue(ic.call.node, 'unsuccessResponses');
  if (unsuccess && /\b404\b/.test(ctx.doc.text.substr(unsuccess.offset, unsuccess.length))) return;
  const success = getProperty(ic.call.node, 'successResponses');
  const anchor = success ?? getProperty(ic.call.node, 'ticketStatusValue') ?? getProperty(ic.call.node, 'ticketStatusPath');
  if (!anchor) return;
  const fixes: Fix[] = unsuccess ? [] : [{ title: 'Add "unsuccessResponses": {"statusCode": [404]}',
    edits: [insertProperty(ctx.doc, ic.call.node, 'unsuccessResponses', '{"statusCode": [404]}', anchor)] }];
  ctx.report({
    offset: anchor.keyNode.offset, length: anchor.keyNode.length, severity: 'information', code: 'intercom-ticket-deleted',
    message: 'Deleted tickets not handled: a ticket deleted in Intercom answers 404 (ticket_not_found) on every poll. Consider listing 404 among the unsuccessful statuses so the task ends as failed instead of being retried by every WSRETRY run.',
    fixes,
  });
}

export const intercomTicketStatusRule: Rule = {
  id: 'intercom-ticket-status',
  grammars: ['ticketStatus'],
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      if (!ic.version.version || !ic.endpoint || !TICKET_ENDPOINTS.has(ic.endpoint.key)) continue;
      const path = getValue(ic.call.node, 'ticketStatusPath');
      if (isString(path)) checkStatusPath(ctx, ic, path);
      const statusPath = isString(path) ? path.value.trim().replace(/^\$\./, '') : '';
      const values = getValue(ic.call.node, 'ticketStatusValue');
      if (isArray(values) && /^ticket_state(\.category)?$/.test(statusPath)) checkStatusValues(ctx, ic, values);
      if (ic.endpoint.method === 'GET') checkDeleted(ctx, ic);
    }
  },
};
