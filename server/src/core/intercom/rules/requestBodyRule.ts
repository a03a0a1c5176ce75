/**
 * Request bodies (`httpParams` JSON strings) of Intercom calls. Ranges point at
 * the exact characters inside the escaped string.
 * - `intercom-body-required` (error): a top-level field the endpoint requires is missing (POST /tickets
 *   without ticket_type_id or contacts): Intercom answers 400;
 * - `intercom-ticket-attributes` (error): ticket attribute keys `title` / `description` instead of the
 *   default attributes `_default_title_` / `_default_description_`;
 * - `intercom-ticket-contacts` (error, or warning for a doubtful id): contacts must hold exactly one
 *   item with `id`, `external_id` or `email`; `${user.id}` is Saviynt's id, not an Intercom contact id;
 * - `intercom-ticket-type-id` (warning): ticket_type_id taken from a per-user binding.
 * (`intercom-success-status` lives in successStatusRule.ts.)
 */
import type { Fix } from '../../types';
import { getValue } from '../../json/ast';
import type { IntercomEndpoint } from '../catalog';
import { requiredBodyFields } from '../catalog';
import { didYouMean } from '../../text/didYouMean';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { intercomCalls, lookup } from './model';
import {
  JsonNode, ParsedBody, bodyProperties, bodyProperty, isBindingValue, parsedBody, rawString, stringContent,
} from './support';

const TICKET_CREATE = new Set(['POST /tickets', 'POST /tickets/enqueue']);
const DEFAULT_ATTRIBUTES = ['_default_title_', '_default_description_'];
/** Saviynt-side identifiers that are not Intercom contact ids. */
const SAVIYNT_IDS = /^\$\{\s*user\.(id|userkey|username|systemusername|employeeid)\s*\}$/i;
const CONTACT_KEYS = ['id', 'external_id', 'email'];

function span(ctx: RuleContext, body: ParsedBody, n: { offset: number; length: number }) {
  return spanIn(ctx.doc, body.node, n.offset, n.length);
}


function replaceIn(ctx: RuleContext, body: ParsedBody, n: { offset: number; length: number }, text: string) {
  return editIn(ctx.doc, body.node, n.offset, n.length, text);
}

function checkRequired(ctx: RuleContext, body: ParsedBody, endpoint: IntercomEndpoint, version: string): void {
  if (body.root.type !== 'object') return;
  const missing = lookup(`required ${endpoint.key} ${version}`, () => requiredBodyFields(endpoint, version)).filter(f => !bodyProperty(body.root, f));
  if (!missing.length) return;
  ctx.report({
    ...span(ctx, body, body.root), severity: 'error', code: 'intercom-body-required',
    message: `Missing required field ${missing.map(f => `"${f}"`).join(' and ')}: ${endpoint.method} ${endpoint.path} requires ${missing.length > 1 ? 'them' : 'it'} in the request body (Intercom-Version ${version}); without ${missing.length > 1 ? 'them' : 'it'} Intercom answers 400.`,
  });
}

/** The default attribute a ticket attribute key was meant to be ("title" → "_default_title_"), if any. */
export function defaultAttributeFor(name: string): string | undefined {
  if (DEFAULT_ATTRIBUTES.includes(name)) return undefined;
  const lower = name.toLowerCase();
  return lower === 'title' || lower === 'subject' ? '_default_title_'
    : lower === 'description' || lower === 'body' ? '_default_description_'
    : didYouMean(name, DEFAULT_ATTRIBUTES);
}

function checkAttributes(ctx: RuleContext, body: ParsedBody): void {
  const attrs = bodyProperty(body.root, 'ticket_attributes')?.value;
  for (const { key } of bodyProperties(attrs)) {
    const name = String(key.value);
    const right = defaultAttributeFor(name);
    if (!right) continue;
    const inner = { offset: key.offset + 1, length: key.length - 2 };
    ctx.report({
      ...span(ctx, body, inner), severity: 'error', code: 'intercom-ticket-attributes',
      message: `Wrong ticket attribute name "${name}": the default title and description attributes of every Intercom ticket type are named "_default_title_" and "_default_description_". Intercom rejects or ignores unknown attribute names (and answers 400 "Missing required ticket attributes" when the type requires a title). Write "${right}".`,
      fixes: [{ title: `Rename to "${right}"`, edits: [replaceIn(ctx, body, inner, right)], isPreferred: true }],
    });
  }
}

