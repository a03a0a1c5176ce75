// Seeded ticket types, ticket states and tickets (spec §4.5 and §9).

import type {
  StateCategory,
  TicketAttributeRecord,
  TicketPartRecord,
  TicketRecord,
  TicketStateRecord,
  TicketTypeRecord,
  WorkspaceRecord,
} from './types.js';
import { guid } from './seed-util.js';
import { defaultTicketAttributes, ticketAttribute, type RecordTimes } from './ticket-attributes.js';

export interface TicketSeedInput {
  workspace: WorkspaceRecord;
  now: number;
  typeIdBase: number;
  stateIdBase: number;
  attributeIdBase: number;
  ticketIdBase: number;
  ticketNumberBase: number;
  ticketCount: number;
  /** Adds an early ticket whose internal id equals the Inbox number of the first regular ticket. */
  clashingLegacyTicket: boolean;
}

export const APPLICATION_OPTIONS = ['Salesforce', 'Workday', 'GitHub', 'Okta'];

function attribute(
  ws: WorkspaceRecord,
  id: number,
  name: string,
  extra: Partial<TicketAttributeRecord>,
  now: number,
): TicketAttributeRecord {
  return ticketAttribute(String(id), name, seededTimes(ws, now), extra);
}

/** When the seeded attributes were made and last changed. */
function seededTimes(ws: WorkspaceRecord, now: number): RecordTimes {
  return { createdAt: ws.createdAt + 3600, updatedAt: now - 86_400 * 30 };
}

function defaultAttributes(ws: WorkspaceRecord, firstId: number, now: number): TicketAttributeRecord[] {
  let id = firstId;
  return defaultTicketAttributes(() => String(id++), seededTimes(ws, now));
}

function seedTypes(input: TicketSeedInput): void {
  const { workspace: ws, now, typeIdBase: t, attributeIdBase: a } = input;
  const created = ws.createdAt + 7200;
  const base = { isInternal: false, archived: false, createdAt: created, updatedAt: now - 86_400 * 30 };
  const access: TicketTypeRecord = {
    ...base,
    id: String(t),
    name: 'Access request',
    description: 'Back-office request to grant or revoke application access',
    icon: '🔐',
    category: 'Back-office',
    isInternal: true,
    attributes: [
      ...defaultAttributes(ws, a, now),
      attribute(
        ws,
        a + 2,
        'Application',
        {
          dataType: 'list',
          order: 2,
          listOptions: APPLICATION_OPTIONS.map((label) => ({
            id: guid(`${ws.idCode}/option/${label}`),
            label,
            archived: false,
          })),
        },
        now,
      ),
      attribute(ws, a + 3, 'Requested role', { order: 3 }, now),
      attribute(ws, a + 4, 'Duration (days)', { dataType: 'integer', order: 4 }, now),
    ],
  };
  const customer: TicketTypeRecord = {
    ...base,
    id: String(t + 1),
    name: 'Customer issue',
    description: 'A problem reported by a customer',
    icon: '🐞',
    category: 'Customer',
    attributes: defaultAttributes(ws, a + 10, now),
  };
  const archived: TicketTypeRecord = {
    ...base,
    id: String(t + 2),
    name: 'Old laptop request',
    description: 'Retired hardware request type',
    icon: '💻',
    category: 'Back-office',
    archived: true,
    attributes: defaultAttributes(ws, a + 20, now),
  };
  const tracker: TicketTypeRecord = {
    ...base,
    id: String(t + 3),
    name: 'Known outage',
    description: 'Tracks an incident affecting many customers',
    icon: '📡',
    category: 'Tracker',
    attributes: defaultAttributes(ws, a + 30, now),
  };
  ws.ticketTypes.push(access, customer, archived, tracker);
  ws.counters.ticketType = t + 4;
  ws.counters.ticketAttribute = a + 40;
}

function seedStates(input: TicketSeedInput): void {
  const { workspace: ws, stateIdBase: s } = input;
  const all = ws.ticketTypes.map((type) => type.id);
  const access = [ws.ticketTypes[0].id];
  const rows: Array<[StateCategory, string, string, boolean, string[]]> = [
    ['submitted', 'Submitted', 'Submitted', false, all],
    ['in_progress', 'In progress', 'In progress', false, all],
    ['waiting_on_customer', 'Waiting on customer', 'Waiting on you', false, all],
    ['resolved', 'Resolved', 'Resolved', false, all],
    ['resolved', 'Access granted', 'Done', false, access],
    ['resolved', 'Rejected', 'Closed', false, access],
    ['in_progress', 'Legacy triage', 'In review', true, access],
  ];
  rows.forEach(([category, internalLabel, externalLabel, archived, typeIds], i) => {
    ws.ticketStates.push({ id: String(s + i), category, internalLabel, externalLabel, archived, typeIds });
  });
}

