/**
 * `intercom-teammate-contact-call` (error): a lifecycle or access attribute calls Intercom's contacts
 * API (`/contacts…`) while the connection's accounts are teammates (ImportAccountEntJSON reads GET
 * /admins). A teammate's id is not a contact id, so Intercom answers 404 for every teammate and the
 * task fails exactly where it matters (a leaver's disable, a removal); and no Intercom version has an
 * API that writes teammates or their teams. The operation belongs in an Intercom ticket
 * (CreateTicketJSON): the fix empties the attribute so that EIC raises the ticket instead.
 */
import type { Fix } from '../../types';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { spanIn } from '../../rules/support/stringNodes';
import { ACCESS_ATTRIBUTES, LIFECYCLE_ATTRIBUTES, accountSource, configured, isContactPath } from '../connectionModel';
import { intercomCalls } from './model';

/** What the attribute asks Intercom to do with the account, for messages. */
const TASK_WORDS: Record<string, string> = {
  CreateAccountJSON: 'create the account', UpdateAccountJSON: 'update the account', EnableAccountJSON: 'enable the account',
  DisableAccountJSON: 'disable the account', RemoveAccountJSON: 'remove the account', ChangePassJSON: 'change the password',
  AddAccessJSON: 'add the access', RemoveAccessJSON: 'remove the access',
};

function report(ctx: RuleContext, mixed: boolean): void {
  const attribute = ctx.doc.attribute!.name;
  const ticketing = !!configured(ctx.connection, 'CreateTicketJSON');
  for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
    if (ic.call.role !== 'provisioning') continue;
    const path = ic.endpoint?.path ?? ic.url.path;
    if (!isContactPath(path)) continue;
    const span = ic.url.pathEnd > ic.url.pathStart ? spanIn(ctx.doc, ic.urlNode, ic.url.pathStart, ic.url.pathEnd - ic.url.pathStart) : ic.urlNode;
    const where = `${ic.method ?? ''} ${ic.url.path}`.trim();
    const fixes: Fix[] = ticketing && !mixed
      ? [{ title: `Empty ${attribute}: EIC raises the ticket of CreateTicketJSON instead`, edits: [{ offset: 0, length: ctx.doc.text.length, newText: '' }] }]
      : [];
    const instead = ticketing
      ? `Leave ${attribute} empty so that the task becomes the ticket CreateTicketJSON raises (this connection must be the security system's Service Desk Connection).`
      : 'Raise an Intercom ticket for it instead: add CreateTicketJSON and TicketStatusJSON (saviynt-rest init --model teammates writes them) and leave this attribute empty.';
    ctx.report({
      offset: span.offset, length: span.length, severity: 'error', code: 'intercom-teammate-contact-call',
      message: mixed
        ? `Contact endpoint for teammates: ImportAccountEntJSON imports both teammates (GET /admins) and contacts as accounts of this one connection, but ${where} is a contact endpoint: for every teammate account Intercom answers 404, so the task to ${TASK_WORDS[attribute] ?? 'change the account'} fails. Keep teammates and contacts in two connections: teammates provisioned by ticket, contacts through the API.`
        : `Contact endpoint for teammates: the accounts of this connection are Intercom teammates (ImportAccountEntJSON reads GET /admins), but ${where} is a contact endpoint: a teammate's id is no contact id, so Intercom answers 404 for every teammate and the task to ${TASK_WORDS[attribute] ?? 'change the account'} fails. No Intercom API writes teammates or their teams. ${instead}`,
      fixes,
    });
  }
}

export const intercomTeammateContactCallRule: Rule = {
  id: 'intercom-teammate-contact-call',
  reads: ['CreateTicketJSON', 'ImportAccountEntJSON'],
  grammars: ['provisioning', 'access'],
  run(ctx) {
    const name = ctx.doc.attribute?.name;
    if (!name || ![...LIFECYCLE_ATTRIBUTES, ...ACCESS_ATTRIBUTES].includes(name)) return;
    const source = accountSource(ctx.connection, ctx.settings);
    if (source === 'teammates' || source === 'both') report(ctx, source === 'both');
  },
};