function checkContactItem(ctx: RuleContext, body: ParsedBody, item: JsonNode): void {
  if (isBindingValue(body, item)) return;
  if (item.type !== 'object') {
    ctx.report({ ...span(ctx, body, item), severity: 'error', code: 'intercom-ticket-contacts',
      message: 'Wrong ticket contact: each contact of a ticket is an object with one of "id" (Intercom\'s contact id), "external_id" or "email", e.g. {"email":"${user.email}"}.',
      fixes: [{ title: 'Use {"email":"${user.email}"}', edits: [replaceIn(ctx, body, item, '{"email":"${user.email}"}')] }] });
    return;
  }
  const props = bodyProperties(item);
  const keys = props.filter(p => CONTACT_KEYS.includes(String(p.key.value)));
  if (!keys.length) {
    ctx.report({ ...span(ctx, body, item), severity: 'error', code: 'intercom-ticket-contacts',
      message: `Wrong ticket contact: it must be identified by "id" (Intercom's contact id), "external_id" or "email"; ${props.length ? `${props.map(p => `"${p.key.value}"`).join(', ')} ${props.length > 1 ? 'are' : 'is'} not accepted` : 'this object is empty'}.`,
      fixes: [{ title: 'Use {"email":"${user.email}"}', edits: [replaceIn(ctx, body, item, '{"email":"${user.email}"}')] }] });
    return;
  }
  if (keys.length > 1) {
    ctx.report({ ...span(ctx, body, item), severity: 'warning', code: 'intercom-ticket-contacts',
      message: `Ambiguous ticket contact: give it by one of "id", "external_id" or "email", not ${keys.map(k => `"${k.key.value}"`).join(' and ')}: Intercom documents exactly one.` });
  }
  const id = keys.find(k => k.key.value === 'id');
  if (!id) return;
  const value = rawString(body, id.value).trim();
  if (SAVIYNT_IDS.test(value)) {
    ctx.report({
      ...span(ctx, body, stringContent(id.value)), severity: 'warning', code: 'intercom-ticket-contacts',
      message: `Wrong ticket contact: ${value} is Saviynt's own identifier for the user, not an Intercom contact id (a 24-character hexadecimal id), so Intercom finds no such contact. Send the user's email instead — {"email":"\${user.email}"} (Intercom creates the contact if it is missing) — or an external_id the contacts were created with.`,
      fixes: [{ title: 'Use {"email":"${user.email}"}', edits: [replaceIn(ctx, body, item, '{"email":"${user.email}"}')], isPreferred: true }],
    });
  } else if (/^\$\{\s*user\.(email|secondaryEmail)\s*\}$/i.test(value) || /^[^\s@${}]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    ctx.report({
      ...span(ctx, body, id.key), severity: 'error', code: 'intercom-ticket-contacts',
      message: `Wrong ticket contact: ${value} is an email address, but "id" must be Intercom's contact id. Send it as "email".`,
      fixes: [{ title: 'Rename the key to "email"', edits: [replaceIn(ctx, body, { offset: id.key.offset + 1, length: id.key.length - 2 }, 'email')], isPreferred: true }],
    });
  }
}

function checkContacts(ctx: RuleContext, body: ParsedBody): void {
  const contacts = bodyProperty(body.root, 'contacts');
  if (!contacts || isBindingValue(body, contacts.value)) return;
  const list = contacts.value;
  if (list.type !== 'array') {
    const fixes: Fix[] = list.type === 'object' ? [{ title: 'Wrap it in a list', edits: [replaceIn(ctx, body, list, `[${body.value.slice(list.offset, list.offset + list.length)}]`)], isPreferred: true }] : [];
    ctx.report({ ...span(ctx, body, list), severity: 'error', code: 'intercom-ticket-contacts',
      message: 'Wrong ticket contacts: "contacts" must be a list holding exactly one contact, e.g. [{"email":"${user.email}"}].', fixes });
    return;
  }
  const items = list.children ?? [];
  if (items.length !== 1) {
    ctx.report({ ...span(ctx, body, list), severity: 'error', code: 'intercom-ticket-contacts',
      message: `${items.length === 0 ? 'No ticket contact' : 'Too many ticket contacts'}: a ticket takes exactly one contact, here ${items.length === 0 ? 'the list is empty' : `there are ${items.length}`}; Intercom rejects the request. Keep one, e.g. [{"email":"\${user.email}"}].` });
    if (!items.length) return;
  }
  for (const item of items) checkContactItem(ctx, body, item);
}

function checkTicketType(ctx: RuleContext, body: ParsedBody): void {
  const type = bodyProperty(body.root, 'ticket_type_id');
  if (!type) return;
  const value = rawString(body, type.value).trim();
  if (!/\$\{\s*(user|requestor|account|requestAccessAttributes|reqAttrs)\b/.test(value)) return;
  ctx.report({
    ...span(ctx, body, stringContent(type.value)), severity: 'warning', code: 'intercom-ticket-type-id',
    message: `Ticket type varies per user: ticket_type_id comes from ${value}, which differs per user. The ticket type is a property of the integration: use the fixed id of one ticket type from GET /ticket_types (usually a Back-office type for internal provisioning work).`,
  });
}

export const intercomRequestBodyRule: Rule = {
  id: 'intercom-request-body',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      if (ic.call.role === 'auth') continue;
      const version = ic.version.version;
      if (!version || !ic.endpoint || ic.endpoint.method === 'GET') continue;
      const body = parsedBody(ctx.doc, getValue(ic.http, 'httpParams'));
      if (!body) continue;
      checkRequired(ctx, body, ic.endpoint, version);
      if (!TICKET_CREATE.has(ic.endpoint.key) || body.root.type !== 'object') continue;
      checkAttributes(ctx, body);
      checkContacts(ctx, body);
      checkTicketType(ctx, body);
    }
  },
};
