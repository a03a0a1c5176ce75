/**
 * `entitlement-type-unserved` (warning, on the type in ImportAccountEntJSON): an entitlement type the
 * connection imports, in a connection that provisions access, that nothing provisions:
 * - with AddAccessJSON/RemoveAccessJSON: EIC runs only the access calls named like the requested
 *   entitlement's type (grammar §7.2), so a type no call is named after gets no call at all — a grant or
 *   revoke of it does nothing in the target (and one side missing means it can be granted but never
 *   revoked, or the other way round);
 * - with tickets only (CreateTicketJSON, no access calls): the ticket must say which entitlement the
 *   task is about (`${entitlementValue.…}`), or the person who fulfils it cannot tell.
 * A connection without access attributes or tickets only imports; nothing is reported there.
 */
import type { StringASTNode } from '../json/ast';
import { getValue, isArray, isObject, stringValue } from '../json/ast';
import type { AttributeDocument } from '../document';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { entitlementTypeDefinitions } from './support/connectionNames';
import { configured, provisionsAccessByTicket } from '../intercom/connectionModel';

/** Names of the root `call` entries of an access attribute. */
function accessCallNames(doc: AttributeDocument | undefined): Set<string> | undefined {
  if (!doc) return undefined;
  const calls = getValue(doc.root, 'call');
  if (!isArray(calls)) return new Set();
  return new Set(calls.items.filter(isObject).map(c => stringValue(getValue(c, 'name'))).filter((n): n is string => n !== undefined));
}

/** True when some call of CreateTicketJSON binds `entitlementValue` (the ticket names the entitlement). */
function ticketNamesEntitlement(doc: AttributeDocument): boolean {
  return /\$\{[^}]*\bentitlementValue\b/.test(doc.text);
}

function checkAccessCalls(ctx: RuleContext, types: { name: string; keyNode: StringASTNode }[]): void {
  const add = accessCallNames(configured(ctx.connection, 'AddAccessJSON'));
  const remove = accessCallNames(configured(ctx.connection, 'RemoveAccessJSON'));
  for (const { name, keyNode } of types) {
    const granted = add?.has(name) ?? false;
    const revoked = remove?.has(name) ?? false;
    if (granted && revoked) continue;
    if (!add && revoked) continue; // no AddAccessJSON at all: the connection only revokes access
    if (!remove && granted) continue;
    const missing = [!granted && add ? 'AddAccessJSON' : undefined, !revoked && remove ? 'RemoveAccessJSON' : undefined].filter(Boolean);
    if (!missing.length) continue;
    const what = !granted && !revoked ? 'neither granted nor revoked' : !granted ? 'revoked but never granted' : 'granted but never revoked';
    ctx.report({
      offset: keyNode.offset, length: keyNode.length, severity: 'warning', code: 'entitlement-type-unserved',
      message: `No access call for entitlement type "${name}": it is imported, but ${missing.join(' and ')} ${missing.length > 1 ? 'have' : 'has'} no call named "${name}": EIC runs only the access calls named after the requested entitlement's type, so "${name}" is ${what} in the target — a request for it changes nothing there. Add a call named "${name}" to ${missing.join(' and ')}${configured(ctx.connection, 'CreateTicketJSON') ? ', or provision it by ticket' : ''}.`,
    });
  }
}

function checkTickets(ctx: RuleContext, types: { name: string; keyNode: StringASTNode }[]): void {
  const ticket = configured(ctx.connection, 'CreateTicketJSON')!;
  if (ticketNamesEntitlement(ticket)) return;
  for (const { name, keyNode } of types) {
    ctx.report({
      offset: keyNode.offset, length: keyNode.length, severity: 'warning', code: 'entitlement-type-unserved',
      message: `Entitlement never sent in the ticket: entitlement type "${name}" is provisioned by ticket (the connection has CreateTicketJSON and no access calls), but the ticket never says which entitlement a task is about: no \${entitlementValue.…} in CreateTicketJSON. Whoever fulfils a "${name}" request cannot tell which one to add or remove; put \${entitlementValue.entitlement_value} (and its entitlementID) into the ticket's title or description.`,
    });
  }
}

export const entitlementCoverageRule: Rule = {
  id: 'entitlement-coverage',
  reads: ['AddAccessJSON', 'RemoveAccessJSON', 'CreateTicketJSON', 'ImportAccountEntJSON'],
  grammars: ['importAccountEnt'],
  run(ctx) {
    const definitions = entitlementTypeDefinitions(ctx.connection)?.filter(d => d.doc === ctx.doc);
    if (!definitions?.length) return;
    // One finding per type, at its first declaration.
    const types = definitions.map(d => ({ name: d.name, keyNode: d.keyNode }));
    if (configured(ctx.connection, 'AddAccessJSON') || configured(ctx.connection, 'RemoveAccessJSON')) checkAccessCalls(ctx, types);
    else if (provisionsAccessByTicket(ctx.connection)) checkTickets(ctx, types);
  },
};
