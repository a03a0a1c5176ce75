/**
 * The teammates model: Intercom teammates (admins) as accounts, their teams (and, from 2.16, their
 * role) as entitlements. No Intercom version has an API that creates, changes or removes a teammate
 * or its team membership, so every lifecycle and access task of this connection is an Intercom
 * ticket (CreateTicketJSON) that a workspace admin fulfils; EIC's WSRETRY job polls it
 * (TicketStatusJSON) and completes the task once the ticket is resolved.
 *
 * Facts: GET /admins → `admins` and GET /teams → `teams` are unpaginated; an admin carries
 * `team_ids` (integers) and, from 2.16, `role` {type, id, name} when it has one; POST /tickets takes
 * one contact ({id}, {external_id} or {email} — an unknown email creates a contact) and the default
 * attributes `_default_title_` / `_default_description_`; `ticket_state` is a string up to 2.11 and
 * an object from 2.12 (status path `ticket_state.category`).
 */
import {
  SERVICE_CONTACT_KEY, SERVICE_CONTACT_PLACEHOLDER, TICKET_TYPE_KEY, TICKET_TYPE_PLACEHOLDER, atLeast,
  type IntercomFeature, type IntercomTemplateOptions, type IntercomTemplates, type Json, type TemplateKit,
} from './intercomTemplateKit';

/** EIC task types (ARSTASKS.TASKTYPE) a teammate ticket can stand for, and how the ticket names them. */
export const TEAMMATE_TASK_OPERATIONS: readonly { taskType: number; task: string; phrase: string }[] = [
  { taskType: 1, task: 'Add Access', phrase: `'Add teammate to ' + entitlementValue.customproperty1 + ' ' + entitlementValue.entitlement_value` },
  { taskType: 2, task: 'Remove Access', phrase: `'Remove teammate from ' + entitlementValue.customproperty1 + ' ' + entitlementValue.entitlement_value` },
  { taskType: 3, task: 'New Account', phrase: `'Create teammate'` },
  { taskType: 12, task: 'Update Account', phrase: `'Update teammate'` },
  { taskType: 6, task: 'Enable Account', phrase: `'Re-enable teammate'` },
  { taskType: 14, task: 'Disable Account', phrase: `'Disable teammate (remove their access to Intercom)'` },
  { taskType: 8, task: 'Delete Account', phrase: `'Remove teammate'` },
];

const ACCESS_TASK = 'task.tasktype == 1 || task.tasktype == 2';
const NEW_ACCOUNT_TASK = 'task.tasktype == 3';

/** The Groovy expression that names the operation of the task behind a ticket. */
export function operationExpression(): string {
  let expression = `'Teammate change (EIC task type ' + task.tasktype + ')'`;
  for (const op of [...TEAMMATE_TASK_OPERATIONS].reverse()) expression = `task.tasktype == ${op.taskType} ? ${op.phrase} : ${expression}`;
  return expression;
}

function ticketBody(): string {
  const operation = `\${${operationExpression()}}`;
  const teammate = `\${${NEW_ACCOUNT_TASK} ? user.email : account.name}`;
  const title = `${operation}: ${teammate} (EIC task \${task.id})`;
  const description = [
    `Saviynt EIC task \${task.id} asks for a change that Intercom's API cannot make. Make it in Intercom (Settings > Teammates), then resolve this ticket: EIC completes its task when the ticket is resolved.`,
    `Teammate: \${user.firstname} \${user.lastname}, \${user.email}\${${NEW_ACCOUNT_TASK} ? ' (not in Intercom yet)' : '; Intercom teammate ' + account.name + ' (id ' + account.accountID + ')'}`,
    `Team or role: \${${ACCESS_TASK} ? entitlementValue.customproperty1 + ' ' + entitlementValue.entitlement_value + ' (id ' + entitlementValue.entitlementID + ')' : 'none'}`,
    `EIC task: \${task.id} (task type \${task.tasktype})`,
  ].join('\n');
  return JSON.stringify({
    ticket_type_id: `\${connection.${TICKET_TYPE_KEY}}`,
    contacts: [{ id: `\${connection.${SERVICE_CONTACT_KEY}}` }],
    ticket_attributes: { _default_title_: title, _default_description_: description },
  });
}

