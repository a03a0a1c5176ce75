// POST /tickets, POST /tickets/enqueue and GET /jobs/status/{id}, with the create validation of
// spec §4.6 in its documented order.

import { ApiError, invalid, missing, MSG, notFound } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeJob, serializeTicket } from '../serialize-tickets.js';
import { createTicket } from '../ticket-lifecycle.js';
import type { ContactRecord, TicketAttributeRecord, TicketCreateInput, TicketTypeRecord } from '../types.js';
import { atLeast } from '../versions.js';
import { findDuplicate, newContact } from './contact-common.js';

interface ValidatedCreate {
  input: Omit<TicketCreateInput, 'contactId'>;
  /** Existing contact, or the e-mail of a contact to create once validation has passed. */
  contact: ContactRecord | { email: string };
}

function resolveType(ctx: HandlerContext): TicketTypeRecord {
  const raw = ctx.body.ticket_type_id;
  if (raw === undefined || raw === null || raw === '') throw missing('ticket_type_id is a required parameter');
  if (typeof raw !== 'string' && typeof raw !== 'number') throw invalid('ticket_type_id must be a string or a number');
  const type = ctx.ws.ticketTypes.find((t) => t.id === String(raw));
  if (!type) throw notFound();
  if (type.archived) throw invalid(`Ticket type ${type.id} is archived`);
  return type;
}

function resolveContact(ctx: HandlerContext): ContactRecord | { email: string } {
  const contacts = ctx.body.contacts;
  if (contacts === undefined || contacts === null || (Array.isArray(contacts) && contacts.length === 0)) {
    throw missing('contacts is a required parameter');
  }
  if (!Array.isArray(contacts)) throw invalid('contacts must be an array of {id}, {external_id} or {email}');
  if (contacts.length > 1) throw invalid('Only one contact is currently allowed per ticket');
  const item = contacts[0] as Record<string, unknown> | null;
  if (!item || typeof item !== 'object') throw invalid('contacts items must be objects');
  const live = (c: ContactRecord | undefined) => (c && !c.deleted && c.mergedInto === null ? c : undefined);
  if (item.id !== undefined) {
    const found = live(ctx.ws.contactById.get(String(item.id)));
    if (!found) throw notFound(MSG.userNotFound);
    return found;
  }
  if (item.external_id !== undefined) {
    const found = live(ctx.ws.contacts.find((c) => c.externalId === String(item.external_id)));
    if (!found) throw notFound(MSG.userNotFound);
    return found;
  }
  if (typeof item.email === 'string' && item.email !== '') {
    return findDuplicate(ctx.ws, item.email, null) ?? { email: item.email };
  }
  throw invalid('Each contact needs an id, external_id or email');
}

function checkValueType(attr: TicketAttributeRecord, value: unknown): void {
  const mismatch = () =>
    new ApiError(400, 'type_mismatch', `The value of ${attr.name} must be of type ${attr.dataType}`);
  if (value === null) return;
  switch (attr.dataType) {
    case 'string':
      if (typeof value !== 'string') throw mismatch();
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch();
      return;
    case 'decimal':
      if (typeof value !== 'number') throw mismatch();
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw mismatch();
      return;
    case 'datetime':
      if (typeof value !== 'number' && typeof value !== 'string') throw mismatch();
      return;
    case 'list': {
      const ids = (attr.listOptions ?? []).filter((o) => !o.archived).map((o) => o.id);
      if (typeof value !== 'string' || !ids.includes(value)) {
        throw invalid(`${attr.name} must be the id of one of its list items (${ids.join(', ')}), not a label`);
      }
      return;
    }
    default:
      return;
  }
}

function readAttributes(ctx: HandlerContext, type: TicketTypeRecord): Record<string, unknown> {
  const raw = ctx.body.ticket_attributes ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('ticket_attributes must be an object');
  const given = { ...(raw as Record<string, unknown>) };
  const known = type.attributes.filter((a) => !a.archived);
  const extra = Object.keys(given).filter((k) => !known.some((a) => a.name === k));
  if (extra.length > 0) {
    if (!ctx.options.lenientUnknownAttributes) {
      throw invalid(`Extra attributes provided that are not found on ticket type: ${extra.join(', ')}`);
    }
    for (const k of extra) delete given[k];
  }
  const absent = (v: unknown) => v === undefined || v === null || v === '';
  if (known.some((a) => a.requiredToCreate && absent(given[a.name]))) throw invalid('Missing required ticket attributes');
  for (const attr of known) if (given[attr.name] !== undefined) checkValueType(attr, given[attr.name]);
  return given;
}

