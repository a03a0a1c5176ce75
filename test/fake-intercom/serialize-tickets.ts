// Version-aware JSON shapes of tickets, ticket types, attributes, states and jobs (spec §3 table).

import type {
  JobRecord,
  TicketAttributeRecord,
  TicketRecord,
  TicketStateRecord,
  TicketTypeRecord,
  WorkspaceRecord,
} from './types.js';
import type { SerializeContext } from './serialize.js';
import { stateById, stateOf, statesForType, ticketTypeOf } from './ticket-lifecycle.js';
import { atLeast, isV216 } from './versions.js';

export function serializeAttribute(
  attr: TicketAttributeRecord,
  type: TicketTypeRecord,
  ws: WorkspaceRecord,
): Record<string, unknown> {
  let inputOptions: Record<string, unknown> | null = null;
  if (attr.listOptions) {
    inputOptions = {
      list_options: attr.listOptions.map((o) => ({ id: o.id, label: o.label, archived: o.archived })),
      allow_multiple_values: false,
    };
  } else if (attr.dataType === 'string') {
    inputOptions = { multiline: attr.multiline };
  }
  return {
    type: 'ticket_type_attribute',
    id: attr.id,
    workspace_id: ws.idCode,
    name: attr.name,
    description: attr.description,
    data_type: attr.dataType,
    input_options: inputOptions,
    order: attr.order,
    required_to_create: attr.requiredToCreate,
    required_to_create_for_contacts: attr.requiredToCreateForContacts,
    visible_on_create: attr.visibleOnCreate,
    visible_to_contacts: attr.visibleToContacts,
    default: attr.isDefault,
    ticket_type_id: Number(type.id),
    archived: attr.archived,
    created_at: attr.createdAt,
    updated_at: attr.updatedAt,
  };
}

export function stateObject(s: TicketStateRecord): Record<string, unknown> {
  return {
    type: 'ticket_state',
    id: s.id,
    category: s.category,
    internal_label: s.internalLabel,
    external_label: s.externalLabel,
  };
}

export function serializeTicketType(type: TicketTypeRecord, ctx: SerializeContext): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'ticket_type',
    id: type.id,
    category: type.category,
    name: type.name,
    description: type.description,
    icon: type.icon,
    workspace_id: ctx.ws.idCode,
    // Real payloads use {type:"list", data:[…]}, not the schema's ticket_type_attributes wrapper.
    ticket_type_attributes: {
      type: 'list',
      data: type.attributes.filter((a) => !a.archived).map((a) => serializeAttribute(a, type, ctx.ws)),
    },
    archived: type.archived,
    is_internal: type.isInternal,
    created_at: type.createdAt,
    updated_at: type.updatedAt,
  };
  if (atLeast(ctx.version, '2.12')) {
    out.ticket_states = { type: 'list', data: statesForType(ctx.ws, type.id).map(stateObject) };
  }
  return out;
}

/** GET /ticket_states item: every state, archived ones included, with the types it belongs to. */
export function serializeTicketStateDetailed(state: TicketStateRecord, ctx: SerializeContext): Record<string, unknown> {
  const types = ctx.ws.ticketTypes.filter((t) => state.typeIds.includes(t.id));
  return {
    ...stateObject(state),
    ticket_types: {
      type: 'list',
      data: types.map((t) => ({
        type: 'ticket_type',
        id: t.id,
        name: t.name,
        description: t.description,
        icon: t.icon,
        archived: t.archived,
        is_internal: t.isInternal,
        category: t.category,
      })),
    },
    archived: state.archived,
  };
}

export function serializeTicket(ticket: TicketRecord, ctx: SerializeContext): Record<string, unknown> {
  const { ws, version } = ctx;
  const state = stateOf(ws, ticket);
  const type = ticketTypeOf(ws, ticket);
  const v216 = isV216(version);
  const assignee = (n: number): number | string => (v216 ? n : String(n));
  const out: Record<string, unknown> = {
    type: 'ticket',
    id: ticket.id,
    ticket_id: ticket.ticketId,
    category: type.category,
    ticket_attributes: { ...ticket.attributes },
    ticket_state: atLeast(version, '2.12') ? stateObject(state) : state.category,
    ticket_type: serializeTicketType(type, ctx),
    contacts: {
      type: 'contact.list',
      contacts: ticket.contactIds.map((id) => ({
        type: 'contact',
        id,
        external_id: ws.contactById.get(id)?.externalId ?? null,
      })),
    },
    admin_assignee_id: assignee(ticket.adminAssigneeId),
    team_assignee_id: assignee(ticket.teamAssigneeId),
    created_at: ticket.createdAt,
    updated_at: ticket.updatedAt,
    ticket_parts: {
      type: 'ticket_part.list',
      // Inside parts the states stay strings in every version.
      ticket_parts: ticket.parts.map((p) => ({
        type: 'ticket_part',
        id: p.id,
        part_type: p.partType,
        ...(p.body !== null ? { body: p.body } : {}),
        ...(p.ticketState ? { ticket_state: p.ticketState, previous_ticket_state: p.previousTicketState } : {}),
        created_at: p.createdAt,
        updated_at: p.createdAt,
        author: { ...p.author },
        attachments: [],
        redacted: false,
      })),
      total_count: ticket.parts.length,
    },
    open: ticket.open,
    // Like the examples: present only while the ticket is snoozed.
    ...(ticket.snoozedUntil !== null ? { snoozed_until: ticket.snoozedUntil } : {}),
    linked_objects: { type: 'list', data: [], total_count: 0, has_more: false },
    is_shared: ticket.isShared,
  };
  if (!atLeast(version, '2.12')) {
    out.ticket_state_internal_label = state.internalLabel;
    out.ticket_state_external_label = state.externalLabel;
  }
  if (v216) out.previous_ticket_state_id = stateById(ws, ticket.previousStateId)?.id ?? null;
  return out;
}

export function serializeJob(job: JobRecord, ctx: SerializeContext): Record<string, unknown> {
  const done = job.ticketId !== null;
  return {
    type: 'job',
    id: job.id,
    status: done ? 'success' : 'pending',
    url: `${ctx.base}/jobs/status/${job.id}`,
    resource_type: 'ticket',
    resource_id: done ? job.ticketId : null,
    resource_url: done ? `${ctx.base}/tickets/${job.ticketId}` : null,
  };
}
