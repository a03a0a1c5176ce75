/**
 * Known members of the binding variables, as data: the identity attributes behind
 * `user.*`, the account columns behind `account.*`, the entitlement columns behind
 * `entitlementValue.*`, and what `response` holds during an import.
 *
 * Sources: the attribute names seen in working EIC packages and the user, account and
 * entitlement columns of Saviynt's import mappings (reference grammar §2.7, §12.2).
 */

export interface MemberInfo {
  readonly name: string;
  readonly description: string;
}

export interface MemberCatalog {
  readonly id: string;
  /** When true, a member outside the list is most likely a typo and gets a warning. */
  readonly closed: boolean;
  readonly members: readonly MemberInfo[];
  /** `customproperty1` … `customproperty<max>` are members too. */
  readonly customProperties?: { readonly max: number; readonly of: string };
}

const m = (name: string, description: string): MemberInfo => ({ name, description });

const USER_ATTRIBUTES: MemberInfo[] = [
  m('username', 'The identity\'s username in EIC (its unique login name).'),
  m('firstname', 'First (given) name.'),
  m('lastname', 'Last (family) name.'),
  m('middlename', 'Middle name.'),
  m('displayname', 'Display name.'),
  m('preferedFirstName', 'Preferred first name (EIC spells the column with one "r").'),
  m('email', 'Primary e-mail address.'),
  m('secondaryEmail', 'Secondary e-mail address.'),
  m('phonenumber', 'Phone number (all lower case).'),
  m('secondaryPhone', 'Secondary phone number.'),
  m('title', 'Job title.'),
  m('employeeid', 'Employee id from the HR source.'),
  m('employeeType', 'Employee type (employee, contractor …).'),
  m('employeeclass', 'Employee class.'),
  m('jobCode', 'Job code.'),
  m('departmentname', 'Department name.'),
  m('departmentNumber', 'Department number.'),
  m('costcenter', 'Cost centre.'),
  m('companyname', 'Company name.'),
  m('manager', 'The manager\'s user key in EIC (use `userManager` for the manager\'s attributes).'),
  m('location', 'Location.'),
  m('street', 'Street address.'),
  m('city', 'City.'),
  m('state', 'State or province.'),
  m('country', 'Country.'),
  m('regioncode', 'Region code.'),
  m('siteid', 'Site id.'),
  m('startdate', 'Start (hire) date.'),
  m('enddate', 'End (termination) date.'),
  m('statuskey', 'Identity status: 1 active, 0 inactive.'),
  m('systemUserName', 'System user name.'),
  m('id', 'EIC\'s internal key of the identity (not an id in the target application).'),
  m('name', 'Name of the identity as seen in one working package; prefer `username` or `displayname`.'),
];

const ACCOUNT_COLUMNS: MemberInfo[] = [
  m('accountID', 'The account\'s id in the target application, as imported or as returned by the create call (accountIdPath).'),
  m('name', 'The account name (login) in EIC.'),
  m('displayName', 'Display name of the account.'),
  m('status', 'Account status as imported.'),
  m('description', 'Description of the account.'),
  m('comments', 'Comments stored with the account.'),
  m('lastlogondate', 'Last logon date as imported.'),
  m('created_on', 'Creation date as imported.'),
  m('updatedate', 'Last update date as imported.'),
];

const ENTITLEMENT_COLUMNS: MemberInfo[] = [
  m('entitlementID', 'The entitlement\'s id in the target application (keyField of the entitlement import).'),
  m('entitlement_value', 'The entitlement value (its name) in EIC.'),
  m('displayname', 'Display name of the entitlement.'),
  m('description', 'Description of the entitlement.'),
  m('entitlement_glossary', 'Glossary text of the entitlement.'),
  m('createdate', 'Creation date as imported.'),
  m('updatedate', 'Last update date as imported.'),
];

export const USER_MEMBERS: MemberCatalog = {
  id: 'user', closed: true, members: USER_ATTRIBUTES, customProperties: { max: 65, of: 'identity' },
};

export const ACCOUNT_MEMBERS: MemberCatalog = {
  id: 'account', closed: true, members: ACCOUNT_COLUMNS, customProperties: { max: 45, of: 'account' },
};

export const ENTITLEMENT_MEMBERS: MemberCatalog = {
  id: 'entitlementValue', closed: true, members: ENTITLEMENT_COLUMNS, customProperties: { max: 40, of: 'entitlement' },
};

/** `response` inside an import `nextUrlPath`: the page just read. */
export const IMPORT_PAGE_MEMBERS: MemberCatalog = {
  id: 'importPage', closed: true,
  members: [
    m('completeResponseMap', 'The whole parsed body of the page just read; navigate into it (`response.completeResponseMap.next`) or use `.get(\'@odata.nextLink\')` for keys with dots or @.'),
    m('objectList', 'The list of records extracted from the page with listField; `response.objectList.size()` tells whether the page was empty.'),
    m('headers', 'The response headers of the page (also available as the variable `headers`).'),
    m('statusCode', 'The HTTP status code of the page.'),
  ],
};

/** `response.<call>` in a provisioning attribute: one earlier call's result. */
export const CALL_RESULT_MEMBERS: MemberCatalog = {
  id: 'callResult', closed: false,
  members: [
    m('message', 'The parsed body of that call\'s response: `response.call1.message.id`.'),
    m('statusCode', 'The HTTP status code of that call (by analogy with imports; not seen in working packages).'),
    m('headers', 'The response headers of that call (by analogy with imports; not seen in working packages).'),
  ],
};

/** Open catalogs: the members are whatever the data holds. */
export const OPEN_MEMBERS: MemberCatalog = { id: 'open', closed: false, members: [] };

export const TASK_MEMBERS: MemberCatalog = {
  id: 'task', closed: false,
  members: [
    m('accountName', 'Name of the account the task is for.'),
    m('id', 'The task\'s id in EIC (its task key): quote it in a ticket so that the request can be traced back.'),
    m('tasktype', 'The kind of task, as EIC numbers it: 1 add access, 2 remove access, 3 new account, 5 change password, 6 enable account, 8 delete account, 12 update account, 14 disable account. One CreateTicketJSON serves every kind; a ternary on it names the operation.'),
  ],
};

/** The member catalog entry for a name, including `customproperty<N>`. */
export function findMember(catalog: MemberCatalog, name: string): MemberInfo | undefined {
  const direct = catalog.members.find(x => x.name === name);
  if (direct) return direct;
  const cp = /^customproperty([1-9][0-9]*)$/.exec(name);
  if (cp && catalog.customProperties && Number(cp[1]) <= catalog.customProperties.max) {
    return { name, description: `Custom property ${cp[1]} of the ${catalog.customProperties.of}.` };
  }
  return undefined;
}

/** Every member name of a catalog (custom properties expanded), for did-you-mean and completion. */
export function memberNames(catalog: MemberCatalog): readonly string[] {
  let names = NAMES.get(catalog);
  if (!names) {
    const list = catalog.members.map(x => x.name);
    if (catalog.customProperties) for (let i = 1; i <= catalog.customProperties.max; i++) list.push(`customproperty${i}`);
    names = list;
    NAMES.set(catalog, names);
  }
  return names;
}

const NAMES = new WeakMap<MemberCatalog, readonly string[]>();
