// Ticket attribute records: the defaults of a new attribute, and the two every ticket type starts with.

import type { TicketAttributeRecord } from './types.js';

export interface RecordTimes {
  createdAt: number;
  updatedAt: number;
}

/** An attribute with Intercom's defaults (an optional, single-line string shown on create), `extra` on top. */
export function ticketAttribute(
  id: string,
  name: string,
  times: RecordTimes,
  extra: Partial<TicketAttributeRecord>,
): TicketAttributeRecord {
  return {
    id,
    name,
    description: name,
    dataType: 'string',
    order: 0,
    requiredToCreate: false,
    requiredToCreateForContacts: false,
    visibleOnCreate: true,
    visibleToContacts: false,
    isDefault: false,
    archived: false,
    multiline: false,
    listOptions: null,
    createdAt: times.createdAt,
    updatedAt: times.updatedAt,
    ...extra,
  };
}

/** The title and description attributes of every ticket type; `nextId` gives their ids in that order. */
export function defaultTicketAttributes(nextId: () => string, times: RecordTimes): TicketAttributeRecord[] {
  return [
    ticketAttribute(nextId(), '_default_title_', times, { description: 'Title', requiredToCreate: true, isDefault: true, order: 0 }),
    ticketAttribute(nextId(), '_default_description_', times, {
      description: 'Description',
      isDefault: true,
      multiline: true,
      order: 1,
    }),
  ];
}
