/**
 * The variables EIC binds inside `${…}`, as data: what each one holds, in which
 * attributes (and where inside them) EIC provides it, its known members, an example.
 *
 * Facts from the reference grammar §12.2 and §12.5 (counts of real packages, Saviynt
 * documentation, forum answers); descriptions are this project's own words.
 */
import type { MemberCatalog } from './members';
import {
  ACCOUNT_MEMBERS, CALL_RESULT_MEMBERS, ENTITLEMENT_MEMBERS, IMPORT_PAGE_MEMBERS, OPEN_MEMBERS, TASK_MEMBERS, USER_MEMBERS,
} from './members';
import type { SiteKind } from './sites';

export type Evidence = 'observed' | 'documented' | 'inferred';

export interface VariableScope {
  /** Attribute names (canonical spelling), or every attribute. */
  readonly attributes: readonly string[] | 'all';
  /** Only at these places inside those attributes (all places when absent). */
  readonly sites?: readonly SiteKind[];
}

export interface BindingVariable {
  readonly name: string;
  /** The variable this one is another name for. */
  readonly aliasOf?: string;
  /** One line, for completion details. */
  readonly summary: string;
  /** Markdown paragraph, for hover and completion documentation. */
  readonly description: string;
  /** Where EIC binds it, in words. */
  readonly where: string;
  readonly scopes: readonly VariableScope[];
  readonly example: string;
  /** Known members; `connection` and `response` members are computed from the documents. */
  readonly members?: MemberCatalog;
  readonly evidence: Evidence;
  /** Whole bindings offered when `$` is typed in a string. */
  readonly snippets?: readonly string[];
}

const CREATE = 'CreateAccountJSON';
const UPDATE = 'UpdateAccountJSON';
const ENABLE = 'EnableAccountJSON';
const DISABLE = 'DisableAccountJSON';
const REMOVE = 'RemoveAccountJSON';
const CHANGE_PASS = 'ChangePassJSON';
const ADD_ACCESS = 'AddAccessJSON';
const REMOVE_ACCESS = 'RemoveAccessJSON';
const UPDATE_USER = 'UpdateUserJSON';
const CREATE_TICKET = 'CreateTicketJSON';
const TICKET_STATUS = 'TicketStatusJSON';
const IMPORT_ACCOUNTS = 'ImportAccountEntJSON';
const IMPORT_USERS = 'ImportUserJSON';
const CONNECTION = 'ConnectionJSON';

/** Every attribute whose calls EIC runs for a provisioning task or a ticket. */
export const TASK_ATTRIBUTES: readonly string[] = [
  CREATE, UPDATE, ENABLE, DISABLE, REMOVE, CHANGE_PASS, ADD_ACCESS, REMOVE_ACCESS, UPDATE_USER, CREATE_TICKET, TICKET_STATUS,
];
const ACCOUNT_TASKS = TASK_ATTRIBUTES.filter(a => a !== CREATE && a !== UPDATE_USER);
const IMPORTS = [IMPORT_ACCOUNTS, IMPORT_USERS];
const ACCESS_TASKS = [ADD_ACCESS, REMOVE_ACCESS, CREATE_TICKET, TICKET_STATUS];

const tasks: VariableScope[] = [{ attributes: TASK_ATTRIBUTES }];