function assigneeIds(ctx: HandlerContext): { admin: number; team: number } {
  const a = ctx.body.assignment;
  if (!atLeast(ctx.version, '2.14') || a === undefined || a === null) return { admin: 0, team: 0 };
  if (typeof a !== 'object' || Array.isArray(a)) throw invalid('assignment must be an object');
  const { admin_assignee_id: adminId, team_assignee_id: teamId } = a as Record<string, unknown>;
  const admin = adminId === undefined || adminId === null ? 0 : Number(adminId);
  const team = teamId === undefined || teamId === null ? 0 : Number(teamId);
  if (admin !== 0 && !ctx.ws.admins.some((x) => Number(x.id) === admin)) {
    throw new ApiError(404, 'assignee_not_found', 'Assignee not found');
  }
  if (team !== 0 && !ctx.ws.teams.some((x) => Number(x.id) === team)) {
    throw new ApiError(404, 'assignee_not_found', 'Assignee not found');
  }
  return { admin, team };
}

function validateCreate(ctx: HandlerContext): ValidatedCreate {
  const type = resolveType(ctx);
  const contact = resolveContact(ctx);
  const attributes = readAttributes(ctx, type);
  let companyId: string | null = null;
  if (ctx.body.company_id !== undefined && ctx.body.company_id !== null) {
    const wanted = String(ctx.body.company_id);
    const company = ctx.ws.companies.find((c) => c.id === wanted || c.companyId === wanted);
    if (!company || !('id' in contact) || !contact.companyIds.includes(company.id)) {
      throw invalid(`Company ${wanted} is not associated with the ticket's contact`);
    }
    companyId = company.id;
  }
  const createdAt = ctx.body.created_at;
  if (createdAt !== undefined && (typeof createdAt !== 'number' || !Number.isInteger(createdAt))) {
    throw invalid('created_at must be a Unix timestamp in seconds');
  }
  const assigned = assigneeIds(ctx);
  return {
    contact,
    input: {
      typeId: type.id,
      attributes,
      companyId,
      createdAt: (createdAt as number | undefined) ?? null,
      adminAssigneeId: assigned.admin,
      teamAssigneeId: assigned.team,
    },
  };
}

function materialiseContact(ctx: HandlerContext, contact: ValidatedCreate['contact']): ContactRecord {
  if ('id' in contact) return contact;
  return newContact(ctx.ws, { email: contact.email, role: 'user' }, ctx.now, ctx.options.searchIndexDelaySeconds);
}

function postTicket(ctx: HandlerContext) {
  const v = validateCreate(ctx);
  const contact = materialiseContact(ctx, v.contact);
  const ticket = createTicket(ctx.ws, { ...v.input, contactId: contact.id }, ctx.now);
  return ok(serializeTicket(ticket, ctx));
}

function enqueueTicket(ctx: HandlerContext) {
  const v = validateCreate(ctx);
  const contact = materialiseContact(ctx, v.contact);
  const id = String(ctx.ws.counters.job++);
  const job = {
    id,
    createdAt: ctx.now,
    readyAt: ctx.now + ctx.options.jobDelaySeconds,
    create: { ...v.input, contactId: contact.id },
    ticketId: null,
  };
  ctx.ws.jobs.set(id, job);
  return ok(serializeJob(job, ctx));
}

function jobStatus(ctx: HandlerContext) {
  const job = ctx.ws.jobs.get(ctx.params.id);
  if (!job) throw notFound('Job not found');
  return ok(serializeJob(job, ctx));
}

export const ticketCreateRoutes: RouteDef[] = [
  { method: 'POST', path: '/tickets', scope: 'write_tickets', feature: 'tickets', since: '2.9', handler: postTicket },
  {
    method: 'POST',
    path: '/tickets/enqueue',
    scope: 'write_tickets',
    feature: 'tickets',
    since: '2.14',
    handler: enqueueTicket,
  },
  { method: 'GET', path: '/jobs/status/:id', scope: null, feature: null, since: '2.14', handler: jobStatus },
];
