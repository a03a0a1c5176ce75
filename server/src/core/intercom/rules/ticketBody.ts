/**
 * The parsed body of a CreateTicketJSON call to POST /tickets (or /tickets/enqueue), shared by the
 * ticket rules of the Intercom models; and the ConnectionJSON key a fix can point `${connection.<key>}` at.
 */
import { getValue, stringValue } from '../../json/ast';
import type { RuleContext } from '../../rules/rule';
import { connectionKeys } from '../connectionModel';
import { intercomCalls, type IntercomCall } from './model';
import { parsedBody, type ParsedBody } from './support';

const TICKET_CREATE = new Set(['POST /tickets', 'POST /tickets/enqueue']);

export interface TicketCreateCall { ic: IntercomCall; body: ParsedBody }

/** Every call of the document that creates an Intercom ticket and has a JSON object body. */
export function ticketCreateCalls(ctx: RuleContext): TicketCreateCall[] {
  const out: TicketCreateCall[] = [];
  for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
    if (ic.call.role !== 'provisioning' || !ic.endpoint || !TICKET_CREATE.has(ic.endpoint.key)) continue;
    const body = parsedBody(ctx.doc, getValue(ic.http, 'httpParams'));
    if (body?.root.type === 'object') out.push({ ic, body });
  }
  return out;
}

/** A key of the call's authentication in ConnectionJSON whose name matches, for `${connection.<key>}`. */
export function matchingConnectionKey(ctx: RuleContext, ic: IntercomCall, pattern: RegExp): string | undefined {
  const auth = stringValue(getValue(ic.call.node, 'connection'));
  return connectionKeys(ctx.connection, auth).find(k => pattern.test(k));
}
