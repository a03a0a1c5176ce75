/**
 * The catalog of Saviynt EIC REST-connector attributes: data, not code.
 *
 * `order` is the order in which EIC lists the attributes in a connection's
 * EXTERNAL_ATTR array (the order of the connection form). `grammar` names the
 * JSON grammar the attribute follows; `schema` is the file in schemas/ that
 * describes it (absent when no public grammar exists).
 */

export type AttributeGrammar =
  | 'connection'          // ConnectionJSON: authentications
  | 'importUser'          // ImportUserJSON
  | 'importAccountEnt'    // ImportAccountEntJSON
  | 'statusThreshold'     // STATUS_THRESHOLD_CONFIG
  | 'provisioning'        // call-list attributes (Create/Update/Enable/Disable/Remove account, ChangePass)
  | 'access'              // AddAccessJSON / RemoveAccessJSON: call names are entitlement types
  | 'updateUser'          // UpdateUserJSON: actions wrapper
  | 'createTicket'        // CreateTicketJSON
  | 'ticketStatus'        // TicketStatusJSON
  | 'config'              // ConfigJSON
  | 'templateVariables'   // AOB_CONNECTION_TEMPLATE_VARIABLES
  | 'any';                // no public grammar: any JSON

export interface AttributeInfo {
  /** Canonical spelling, as EIC writes it. */
  readonly name: string;
  /** Position in EIC's EXTERNAL_ATTR list (0-based); undefined for attributes EIC lists only when set. */
  readonly order?: number;
  readonly grammar: AttributeGrammar;
  /** Schema file name in schemas/, when the attribute has a public grammar. */
  readonly schema?: string;
  /** EIC stores this attribute encrypted; it never travels in clear in a package. */
  readonly secret?: boolean;
  /** One-line description for hover and pickers. */
  readonly summary: string;
}