function importJson(kit: TemplateKit): Json {
  const role = atLeast(kit.version, '2.16');
  const columns: Record<string, Json> = {
    accountID: 'id~#~char', name: 'email~#~char', displayName: 'name~#~char', customproperty1: 'email~#~char',
    customproperty2: 'job_title~#~char', customproperty3: 'has_inbox_seat~#~char', customproperty4: 'away_mode_enabled~#~char',
  };
  if (role) columns.customproperty5 = 'role.name~#~char';
  columns.customproperty31 = 'STORE#ACC#ENT#MAPPINGINFO~#~char';
  const entitlementColumns = { entitlementID: 'id~#~char', entitlement_value: 'name~#~char', customproperty1: 'type~#~char' };
  const mappings: Record<string, Json> = { Team: { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' } };
  const entTypes: Record<string, Json> = {
    Team: {
      entTypeOrder: 0, entTypeLabels: { customproperty1: 'Kind' },
      call: { call1: { callOrder: 0, stageNumber: 0, http: kit.http(`${kit.base}/teams`), listField: 'teams', keyField: 'entitlementID', colsToPropsMap: entitlementColumns } },
    },
  };
  if (role) {
    // No endpoint lists roles: they are read from the teammates themselves (importAsEntitlement).
    mappings.Role = { listPath: 'role', idPath: 'id', keyField: 'entitlementID', importAsEntitlement: true, colsToPropsMap: entitlementColumns };
    entTypes.Role = { entTypeOrder: 1, entTypeLabels: { customproperty1: 'Kind' } };
  }
  return {
    accountParams: kit.accountParams({ http: kit.http(`${kit.base}/admins`), listField: 'admins', keyField: 'accountID', colsToPropsMap: columns },
      'complete', { acctEntMappings: mappings }),
    entitlementParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', entTypes },
    acctEntParams: { processingType: 'acctToEntMapping' },
  };
}

export function teammateTemplates(kit: TemplateKit, features: Set<IntercomFeature>, options: IntercomTemplateOptions): IntercomTemplates {
  const notes: string[] = [];
  const ticketing = features.has('ticketing');
  const keys: Record<string, string> = {};
  if (ticketing) {
    keys[TICKET_TYPE_KEY] = options.ticketTypeId ?? TICKET_TYPE_PLACEHOLDER;
    keys[SERVICE_CONTACT_KEY] = options.serviceContactId ?? SERVICE_CONTACT_PLACEHOLDER;
  }
  const attributes: Record<string, Json> = { ConnectionJSON: kit.connectionJson(keys) };
  if (features.has('import')) {
    attributes.ImportAccountEntJSON = importJson(kit);
    notes.push('ImportAccountEntJSON: teammates (GET /admins) are the accounts; their teams' + (atLeast(kit.version, '2.16') ? ' and role are' : ' are') + ' the entitlements. The inbox seat is account attribute customproperty3 (Intercom has no list of seats).');
  }
  if (ticketing) {
    attributes.CreateTicketJSON = { call: [kit.call('call1', `${kit.base}/tickets`, 'POST', ticketBody(), { ticketidPath: 'id' })] };
    attributes.TicketStatusJSON = {
      call: [kit.call('call1', `${kit.base}/tickets/\${ticketID}`, 'GET', undefined, {
        ticketStatusPath: atLeast(kit.version, '2.12') ? 'ticket_state.category' : 'ticket_state',
        ticketStatusValue: ['resolved'],
        // A ticket deleted in Intercom answers 404 on every poll: end the task as failed.
        unsuccessResponses: { statusCode: [404] },
      })],
    };
    notes.push('Every task of this connection (new teammate, update, enable, disable, remove, add or remove a team) becomes an Intercom ticket, because Intercom\'s API cannot change teammates: in EIC, select this connection as the security system\'s Service Desk Connection. An Intercom admin does the work and resolves the ticket.');
    const unset = [!options.ticketTypeId && TICKET_TYPE_KEY, !options.serviceContactId && SERVICE_CONTACT_KEY].filter(Boolean);
    if (unset.length) notes.push(`ConnectionJSON: set ${unset.join(' and ')} once in EIC (${TICKET_TYPE_KEY}: a Back-office type from GET ${kit.base}/ticket_types; ${SERVICE_CONTACT_KEY}: the one Intercom contact that stands for EIC on every ticket, so that employees never become customer contacts).`);
    notes.push('TicketStatusJSON: every state of category "resolved" completes the task — a rejection too, if your workspace files rejections under "resolved".');
  }
  return { folders: [{ role: 'main', attributes, notes }] };
}
