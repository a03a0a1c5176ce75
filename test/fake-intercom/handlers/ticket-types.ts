// Ticket types (list, retrieve, create, add attribute) and GET /ticket_states.

import { invalid, missing, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeAttribute, serializeTicketStateDetailed, serializeTicketType } from '../serialize-tickets.js';
import type { TicketAttributeRecord, TicketCategory, TicketTypeRecord } from '../types.js';
import { guid } from '../seed-util.js';
import { defaultTicketAttributes, ticketAttribute } from '../ticket-attributes.js';

const CATEGORIES: TicketCategory[] = ['Customer', 'Back-office', 'Tracker'];
const DATA_TYPES: TicketAttributeRecord['dataType'][] = ['string', 'list', 'integer', 'decimal', 'boolean', 'datetime', 'files'];

function typeOrThrow(ctx: HandlerContext): TicketTypeRecord {
  const type = ctx.ws.ticketTypes.find((t) => t.id === ctx.params.id);
  if (!type) throw notFound();
  return type;
}

function listTypes(ctx: HandlerContext) {
  return ok({ type: 'list', data: ctx.ws.ticketTypes.map((t) => serializeTicketType(t, ctx)) });
}

function getType(ctx: HandlerContext) {
  return ok(serializeTicketType(typeOrThrow(ctx), ctx));
}

function newAttribute(
  ctx: HandlerContext,
  name: string,
  extra: Partial<TicketAttributeRecord>,
): TicketAttributeRecord {
  return ticketAttribute(String(ctx.ws.counters.ticketAttribute++), name, { createdAt: ctx.now, updatedAt: ctx.now }, extra);
}

function createType(ctx: HandlerContext) {
  const { name, description, category, icon, is_internal: isInternal } = ctx.body;
  if (name === undefined || name === null || name === '') throw missing('Name is a required parameter.');
  if (typeof name !== 'string') throw invalid('name must be a string');
  if (category !== undefined && !CATEGORIES.includes(category as TicketCategory)) {
    throw invalid(`category must be one of ${CATEGORIES.join(', ')}`);
  }
  const type: TicketTypeRecord = {
    id: String(ctx.ws.counters.ticketType++),
    name,
    description: typeof description === 'string' ? description : '',
    icon: typeof icon === 'string' ? icon : '🎟️',
    category: (category as TicketCategory | undefined) ?? 'Customer',
    archived: false,
    isInternal: isInternal === true,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    attributes: [],
  };
  type.attributes.push(
    ...defaultTicketAttributes(() => String(ctx.ws.counters.ticketAttribute++), { createdAt: ctx.now, updatedAt: ctx.now }),
  );
  ctx.ws.ticketTypes.push(type);
  // The default states apply to every type.
  for (const state of ctx.ws.ticketStates.slice(0, 4)) state.typeIds.push(type.id);
  return ok(serializeTicketType(type, ctx));
}

function createAttribute(ctx: HandlerContext) {
  const type = typeOrThrow(ctx);
  const b = ctx.body;
  for (const key of ['name', 'description', 'data_type']) {
    if (b[key] === undefined || b[key] === null || b[key] === '') throw missing(`${key} is a required parameter`);
  }
  if (typeof b.name !== 'string' || typeof b.description !== 'string') throw invalid('name and description must be strings');
  if (!DATA_TYPES.includes(b.data_type as TicketAttributeRecord['dataType'])) throw invalid("Data Type isn't an option");
  const dataType = b.data_type as TicketAttributeRecord['dataType'];
  let listOptions = null;
  if (dataType === 'list') {
    if (typeof b.list_items !== 'string' || b.list_items.trim() === '') throw invalid('list_items is required for list attributes');
    listOptions = b.list_items
      .split(',')
      .map((label) => label.trim())
      .filter(Boolean)
      .map((label) => ({ id: guid(`${ctx.ws.idCode}/${type.id}/${b.name}/${label}`), label, archived: false }));
  }
  const attr = newAttribute(ctx, b.name, {
    description: b.description,
    dataType,
    order: type.attributes.length,
    requiredToCreate: b.required_to_create === true,
    requiredToCreateForContacts: b.required_to_create_for_contacts === true,
    visibleOnCreate: b.visible_on_create !== false,
    visibleToContacts: b.visible_to_contacts === true,
    multiline: b.multiline === true,
    listOptions,
  });
  type.attributes.push(attr);
  type.updatedAt = ctx.now;
  return ok(serializeAttribute(attr, type, ctx.ws));
}

function listStates(ctx: HandlerContext) {
  return ok({ type: 'list', data: ctx.ws.ticketStates.map((s) => serializeTicketStateDetailed(s, ctx)) });
}

const R = 'read_tickets';
const W = 'write_tickets';
const F = 'tickets';

export const ticketTypeRoutes: RouteDef[] = [
  { method: 'GET', path: '/ticket_types', scope: R, feature: F, since: '2.9', handler: listTypes },
  { method: 'POST', path: '/ticket_types', scope: W, feature: F, since: '2.9', handler: createType },
  { method: 'GET', path: '/ticket_types/:id', scope: R, feature: F, since: '2.9', handler: getType },
  { method: 'POST', path: '/ticket_types/:id/attributes', scope: W, feature: F, since: '2.9', handler: createAttribute },
  { method: 'GET', path: '/ticket_states', scope: R, feature: F, since: '2.12', handler: listStates },
];