export const ATTRIBUTES: readonly AttributeInfo[] = [
  { name: 'ConnectionJSON', order: 0, grammar: 'connection', schema: 'ConnectionJSON.schema.json', secret: true,
    summary: 'How EIC authenticates to the target: one or more named authentication configurations.' },
  { name: 'ImportUserJSON', order: 1, grammar: 'importUser', schema: 'ImportUserJSON.schema.json',
    summary: 'Identity (user) import from the target application.' },
  { name: 'ImportAccountEntJSON', order: 2, grammar: 'importAccountEnt', schema: 'ImportAccountEntJSON.schema.json',
    summary: 'Account, entitlement and account-to-entitlement import calls and mappings.' },
  { name: 'STATUS_THRESHOLD_CONFIG', order: 3, grammar: 'statusThreshold', schema: 'STATUS_THRESHOLD_CONFIG.schema.json',
    summary: 'Which account values mean active, and how many accounts one import may suspend or delete.' },
  { name: 'CreateAccountJSON', order: 4, grammar: 'provisioning', schema: 'CreateAccountJSON.schema.json',
    summary: 'Calls that create an account in the target when EIC provisions a new account.' },
  { name: 'UpdateAccountJSON', order: 5, grammar: 'provisioning', schema: 'UpdateAccountJSON.schema.json',
    summary: 'Calls that update an existing account.' },
  { name: 'EnableAccountJSON', order: 6, grammar: 'provisioning', schema: 'EnableAccountJSON.schema.json',
    summary: 'Calls that enable (re-activate) an account.' },
  { name: 'DisableAccountJSON', order: 7, grammar: 'provisioning', schema: 'DisableAccountJSON.schema.json',
    summary: 'Calls that disable an account.' },
  { name: 'AddAccessJSON', order: 8, grammar: 'access', schema: 'AddAccessJSON.schema.json',
    summary: 'Calls that grant an entitlement; each call is named after the entitlement type it serves.' },
  { name: 'RemoveAccessJSON', order: 9, grammar: 'access', schema: 'RemoveAccessJSON.schema.json',
    summary: 'Calls that revoke an entitlement; each call is named after the entitlement type it serves.' },
  { name: 'UpdateUserJSON', order: 10, grammar: 'updateUser', schema: 'UpdateUserJSON.schema.json',
    summary: 'Named actions that write identity attributes back to the target.' },
  { name: 'ChangePassJSON', order: 11, grammar: 'provisioning', schema: 'ChangePassJSON.schema.json',
    summary: 'Calls that change an account password.' },
  { name: 'RemoveAccountJSON', order: 12, grammar: 'provisioning', schema: 'RemoveAccountJSON.schema.json',
    summary: 'Calls that delete (or deactivate) an account.' },
  { name: 'TicketStatusJSON', order: 13, grammar: 'ticketStatus', schema: 'TicketStatusJSON.schema.json',
    summary: 'Calls the WSRETRY job polls to learn whether a ticket raised by CreateTicketJSON is done.' },
  { name: 'CreateTicketJSON', order: 14, grammar: 'createTicket', schema: 'CreateTicketJSON.schema.json',
    summary: 'Calls that raise a ticket in the target for work the API cannot do directly.' },
  { name: 'ENDPOINTS_FILTER', order: 15, grammar: 'any', summary: 'Endpoint filter (no public grammar).' },
  { name: 'PasswdPolicyJSON', order: 16, grammar: 'any', summary: 'Password policy (no public grammar).' },
  { name: 'ConfigJSON', order: 17, grammar: 'config', schema: 'ConfigJSON.schema.json',
    summary: 'Connector settings: timeouts, retries and logging.' },
  { name: 'AddFFIDAccessJSON', order: 18, grammar: 'any', summary: 'Firefighter-ID access grant (no public grammar).' },
  { name: 'RemoveFFIDAccessJSON', order: 19, grammar: 'any', summary: 'Firefighter-ID access revoke (no public grammar).' },
  { name: 'MODIFYUSERDATAJSON', order: 20, grammar: 'any', summary: 'User data modification (no public grammar).' },
  { name: 'SendOtpJSON', order: 21, grammar: 'any', summary: 'One-time-password delivery (no public grammar).' },
  { name: 'ValidateOtpJSON', order: 22, grammar: 'any', summary: 'One-time-password validation (no public grammar).' },
  { name: 'PAM_CONFIG', order: 23, grammar: 'any', summary: 'Privileged access configuration (no public grammar).' },
  { name: 'AOB_CONNECTION_TEMPLATE_VARIABLES', grammar: 'templateVariables', schema: 'AOB_CONNECTION_TEMPLATE_VARIABLES.schema.json',
    summary: 'App-Onboarding template variables: @NAME@ tokens and the values that replace them.' },
  { name: 'ApplicationDiscoveryJSON', grammar: 'any', summary: 'Application discovery (no public grammar).' },
  { name: 'CreateEntitlementJSON', grammar: 'any', summary: 'Entitlement creation (no public grammar).' },
  { name: 'UpdateEntitlementJSON', grammar: 'any', summary: 'Entitlement update (no public grammar).' },
  { name: 'DeleteEntitlementJSON', grammar: 'any', summary: 'Entitlement deletion (no public grammar).' },
];

/** The 24 attributes every REST export lists, in EIC's order. */
export const EXPORT_ATTRIBUTE_ORDER: readonly string[] = ATTRIBUTES
  .filter(a => a.order !== undefined)
  .sort((a, b) => a.order! - b.order!)
  .map(a => a.name);

const byLowerName = new Map(ATTRIBUTES.map(a => [a.name.toLowerCase(), a]));

/** Looks an attribute up by name, case-insensitively. */
export function findAttribute(name: string): AttributeInfo | undefined {
  return byLowerName.get(name.toLowerCase());
}

/** The attribute a file stands for, from its base name (`<AttributeName>.json`, any case). */
export function attributeForFileName(fileName: string): AttributeInfo | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  const m = /^(.+)\.json$/i.exec(base);
  return m ? findAttribute(m[1]) : undefined;
}

/** True for EIC export files (`Connection_<timestamp>.json`). */
export function isExportFileName(fileName: string): boolean {
  const base = fileName.replace(/^.*[\\/]/, '');
  return /^Connection_.*\.json$/i.test(base);
}
