/**
 * `intercom-ticket-contact-email` (information): CreateTicketJSON gives the ticket's contact by email.
 * Intercom creates a customer contact for every address it does not know, so each employee who asks
 * for access becomes a contact; the next contact import turns that contact into a second account, and
 * creating the person as a contact later fails with 409. One service contact for the integration,
 * kept in ConnectionJSON and named by id, avoids that; the fix writes it when the call's
 * authentication has such a key (e.g. `serviceContactId`).
 */
import type { Fix } from '../../types';
import type { Rule } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { bodyProperties, bodyProperty, isBindingValue, rawString } from './support';
import { matchingConnectionKey, ticketCreateCalls } from './ticketBody';

export const intercomTicketContactEmailRule: Rule = {
  id: 'intercom-ticket-contact-email',
  reads: ['ConnectionJSON'],
  grammars: ['createTicket'],
  run(ctx) {
    for (const { ic, body } of ticketCreateCalls(ctx)) {
      const contacts = bodyProperty(body.root, 'contacts')?.value;
      if (contacts?.type !== 'array') continue;
      for (const item of contacts.children ?? []) {
        if (item.type !== 'object' || isBindingValue(body, item)) continue;
        const keys = bodyProperties(item);
        const email = keys.find(p => p.key.value === 'email');
        if (!email || keys.some(p => p.key.value === 'id' || p.key.value === 'external_id')) continue;
        const key = matchingConnectionKey(ctx, ic, /contact/i);
        const fixes: Fix[] = key
          ? [{ title: `Name the service contact: {"id": "\${connection.${key}}"}`, isPreferred: true,
            edits: [editIn(ctx.doc, body.node, item.offset, item.length, `{"id":"\${connection.${key}}"}`)] }]
          : [];
        ctx.report({
          ...spanIn(ctx.doc, body.node, email.key.offset, email.value.offset + email.value.length - email.key.offset),
          severity: 'information', code: 'intercom-ticket-contact-email',
          message: `Ticket contact by email: the ticket's contact is given by email (${rawString(body, email.value).trim()}): when Intercom knows no contact with that address it creates one, so every employee who asks for access becomes a customer contact — the next contact import turns it into a second account, and creating that person as a contact later fails with 409. Name one service contact for the integration instead: keep its id in ConnectionJSON (e.g. "serviceContactId") and write {"id": "\${connection.serviceContactId}"}.`,
          fixes,
        });
      }
    }
  },
};
