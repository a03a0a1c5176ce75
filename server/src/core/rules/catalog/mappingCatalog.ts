/**
 * Data for the `colsToPropsMap` / `responseColsToPropsMap` checks: the type suffixes EIC
 * reads after `~#~`, the Saviynt columns a mapping may fill, and the special sources.
 * Facts from the REST grammar reference §2.7 and §5; nothing here is code.
 */

/** Type suffixes documented or observed after `~#~`. */
export const MAPPING_TYPES = ['char', 'date', 'bool', 'int', 'epochdate'] as const;

/** Common wrong spellings of a type and the type meant. */
export const MAPPING_TYPE_SYNONYMS: Record<string, string> = {
  string: 'char', str: 'char', chr: 'char', text: 'char', varchar: 'char', character: 'char', charr: 'char',
  boolean: 'bool', bol: 'bool',
  integer: 'int', number: 'int', long: 'int', num: 'int',
  datetime: 'date', timestamp: 'date', dt: 'date',
  epoch: 'epochdate', epochtime: 'epochdate', epoch_date: 'epochdate', 'epoch-date': 'epochdate', epochdatetime: 'epochdate',
};

/** Separator between the source path and the type. */
export const MAPPING_SEPARATOR = '~#~';

/** Source that stores the account→entitlement mapping information (account calls) — always with type char. */
export const STORE_MAPPING_SOURCE = 'STORE#ACC#ENT#MAPPINGINFO';
/** Prefix of a computed source: `#CONST#${ … }`. */
export const CONST_PREFIX = '#CONST#';
/** Pseudo-column of entitlement calls that receives the mapping information for entToAcctMapping. */
export const ENT_MAPPING_INFO_COLUMN = 'acctEntMappingInfoColumnFromEnt';

/** Highest customproperty number per table (accounts: KB 37316; users: 65 columns in EIC). */
export const CUSTOM_PROPERTY_LIMIT = { account: 45, entitlement: 45, user: 65 } as const;

/** Account columns a mapping may fill (besides customproperty1..45). Compared case-insensitively. */
export const ACCOUNT_COLUMNS = [
  'accountID', 'name', 'displayName', 'status', 'description', 'comments', 'accounttype', 'accountclass',
  'lastlogondate', 'updatedate', 'created_on', 'createdon', 'createdate', 'creator', 'updateuser',
  'lastpasswordchange', 'passwordchangestatus', 'validfrom', 'validthrough', 'privileged', 'orphan',
  'accountOwner', 'system_account', 'risk',
];

/**
 * Extra names seen on the left of `responseColsToPropsMap` in working packages
 * (create calls copying response values back: firstname, lastname, email, id).
 */
export const RESPONSE_EXTRA_COLUMNS = ['firstname', 'lastname', 'email', 'id'];

/** Entitlement columns (besides customproperty1..45). */
export const ENTITLEMENT_COLUMNS = [
  'entitlementID', 'entitlement_value', 'displayName', 'description', 'entitlement_glossary', 'createdate', 'updatedate',
  'status', 'risk', 'soxcritical', 'syscritical', 'privileged', 'confidentiality', 'module', 'entitlementowner',
  'entitlementOwner1', 'entitlementOwner2', 'entitlementOwner3', 'entitlementOwner4', 'entitlementOwner5',
  'startdate', 'enddate', 'riskscore', 'priority', ENT_MAPPING_INFO_COLUMN,
];

/** Identity (user) columns for ImportUserJSON (besides customproperty1..65). */
export const USER_COLUMNS = [
  'username', 'systemUserName', 'firstname', 'middlename', 'lastname', 'preferedFirstName', 'preferedLastName',
  'displayname', 'email', 'secondaryEmail', 'secondaryPhone', 'phonenumber', 'statuskey', 'startdate', 'enddate',
  'manager', 'employeeid', 'employeeType', 'employeeclass', 'title', 'jobcode', 'jobcodedesc', 'jobdescription',
  'city', 'state', 'country', 'countrycode', 'location', 'locationdesc', 'street', 'postalcode', 'regioncode', 'regionname',
  'departmentnumber', 'departmentname', 'companyname', 'companyid', 'costcenter', 'costcenterdesc', 'siteid', 'sitename',
  'orgunitid', 'owner', 'usertype', 'hiredate', 'terminationdate', 'lastlogondate', 'createdate', 'updatedate',
  'suffix', 'prefix', 'gender', 'dateofbirth', 'employmenttype', 'enterprise', 'badgeid', 'ssn',
];
