// Tickets: retrieve (with poll-driven transitions), update (state rules per version), delete,
// search and tags.

import { ApiError, invalid, missing, notFound, ticketNotFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeTag } from '../serialize.js';
import { serializeTicket } from '../serialize-tickets.js';
import type { FieldDef } from '../search-query.js';
import {
  applyPollTransitions,
  changeState,
  findTicket,
  firstStateOfCategory,
  stateOf,
  statesForType,
  ticketTypeOf,
} from '../ticket-lifecycle.js';
import type { AdminRecord, TicketRecord, TicketStateRecord } from '../types.js';
import { atLeast } from '../versions.js';
import { runSearch } from './search-common.js';

function ticketOrThrow(ctx: HandlerContext): TicketRecord {
  const ticket = findTicket(ctx.ws, ctx.params.id);
  if (!ticket) throw ticketNotFound();
  return ticket;
}

function getTicket(ctx: HandlerContext) {
  const ticket = ticketOrThrow(ctx);
  applyPollTransitions(ctx.ws, ticket, ctx.now);
  return ok(serializeTicket(ticket, ctx));
}

const assigneeMissing = () => new ApiError(404, 'assignee_not_found', 'Assignee not found');

function adminById(ctx: HandlerContext, raw: unknown): AdminRecord {
  const admin = ctx.ws.admins.find((a) => a.id === String(raw));
  if (!admin) throw assigneeMissing();
  return admin;
}

/** Applies an assignee id (admin or team; "0" unassigns). */
function assign(ctx: HandlerContext, ticket: TicketRecord, raw: unknown): void {
  const id = String(raw);
  if (id === '0') {
    ticket.adminAssigneeId = 0;
    ticket.teamAssigneeId = 0;
  } else if (ctx.ws.admins.some((a) => a.id === id)) ticket.adminAssigneeId = Number(id);
  else if (ctx.ws.teams.some((t) => t.id === id)) ticket.teamAssigneeId = Number(id);
  else throw assigneeMissing();
}

function requestedState(ctx: HandlerContext, ticket: TicketRecord): TicketStateRecord | undefined {
  const b = ctx.body;
  if (atLeast(ctx.version, '2.12')) {
    if (b.state !== undefined) throw invalid('state is not accepted from version 2.12; send ticket_state_id');
    if (b.ticket_state_id === undefined || b.ticket_state_id === null) return undefined;
    const state = statesForType(ctx.ws, ticket.typeId).find((s) => s.id === String(b.ticket_state_id));
    if (!state) {
      throw new ApiError(400, 'ticket_state_id_invalid', 'Ticket state id is not valid or is not associated with the ticket type');
    }
    return state;
  }
  if (b.ticket_state_id !== undefined) throw invalid('ticket_state_id needs version 2.12 or later; send state');
  if (b.state === undefined || b.state === null) return undefined;
  if (b.state !== 'in_progress' && b.state !== 'waiting_on_customer' && b.state !== 'resolved') {
    throw invalid('state must be one of in_progress, waiting_on_customer or resolved');
  }
  return firstStateOfCategory(ctx.ws, ticket.typeId, b.state);
}

function updateAttributes(ctx: HandlerContext, ticket: TicketRecord): void {
  const raw = ctx.body.ticket_attributes;
  if (raw === undefined) return;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('ticket_attributes must be an object');
  const type = ticketTypeOf(ctx.ws, ticket);
  const extra = Object.keys(raw).filter((k) => !type.attributes.some((a) => !a.archived && a.name === k));
  if (extra.length > 0 && !ctx.options.lenientUnknownAttributes) {
    throw invalid(`Extra attributes provided that are not found on ticket type: ${extra.join(', ')}`);
  }
  for (const [k, v] of Object.entries(raw)) if (!extra.includes(k)) ticket.attributes[k] = v;
}

function updateTicket(ctx: HandlerContext) {
  const ticket = ticketOrThrow(ctx);
  const b = ctx.body;
  const next = requestedState(ctx, ticket);
  let author: AdminRecord | undefined;
  if (atLeast(ctx.version, '2.14')) {
    if (b.admin_id !== undefined && b.admin_id !== null) author = adminById(ctx, b.admin_id);
    if (b.assignee_id !== undefined && b.assignee_id !== null) assign(ctx, ticket, b.assignee_id);
  } else if (b.assignment !== undefined && b.assignment !== null) {
    if (typeof b.assignment !== 'object' || Array.isArray(b.assignment)) throw invalid('assignment must be an object');
    const a = b.assignment as Record<string, unknown>;
    if (a.admin_id !== undefined && a.admin_id !== null) author = adminById(ctx, a.admin_id);
    if (a.assignee_id !== undefined && a.assignee_id !== null) assign(ctx, ticket, a.assignee_id);
  }
  if (b.company_id !== undefined && b.company_id !== null) {
    const company = ctx.ws.companies.find((c) => c.id === String(b.company_id) || c.companyId === String(b.company_id));
    const linked = ticket.contactIds.some((id) => ctx.ws.contactById.get(id)?.companyIds.includes(company?.id ?? ''));
    if (!company || !linked) throw invalid(`Company ${String(b.company_id)} is not associated with the ticket's contacts`);
    ticket.companyId = company.id;
  }
  updateAttributes(ctx, ticket);
  if (b.open !== undefined) {
    if (typeof b.open !== 'boolean') throw invalid('open must be a boolean');
    ticket.open = b.open;
    if (!b.open) ticket.snoozedUntil = null;
  }
  if (b.is_shared !== undefined) ticket.isShared = b.is_shared === true;
  if (b.snoozed_until !== undefined) {
    if (b.snoozed_until !== null && typeof b.snoozed_until !== 'number') throw invalid('snoozed_until must be a Unix timestamp');
    ticket.snoozedUntil = b.snoozed_until as number | null;
  }
  if (next && next.id !== stateOf(ctx.ws, ticket).id) changeState(ctx.ws, ticket, next, ctx.now, author);
  ticket.updatedAt = ctx.now;
  return ok(serializeTicket(ticket, ctx));
}

