/**
 * Live checks of ticket bodies against the workspace's ticket types (POST /tickets, /tickets/enqueue,
 * /tickets/{id}/change_type, /conversations/{id}/convert):
 * - `intercom-live-ticket-type` (error; warning for an archived type): ticket_type_id names no ticket
 *   type of the workspace; the message lists the workspace's types and the fixes put one in;
 * - `intercom-live-ticket-attribute-unknown` (error): a ticket_attributes key the type does not have
 *   (did-you-mean on the type's attribute names);
 * - `intercom-live-ticket-attribute-required` (error): an attribute the type requires to create
 *   that the body does not send (Intercom answers 400 "Missing required ticket attributes").
 * Keys the offline rule already renames (title → _default_title_) are left to it.
 */
import type { Fix } from '../../types';
import { closestName } from '../rules/fieldPaths';
import type { IntercomCall } from '../rules/model';
import { defaultAttributeFor } from '../rules/requestBodyRule';
import { JsonNode, ParsedBody, bodyProperties, bodyProperty, isBindingValue, rawString } from '../rules/support';
import { editIn } from '../../rules/support/stringNodes';
import { type LiveContext, callName, guessItem, inWorkspace, literalId, replaceIn, reportIn } from './liveContext';
import type { SnapshotTicketType } from './snapshot';

/** Endpoints whose body names a ticket type, and whether their ticket_attributes are the type's. */
const TICKET_TYPE_BODIES: Record<string, { attributes: boolean }> = {
  'POST /tickets': { attributes: true },
  'POST /tickets/enqueue': { attributes: true },
  'POST /tickets/{ticket_id}/change_type': { attributes: true },
  'POST /conversations/{conversation_id}/convert': { attributes: false },
};

function checkType(live: LiveContext, ic: IntercomCall, body: ParsedBody, node: JsonNode, id: string, types: readonly SnapshotTicketType[]): SnapshotTicketType | undefined {
  const type = types.find(t => t.id === id);
  const active = types.filter(t => !t.archived);
  const label = (t: SnapshotTicketType) => `${t.id} "${t.name}"${t.category ? ` (${t.category})` : ''}`;
  const fixesFor = (preferred: SnapshotTicketType | undefined): Fix[] => active.slice(0, 5).map(t => ({
    title: `Use ticket type ${t.id} "${t.name}"`,
    edits: [replaceIn(live, body, node, t.id)],
    ...(t === preferred ? { isPreferred: true } : {}),
  }));
  if (type && !type.archived) return type;
  if (type) {
    reportIn(live, body, node, 'intercom-live-ticket-type', 'warning',
      `Archived ticket type ${label(type)}: it is archived ${inWorkspace(live)}; new tickets of an archived type are refused or hidden from the inbox. Active types: ${active.map(label).join(', ') || 'none'}.`,
      fixesFor(active.find(t => t.name === type.name)));
    return type;
  }
  const guess = guessItem(active, id) as SnapshotTicketType | undefined;
  const named = guess && guess.name.toLowerCase() === id.trim().toLowerCase();
  reportIn(live, body, node, 'intercom-live-ticket-type', 'error',
    `${named ? `Ticket type name instead of id: "${id}" is the name of a ticket type, but ticket_type_id takes its id` : `Unknown ticket type ${id}: it does not exist ${inWorkspace(live)}`}; ${callName(ic)} would be refused. The workspace has ${active.length ? active.map(label).join(', ') : 'no active ticket types'}.${guess ? ` Did you mean ${guess.id} "${guess.name}"?` : ''}`,
    fixesFor(guess ?? (active.length === 1 ? active[0] : undefined)));
  return undefined;
}

function insertAttributes(live: LiveContext, body: ParsedBody, attrs: JsonNode | undefined, names: string[]): Fix['edits'] {
  const pairs = names.map(n => `${JSON.stringify(n)}:""`).join(',');
  if (attrs?.type === 'object') {
    const comma = (attrs.children?.length ?? 0) > 0 ? ',' : '';
    return [replaceAt(live, body, attrs.offset + 1, `${pairs}${comma}`)];
  }
  const root = body.root;
  const comma = (root.children?.length ?? 0) > 0 ? ',' : '';
  return [replaceAt(live, body, root.offset + root.length - 1, `${comma}"ticket_attributes":{${pairs}}`)];
}