/** The path each seeded ticket took through the states, as offsets into the state rows. */
const JOURNEYS: number[][] = [
  [0],
  [0, 1],
  [0, 1, 4],
  [0, 1, 5],
  [0, 2],
  [0, 1, 3],
  [0, 1, 2, 1],
];

function part(ws: WorkspaceRecord, from: TicketStateRecord, to: TicketStateRecord, at: number): TicketPartRecord {
  const admin = ws.admins[0];
  return {
    id: String(ws.counters.ticketPart++),
    partType: 'ticket_state_updated_by_admin',
    body: null,
    ticketState: to.category,
    previousTicketState: from.category,
    createdAt: at,
    author: { type: 'admin', id: admin.id, name: admin.name, email: admin.email },
  };
}

function seedTickets(input: TicketSeedInput): void {
  const { workspace: ws, now } = input;
  const users = ws.contacts.filter((c) => c.role === 'user' && !c.archived && !c.blocked && !c.mergedInto);
  const states = ws.ticketStates;
  const [access, customer, , tracker] = ws.ticketTypes;
  const options = access.attributes[2].listOptions ?? [];
  const make = (id: string, number: string, index: number, createdAt: number): TicketRecord => {
    const type = index % 5 === 3 ? customer : index % 11 === 7 ? tracker : access;
    let journey = JOURNEYS[index % JOURNEYS.length];
    if (type !== access) journey = journey.filter((step) => step < 4);
    const contact = users[(index * 13) % Math.max(1, users.length)];
    const attributes: Record<string, unknown> = {
      _default_title_: `Access request #${number}`,
      _default_description_: `Seeded request ${number} for ${contact?.name ?? 'a contact'}`,
    };
    if (type === access) {
      attributes.Application = options[index % options.length].id;
      attributes['Requested role'] = ['Viewer', 'Editor', 'Admin'][index % 3];
    }
    const ticket: TicketRecord = {
      id,
      ticketId: number,
      typeId: type.id,
      stateId: states[0].id,
      previousStateId: null,
      attributes,
      contactIds: contact ? [contact.id] : [],
      adminAssigneeId: index % 3 === 0 ? 0 : Number(ws.admins[index % ws.admins.length].id),
      teamAssigneeId: index % 4 === 1 && ws.teams.length ? Number(ws.teams[0].id) : 0,
      createdAt,
      updatedAt: createdAt,
      open: true,
      snoozedUntil: null,
      isShared: false,
      companyId: null,
      parts: [],
      tags: [],
      deleted: false,
      transitions: [],
    };
    let current = states[journey[0]];
    ticket.parts.push(part(ws, current, current, createdAt));
    journey.slice(1).forEach((step, k) => {
      const next = states[step];
      const at = createdAt + (k + 1) * 3600;
      ticket.parts.push(part(ws, current, next, at));
      ticket.previousStateId = current.id;
      current = next;
      ticket.updatedAt = at;
    });
    ticket.stateId = current.id;
    if (current.category === 'resolved' && index % 2 === 0) ticket.open = false;
    return ticket;
  };
  if (input.clashingLegacyTicket) {
    ws.tickets.push(make(String(input.ticketNumberBase), '7', 0, now - 400 * 86_400));
  }
  for (let i = 0; i < input.ticketCount; i++) {
    const createdAt = now - (input.ticketCount - i) * 86_400 * 3;
    ws.tickets.push(make(String(input.ticketIdBase + i), String(input.ticketNumberBase + i), i, createdAt));
  }
  ws.counters.ticket = input.ticketIdBase + input.ticketCount;
  ws.counters.ticketNumber = input.ticketNumberBase + input.ticketCount;
}

export function seedTicketing(input: TicketSeedInput): void {
  input.workspace.counters.ticketPart = input.ticketIdBase * 10;
  seedTypes(input);
  seedStates(input);
  if (input.ticketCount > 0 && input.workspace.admins.length > 0) seedTickets(input);
}