function deleteTicket(ctx: HandlerContext) {
  const ticket = ticketOrThrow(ctx);
  ticket.deleted = true;
  return ok({ id: ticket.id, object: 'ticket', deleted: true });
}

const SEARCH_CATEGORY: Record<string, string> = { Customer: 'request', 'Back-office': 'task', Tracker: 'tracker' };

function ticketField(ctx: HandlerContext, name: string): FieldDef<TicketRecord> | undefined {
  const date = (get: (t: TicketRecord) => number | null): FieldDef<TicketRecord> => ({ kind: 'date', get });
  const attr = (t: TicketRecord, key: string) => (t.attributes[key] ?? null) as string | null;
  if (name === 'ticket_state') throw invalid('ticket_state is not searchable; search on the field "state"');
  if (name.startsWith('ticket_attribute.')) {
    const id = name.slice('ticket_attribute.'.length);
    const names = ctx.ws.ticketTypes.flatMap((t) => t.attributes).filter((a) => a.id === id).map((a) => a.name);
    return names.length ? { kind: 'any', get: (t) => attr(t, names[0]) } : undefined;
  }
  const fields: Record<string, FieldDef<TicketRecord>> = {
    id: { kind: 'string', get: (t) => t.id },
    created_at: date((t) => t.createdAt),
    updated_at: date((t) => t.updatedAt),
    snoozed_until: date((t) => t.snoozedUntil),
    title: { kind: 'string', get: (t) => attr(t, '_default_title_') },
    description: { kind: 'string', get: (t) => attr(t, '_default_description_') },
    category: { kind: 'string', get: (t) => SEARCH_CATEGORY[ticketTypeOf(ctx.ws, t).category] },
    ticket_type_id: { kind: 'string', get: (t) => t.typeId },
    contact_ids: { kind: 'id_list', get: (t) => t.contactIds },
    teammate_ids: { kind: 'id_list', get: (t) => (t.adminAssigneeId ? [String(t.adminAssigneeId)] : []) },
    admin_assignee_id: { kind: 'number', get: (t) => t.adminAssigneeId },
    team_assignee_id: { kind: 'number', get: (t) => t.teamAssigneeId },
    open: { kind: 'boolean', get: (t) => t.open },
    state: { kind: 'string', get: (t) => stateOf(ctx.ws, t).category },
  };
  return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
}

function searchTickets(ctx: HandlerContext) {
  const result = runSearch<TicketRecord>(ctx, {
    endpoint: 'tickets.search',
    resolve: (name) => ticketField(ctx, name),
    items: ctx.ws.tickets.filter((t) => !t.deleted),
    idOf: (t) => t.id,
    defaultSort: 'created_at',
    defaultPerPage: 20,
  });
  return ok({
    type: 'ticket.list',
    tickets: result.data.map((t) => serializeTicket(t, ctx)),
    total_count: result.totalCount,
    pages: result.pages,
  });
}

function tagTicket(ctx: HandlerContext) {
  const ticket = ticketOrThrow(ctx);
  if (ctx.body.id === undefined || ctx.body.id === null) throw missing('id is a required parameter');
  if (ctx.body.admin_id === undefined || ctx.body.admin_id === null) throw missing('admin_id is a required parameter');
  const tag = ctx.ws.tags.find((t) => t.id === String(ctx.body.id));
  if (!tag) throw notFound();
  const admin = ctx.ws.admins.find((a) => a.id === String(ctx.body.admin_id));
  if (!admin) throw new ApiError(404, 'admin_not_found', 'Admin not found');
  ticket.tags = ticket.tags.filter((t) => t.tagId !== tag.id);
  ticket.tags.push({ tagId: tag.id, appliedAt: ctx.now, appliedBy: admin.id });
  return ok({ ...serializeTag(tag), applied_at: ctx.now, applied_by: { type: 'admin', id: admin.id } });
}

function untagTicket(ctx: HandlerContext) {
  const ticket = ticketOrThrow(ctx);
  if (ctx.body.admin_id === undefined || ctx.body.admin_id === null) throw missing('admin_id is a required parameter');
  const tag = ctx.ws.tags.find((t) => t.id === ctx.params.tagId);
  if (!tag) throw notFound();
  ticket.tags = ticket.tags.filter((t) => t.tagId !== tag.id);
  return ok(serializeTag(tag));
}

const R = 'read_tickets';
const W = 'write_tickets';
const F = 'tickets';

export const ticketRoutes: RouteDef[] = [
  { method: 'POST', path: '/tickets/search', scope: R, feature: F, since: '2.10', handler: searchTickets },
  { method: 'GET', path: '/tickets/:id', scope: R, feature: F, since: '2.9', handler: getTicket },
  { method: 'PUT', path: '/tickets/:id', scope: W, feature: F, since: '2.9', handler: updateTicket },
  { method: 'DELETE', path: '/tickets/:id', scope: W, feature: F, since: '2.13', handler: deleteTicket },
  { method: 'POST', path: '/tickets/:id/tags', scope: W, feature: F, since: '2.10', handler: tagTicket },
  { method: 'DELETE', path: '/tickets/:id/tags/:tagId', scope: W, feature: F, since: '2.10', handler: untagTicket },
];
