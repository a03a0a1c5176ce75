/**
 * `intercom-ticket-type-literal` (warning): CreateTicketJSON names its ticket type by a literal id
 * (`"ticket_type_id": "41"`). Ticket type ids belong to one Intercom workspace: the same connection
 * moved to another workspace (test → production, another region) raises tickets of a wrong type or
 * gets 404. Keep the id once in ConnectionJSON and read it with `${connection.<key>}`; the fix does that
 * when the call's authentication already has a key such as `ticketTypeId`.
 */
import type { Fix } from '../../types';
import type { Rule } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { bodyProperty, isBindingValue, rawString } from './support';
import { matchingConnectionKey, ticketCreateCalls } from './ticketBody';

export const intercomTicketTypeLiteralRule: Rule = {
  id: 'intercom-ticket-type-literal',
  reads: ['ConnectionJSON'],
  grammars: ['createTicket'],
  run(ctx) {
    for (const { ic, body } of ticketCreateCalls(ctx)) {
      const type = bodyProperty(body.root, 'ticket_type_id');
      if (!type || isBindingValue(body, type.value) || (type.value.type !== 'string' && type.value.type !== 'number')) continue;
      const literal = rawString(body, type.value).trim();
      if (literal === '' || literal.includes('${')) continue;
      const inner = type.value.type === 'string' ? { offset: type.value.offset + 1, length: type.value.length - 2 } : type.value;
      const key = matchingConnectionKey(ctx, ic, /ticket_?type/i);
      const fixes: Fix[] = key
        ? [{ title: `Read it from ConnectionJSON: \${connection.${key}}`, isPreferred: true,
          edits: [editIn(ctx.doc, body.node, type.value.offset, type.value.length, `"\${connection.${key}}"`)] }]
        : [];
      ctx.report({
        ...spanIn(ctx.doc, body.node, inner.offset, inner.length), severity: 'warning', code: 'intercom-ticket-type-literal',
        message: `Workspace-specific ticket type id "${literal}": ticket_type_id is written as a literal, and ticket type ids belong to one Intercom workspace, so this connection raises the wrong type of ticket, or gets 404, in any other workspace (test, production, another region). Keep the id once in ConnectionJSON (e.g. "ticketTypeId": "${literal}" next to accessToken) and write "\${connection.ticketTypeId}" here; GET /ticket_types lists the ids.`,
        fixes,
      });
    }
  },
};
