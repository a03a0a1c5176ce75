// Ticket state changes shared by the API handlers and the test-control API: creating tickets,
// moving them between states, scheduled transitions (after N polls or at a clock time), and jobs.

import type {
  AdminRecord,
  TicketCreateInput,
  TicketRecord,
  TicketStateRecord,
  TicketTypeRecord,
  WorkspaceRecord,
} from './types.js';

export function findTicket(ws: WorkspaceRecord, id: string): TicketRecord | undefined {
  return ws.tickets.find((t) => t.id === id && !t.deleted);
}

export function ticketTypeOf(ws: WorkspaceRecord, ticket: TicketRecord): TicketTypeRecord {
  const type = ws.ticketTypes.find((t) => t.id === ticket.typeId);
  if (!type) throw new Error(`ticket ${ticket.id} has unknown type ${ticket.typeId}`);
  return type;
}

export function stateById(ws: WorkspaceRecord, id: string | null): TicketStateRecord | undefined {
  return id === null ? undefined : ws.ticketStates.find((s) => s.id === id);
}

export function stateOf(ws: WorkspaceRecord, ticket: TicketRecord): TicketStateRecord {
  const state = stateById(ws, ticket.stateId);
  if (!state) throw new Error(`ticket ${ticket.id} has unknown state ${ticket.stateId}`);
  return state;
}

/** States usable on a ticket type (not archived, linked to the type), in workspace order. */
export function statesForType(ws: WorkspaceRecord, typeId: string): TicketStateRecord[] {
  return ws.ticketStates.filter((s) => !s.archived && s.typeIds.includes(typeId));
}

/** First usable state of a category for a type, which is how the ≤2.11 `state` enum maps. */
export function firstStateOfCategory(
  ws: WorkspaceRecord,
  typeId: string,
  category: string,
): TicketStateRecord | undefined {
  return statesForType(ws, typeId).find((s) => s.category === category);
}

function operator(ws: WorkspaceRecord): AdminRecord | undefined {
  return ws.admins[0];
}

/** Moves a ticket to a state: appends a ticket part with string states and records the previous state. */
export function changeState(
  ws: WorkspaceRecord,
  ticket: TicketRecord,
  next: TicketStateRecord,
  now: number,
  author?: AdminRecord,
): void {
  const current = stateOf(ws, ticket);
  const who = author ?? operator(ws);
  ticket.parts.push({
    id: String(ws.counters.ticketPart++),
    partType: 'ticket_state_updated_by_admin',
    body: null,
    ticketState: next.category,
    previousTicketState: current.category,
    createdAt: now,
    author: who
      ? { type: author ? 'admin' : 'bot', id: who.id, name: author ? who.name : 'Fin', email: who.email }
      : { type: 'bot', id: '0', name: 'Fin', email: `operator+${ws.idCode}@intercom.io` },
  });
  ticket.previousStateId = current.id;
  ticket.stateId = next.id;
  ticket.updatedAt = now;
}

export function createTicket(ws: WorkspaceRecord, input: TicketCreateInput, now: number): TicketRecord {
  const submitted = firstStateOfCategory(ws, input.typeId, 'submitted') ?? ws.ticketStates[0];
  const createdAt = input.createdAt ?? now;
  const ticket: TicketRecord = {
    id: String(ws.counters.ticket++),
    ticketId: String(ws.counters.ticketNumber++),
    typeId: input.typeId,
    stateId: submitted.id,
    previousStateId: null,
    attributes: { ...input.attributes },
    contactIds: [input.contactId],
    adminAssigneeId: input.adminAssigneeId,
    teamAssigneeId: input.teamAssigneeId,
    createdAt,
    updatedAt: now,
    open: true,
    snoozedUntil: null,
    isShared: false,
    companyId: input.companyId,
    parts: [],
    tags: [],
    deleted: false,
    transitions: [],
  };
  const bot = operator(ws);
  ticket.parts.push({
    id: String(ws.counters.ticketPart++),
    partType: 'ticket_state_updated_by_admin',
    body: null,
    ticketState: submitted.category,
    previousTicketState: submitted.category,
    createdAt: now,
    author: { type: 'bot', id: bot?.id ?? '0', name: 'Fin', email: `operator+${ws.idCode}@intercom.io` },
  });
  ws.tickets.push(ticket);
  return ticket;
}

/** Applies time-based transitions and finishes due jobs. Called before every request to the workspace. */
export function settleWorkspace(ws: WorkspaceRecord, now: number): void {
  for (const ticket of ws.tickets) {
    while (!ticket.deleted && ticket.transitions.length > 0) {
      const head = ticket.transitions[0];
      if (head.afterPolls !== null || head.atTime === null || head.atTime > now) break;
      ticket.transitions.shift();
      const state = stateById(ws, head.stateId);
      if (state) changeState(ws, ticket, state, now);
    }
  }
  for (const job of ws.jobs.values()) {
    if (job.ticketId === null && job.readyAt <= now) job.ticketId = createTicket(ws, job.create, now).id;
  }
}

/**
 * Called when a client polls GET /tickets/{id}: a transition scheduled "after N polls" applies
 * once N earlier polls have seen the old state.
 */
export function applyPollTransitions(ws: WorkspaceRecord, ticket: TicketRecord, now: number): void {
  while (ticket.transitions.length > 0) {
    const head = ticket.transitions[0];
    if (head.afterPolls === null) return;
    if (head.afterPolls > 0) {
      head.afterPolls -= 1;
      return;
    }
    ticket.transitions.shift();
    const state = stateById(ws, head.stateId);
    if (state) changeState(ws, ticket, state, now);
  }
}