/** An insertion at `index` of the decoded body. */
function replaceAt(live: LiveContext, body: ParsedBody, index: number, text: string): Fix['edits'][number] {
  return editIn(live.doc, body.node, index, 0, text);
}

function checkAttributes(live: LiveContext, ic: IntercomCall, body: ParsedBody, type: SnapshotTicketType, typeNode: JsonNode): void {
  const prop = bodyProperty(body.root, 'ticket_attributes');
  if (prop && (isBindingValue(body, prop.value) || prop.value.type !== 'object')) return;
  const attributes = type.attributes.filter(a => !a.archived);
  const names = attributes.map(a => a.name);
  const sent = new Set<string>();
  let boundKey = false;
  for (const { key } of bodyProperties(prop?.value)) {
    const name = rawString(body, key);
    if (name.includes('${')) { boundKey = true; continue; }
    sent.add(name);
    if (names.includes(name) || defaultAttributeFor(name)) continue;
    const guess = names.find(n => n.toLowerCase() === name.toLowerCase()) ?? closestName(name, names);
    const archived = type.attributes.some(a => a.archived && a.name === name);
    reportIn(live, body, key, 'intercom-live-ticket-attribute-unknown', 'error',
      `${archived ? 'Archived' : 'Unknown'} ticket attribute "${name}": it is ${archived ? 'an archived attribute' : 'not an attribute'} of ticket type ${type.id} "${type.name}" ${inWorkspace(live)}: Intercom refuses extra attributes ("Extra attributes provided that are not found on ticket type"). The type has ${names.map(n => `"${n}"`).join(', ') || 'no attributes'}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      guess ? [{ title: `Rename to "${guess}"`, edits: [replaceIn(live, body, key, guess)], isPreferred: true }] : []);
  }
  if (boundKey) return;
  const missing = attributes.filter(a => a.requiredToCreate && !sent.has(a.name)).map(a => a.name);
  if (!missing.length) return;
  const anchor = prop?.key ?? typeNode;
  reportIn(live, body, anchor, 'intercom-live-ticket-attribute-required', 'error',
    `Missing required ticket attribute ${missing.map(n => `"${n}"`).join(', ')}: ticket type ${type.id} "${type.name}" requires ${missing.length > 1 ? 'them' : 'it'} to create a ticket ${inWorkspace(live)}, and ${callName(ic)} does not send ${missing.length > 1 ? 'them' : 'it'}: Intercom answers 400 "Missing required ticket attributes". Add ${missing.length > 1 ? 'them' : 'it'} to ticket_attributes.`,
    [{ title: `Add ${missing.map(n => `"${n}"`).join(', ')} to ticket_attributes`, edits: insertAttributes(live, body, prop?.value, missing) }]);
}

export function checkTicketTypes(live: LiveContext, ic: IntercomCall, body: ParsedBody): void {
  const types = live.snapshot.ticketTypes;
  const kind = ic.endpoint && TICKET_TYPE_BODIES[ic.endpoint.key];
  if (!types || !kind || body.root.type !== 'object') return;
  const node = bodyProperty(body.root, 'ticket_type_id')?.value;
  const id = literalId(body, node);
  if (!id || !node) return;
  const type = checkType(live, ic, body, node, id, types);
  if (type && kind.attributes) checkAttributes(live, ic, body, type, node);
}

/** A literal ticket_type_id filter value of a ticket search (same check, no attributes). */
export function checkTicketTypeValue(live: LiveContext, ic: IntercomCall, body: ParsedBody, node: JsonNode): void {
  const types = live.snapshot.ticketTypes;
  const id = literalId(body, node);
  if (types && id) checkType(live, ic, body, node, id, types);
}