export const VARIABLES: readonly BindingVariable[] = [
  {
    name: 'access_token', evidence: 'observed', scopes: [{ attributes: 'all' }],
    summary: 'Token of the call\'s authentication, prefix included',
    description: 'The current token of the authentication the call names in `connection` (ConnectionJSON › authentications). EIC puts the `tokenType` in front of it already (`Bearer eyJ…`), so the header value is just `${access_token}`.',
    where: 'Every call of every attribute; usually the `Authorization` header (any header name works, e.g. `X-API-TOKEN`).',
    example: '"Authorization": "${access_token}"',
    snippets: ['${access_token}'],
  },
  {
    name: 'connection', evidence: 'observed', scopes: [{ attributes: 'all' }],
    summary: 'A key of the ConnectionJSON authentication',
    description: 'Reads a key of the authentication in ConnectionJSON, for example a custom `apikey` placed there so the secret stays in the encrypted attribute: `${connection.apikey}`. The authentication around the key must still be complete.',
    where: 'Every attribute; the key must exist in the authentication the call uses.',
    example: '"X-Auth-Email": "${connection.Email}"',
  },
  {
    name: 'refresh_token', evidence: 'documented', scopes: [{ attributes: [CONNECTION] }],
    summary: 'Current refresh token (token request)',
    description: 'The current refresh token of an authentication with `refreshType: "RefreshToken"`; EIC replaces it with the new one from `refreshTokenResponsePath` after each refresh.',
    where: 'ConnectionJSON: `httpParams` of the token call or of `refreshTokenCall`.',
    example: '"httpParams": {"grant_type": "refresh_token", "refresh_token": "${refresh_token}"}',
    snippets: ['${refresh_token}'],
  },
  {
    name: 'apiKey', evidence: 'documented', scopes: [{ attributes: [CONNECTION] }],
    summary: 'API key of the authentication (token request)',
    description: 'The API key configured for the authentication, for token requests that exchange a key for a token.',
    where: 'ConnectionJSON token requests.',
    example: '"httpParams": {"apiKey": "${apiKey}"}',
  },
  {
    name: 'timestamp', evidence: 'documented', scopes: [{ attributes: [CONNECTION] }],
    summary: 'Current time (token request)',
    description: 'The current time, for token requests whose signature includes it.',
    where: 'ConnectionJSON token requests.',
    example: '"httpParams": {"ts": "${timestamp}"}',
  },
  {
    name: 'cookies', evidence: 'documented', scopes: [{ attributes: [CONNECTION] }],
    summary: 'Session cookies (cookie authentication)',
    description: 'The cookies obtained by an authentication of type `cookies`.',
    where: 'ConnectionJSON, `cookies` of a cookie authentication.',
    example: '"cookies": "${cookies}"',
  },
  {
    name: 'user', evidence: 'observed', scopes: tasks, members: USER_MEMBERS,
    summary: 'The identity the task is for',
    description: 'The EIC identity (user) the provisioning task or ticket is for. Members are identity attributes, all lower case except a few (`departmentNumber`, `systemUserName`, `secondaryEmail` …): `${user.email}`, `${user.customproperty12}`.',
    where: 'Provisioning attributes (Create/Update/Enable/Disable/Remove account, ChangePass, Add/Remove access), UpdateUserJSON, CreateTicketJSON, TicketStatusJSON.',
    example: '"email": "${user.email}"',
    snippets: ['${user.email}', '${user.username}', '${user.firstname}', '${user.lastname}', '${user.displayname}'],
  },
  {
    name: 'userManager', evidence: 'observed', scopes: tasks, members: USER_MEMBERS,
    summary: 'The identity\'s manager',
    description: 'The manager of the identity the task is for; its members are identity attributes (`${userManager.email}`).',
    where: 'Provisioning attributes and tickets.',
    example: '"manager_email": "${userManager.email}"',
  },
  {
    name: 'account', evidence: 'observed', scopes: [{ attributes: ACCOUNT_TASKS }], members: ACCOUNT_MEMBERS,
    summary: 'The existing account the task acts on',
    description: 'The account in EIC the task acts on. `${account.accountID}` is the id in the target application (from the import, or from `accountIdPath` after the create call). When the account is being created it does not exist yet: CreateAccountJSON uses `user.*` instead.',
    where: 'Update/Enable/Disable/Remove account, ChangePass, Add/Remove access, tickets — not CreateAccountJSON or UpdateUserJSON.',
    example: '"url": "https://api.example.com/users/${account.accountID}"',
    snippets: ['${account.accountID}', '${account.name}'],
  },
  {
    name: 'entitlementValue', evidence: 'observed', scopes: [{ attributes: ACCESS_TASKS }], members: ENTITLEMENT_MEMBERS,
    summary: 'The entitlement being granted or revoked',
    description: 'The entitlement the access task grants or revokes. `${entitlementValue.entitlementID}` is its id in the target application; `${entitlementValue.entitlement_value}` its name.',
    where: 'AddAccessJSON and RemoveAccessJSON (and tickets raised for access tasks).',
    example: '"url": "https://api.example.com/groups/${entitlementValue.entitlementID}/members"',
    snippets: ['${entitlementValue.entitlementID}', '${entitlementValue.entitlement_value}'],
  },
  {
    name: 'requestAccessAttributes', evidence: 'observed',
    scopes: [{ attributes: [CREATE, UPDATE, ADD_ACCESS, REMOVE_ACCESS, CREATE_TICKET] }], members: OPEN_MEMBERS,
    summary: 'Dynamic attributes entered in the access request',
    description: 'The dynamic attributes the requester filled in on the access request form, by attribute name: `${requestAccessAttributes.RoleType}`. `reqAttrs` is a shorter name for the same map.',
    where: 'Create/Update account, Add/Remove access, CreateTicketJSON.',
    example: '"roles": ["${requestAccessAttributes.RoleType}"]',
  },
  {
    name: 'reqAttrs', aliasOf: 'requestAccessAttributes', evidence: 'documented',
    scopes: [{ attributes: [CREATE, UPDATE, ADD_ACCESS, REMOVE_ACCESS, CREATE_TICKET] }], members: OPEN_MEMBERS,
    summary: 'Short name of requestAccessAttributes',
    description: 'Another name for `requestAccessAttributes`: the dynamic attributes of the access request.',
    where: 'Create/Update account, Add/Remove access, CreateTicketJSON.',
    example: '"role": "${reqAttrs.role}"',
  },
  {
    name: 'response', evidence: 'observed',
    scopes: [{ attributes: IMPORTS, sites: ['pagination', 'constMapping'] }, { attributes: TASK_ATTRIBUTES }],
    summary: 'A response: the page, the current record, or earlier calls',
    description: 'Means three things. In an import `nextUrlPath`: the page just read (`response.completeResponseMap` = whole body, `response.objectList` = extracted list). In a `#CONST#` mapping: the current record. In provisioning and ticket attributes: the results of the earlier calls of the same attribute by call name (`response.call1.message.id`).',
    where: 'Import pagination (`nextUrlPath`) and `#CONST#` mappings; every call after the first in provisioning and ticket attributes.',
    example: '"nextUrlPath": "${response?.completeResponseMap?.next == null ? null : response.completeResponseMap.next}"',
  },
  {
    name: 'headers', evidence: 'observed', scopes: [{ attributes: IMPORTS, sites: ['pagination'] }], members: OPEN_MEMBERS,
    summary: 'Response headers of the page just read',
    description: 'The response headers of the page just read, by name: `headers.Link`, `headers?.get(\'x-next-page\')`. Use it to follow a `Link` header.',
    where: 'Import pagination (`nextUrlPath`).',
    example: '"nextUrlPath": "${headers?.Link?.contains(\'next\') ? headers.Link.split(\';\')[0].replace(\'<\', \'\').replace(\'>\', \'\') : null}"',
  },
  {
    name: 'childresponse', evidence: 'documented', scopes: tasks, members: OPEN_MEMBERS,
    summary: 'Current element of callListPath',
    description: 'In a call that has `callListPath`, the call runs once per element of that list; `childresponse` is the current element.',
    where: 'Calls with `callListPath` in provisioning attributes.',
    example: '"url": "https://api.example.com/items/${childresponse.id}"',
  },
  {
    name: 'password', evidence: 'observed', scopes: [{ attributes: [CREATE, UPDATE, CHANGE_PASS] }],
    summary: 'The password set for the account',
    description: 'The password EIC sets for the account (the one generated or entered for the task).',
    where: 'CreateAccountJSON, UpdateAccountJSON, ChangePassJSON.',
    example: '"password": "${password}"',
    snippets: ['${password}'],
  },
  {
    name: 'randomPassword', evidence: 'documented', scopes: [{ attributes: [CREATE, UPDATE, CHANGE_PASS] }],
    summary: 'A generated random password',
    description: 'A random password EIC generates for the task.',
    where: 'CreateAccountJSON, UpdateAccountJSON, ChangePassJSON.',
    example: '"password": "${randomPassword}"',
  },
  {
    name: 'requestor', evidence: 'observed', scopes: tasks,
    summary: 'Who requested the access',
    description: 'The user who raised the request behind the task.',
    where: 'CreateTicketJSON (documented for provisioning attributes too).',
    example: '"requested_by": "${requestor}"',
  },
  {
    name: 'task', evidence: 'observed', scopes: tasks, members: TASK_MEMBERS,
    summary: 'The provisioning task',
    description: 'The EIC task being processed: `${task.accountName}`.',
    where: 'Tickets and provisioning attributes.',
    example: '"account": "${task.accountName}"',
  },
  {
    name: 'arsTasks', evidence: 'documented', scopes: tasks, members: OPEN_MEMBERS,
    summary: 'The tasks of the request',
    description: 'The tasks of the access request the current task belongs to.',
    where: 'Tickets and provisioning attributes.',
    example: '"tasks": "${arsTasks}"',
  },
  {
    name: 'endpoint', evidence: 'observed', scopes: tasks, members: OPEN_MEMBERS,
    summary: 'The endpoint (target application) of the task',
    description: 'The EIC endpoint (the application) the task is for.',
    where: 'Tickets and provisioning attributes.',
    example: '"application": "${endpoint.endpointname}"',
  },
  {
    name: 'endpoints', evidence: 'documented', scopes: tasks, members: OPEN_MEMBERS,
    summary: 'Endpoints of the request',
    description: 'The endpoints involved in the request.',
    where: 'Tickets and provisioning attributes.',
    example: '"applications": "${endpoints}"',
  },
  {
    name: 'ticketID', evidence: 'observed', scopes: [{ attributes: [TICKET_STATUS] }],
    summary: 'Id of the ticket being polled',
    description: 'The id of the ticket CreateTicketJSON raised (read there with `ticketidPath`); the WSRETRY job polls its status with it.',
    where: 'TicketStatusJSON only.',
    example: '"url": "https://api.intercom.io/tickets/${ticketID}"',
    snippets: ['${ticketID}'],
  },
  {
    name: 'ticketStatusValue', evidence: 'observed', scopes: [{ attributes: [TICKET_STATUS] }],
    summary: 'Status values that mean "done"',
    description: 'The values listed in `ticketStatusValue`, for success conditions that compare the polled status with them.',
    where: 'TicketStatusJSON, in `successResponses`.',
    example: '"successResponses": [{"ticket.state": "${ticketStatusValue}"}]',
  },
  {
    name: 'id', evidence: 'observed', scopes: [{ attributes: [IMPORT_ACCOUNTS] }],
    summary: 'Id of the record being iterated (mapping import)',
    description: 'In account-to-entitlement calls (`acctEntParams`), the id of the entity the call runs for: the entitlement with `httpEntToAcct`, the account with `httpAcctToEnt`.',
    where: 'ImportAccountEntJSON, mostly `acctEntParams` calls.',
    example: '"url": "https://api.example.com/groups/${id}/members"',
    snippets: ['${id}'],
  },
  {
    name: 'entitlementID', evidence: 'documented', scopes: [{ attributes: [IMPORT_ACCOUNTS] }],
    summary: 'Entitlement id for a dependent call (import)',
    description: 'In a dependent entitlement call (see `nextApiKeyField`), the id of the entitlement read by the previous call. In provisioning use `entitlementValue.entitlementID`.',
    where: 'ImportAccountEntJSON dependent calls.',
    example: '"url": "https://api.example.com/groups/${entitlementID}"',
  },
  {
    name: 'accountName', evidence: 'documented', scopes: [{ attributes: [IMPORT_ACCOUNTS, ...TASK_ATTRIBUTES] }],
    summary: 'Account name (dependent import call, provisioning)',
    description: 'In a dependent account call of the import, the account read by the previous call; in provisioning, the name of the account of the task.',
    where: 'ImportAccountEntJSON dependent calls; provisioning attributes.',
    example: '"url": "https://api.example.com/users/${accountName}"',
  },
  {
    name: 'account_entitlements', evidence: 'observed', scopes: [{ attributes: [ADD_ACCESS, REMOVE_ACCESS] }], members: OPEN_MEMBERS,
    summary: 'The account-entitlement link',
    description: 'The link between the account and the entitlement in EIC, e.g. `${account_entitlements.uuid}`.',
    where: 'RemoveAccessJSON (and AddAccessJSON).',
    example: '"url": "https://api.example.com/memberships/${account_entitlements.uuid}"',
  },
  {
    name: 'userIdentifier', evidence: 'observed', scopes: [{ attributes: [IMPORT_USERS] }],
    summary: 'Identity read by the previous call (multi-call user import)',
    description: 'In a multi-call ImportUserJSON, the identifier of the record read by the previous call, for a per-user detail call.',
    where: 'ImportUserJSON with `"type": "multiCall"`, later calls.',
    example: '"url": "https://api.example.com/employees/${userIdentifier}"',
  },
  ...[
    ['ServiceAccountOwnerMap', 'Owners of a service account', 'The owners of the service account the task is for.'],
    ['approvers', 'Approvers of the request', 'The users who approved the request.'],
    ['approver', 'Approver of the request', 'The user who approved the request.'],
    ['approverMap', 'Approvers by level', 'The approvers of the request, by approval level.'],
    ['managerAccount', 'The manager\'s account', 'The account of the identity\'s manager in this application.'],
    ['manager', 'The identity\'s manager', 'The manager of the identity the task is for.'],
    ['requestid', 'Id of the access request', 'The id of the access request behind the task.'],
    ['userAccount', 'The identity\'s account', 'The account of the identity in this application.'],
    ['businessJustification', 'Justification of the request', 'The business justification entered on the request.'],
    ['taskowner', 'Owner of the task', 'The user who owns the task.'],
    ['endpointowner', 'Owner of the endpoint', 'The owner of the endpoint (application).'],
    ['dynamicattributename', 'A dynamic attribute by name', 'Dynamic attributes of the request, by their own names.'],
  ].map(([name, summary, description]): BindingVariable => ({
    name, summary, description, evidence: 'documented', scopes: tasks, members: OPEN_MEMBERS,
    where: 'Provisioning attributes (listed in Saviynt\'s binding tables; not seen in public packages).',
    example: `"value": "\${${name}}"`,
  })),
];

/** Extra member catalogs by site, used by completion and checks. */
export const RESPONSE_MEMBERS = { importPage: IMPORT_PAGE_MEMBERS, callResult: CALL_RESULT_MEMBERS };

const BY_NAME = new Map(VARIABLES.map(v => [v.name, v]));

export function findVariable(name: string): BindingVariable | undefined {
  return BY_NAME.get(name);
}

export function isCatalogRoot(name: string): boolean {
  return BY_NAME.has(name);
}

/** True when EIC binds the variable at this place. Unknown attributes accept everything. */
export function isBoundAt(variable: BindingVariable, attributeName: string | undefined, site: SiteKind): boolean {
  if (!attributeName) return true;
  return variable.scopes.some(scope =>
    (scope.attributes === 'all' || scope.attributes.includes(attributeName)) && (!scope.sites || scope.sites.includes(site)));
}

/** The variables bound at this place. */
export function variablesAt(attributeName: string | undefined, site: SiteKind): BindingVariable[] {
  return VARIABLES.filter(v => isBoundAt(v, attributeName, site));
}
