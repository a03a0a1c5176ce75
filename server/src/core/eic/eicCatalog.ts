/**
 * Facts about EIC's REST API as data: the paths, the REST connector's attribute keys as
 * testConnection spells them, and the EIC release that introduced each attribute
 * (../shared/reference/eic-api.md §2, the Terraform provider's compatibility table).
 */

/** EIC releases this tool knows, oldest first. */
export const EIC_VERSIONS = ['24.10', '25.A', '25.B', '25.C'] as const;
export type EicVersion = typeof EIC_VERSIONS[number];

/** Paths under the tenant's base URL. */
export const EIC_PATHS = {
  login: '/ECM/api/login',
  refresh: '/ECM/oauth/access_token',
  getConnections: '/ECM/api/v5/getConnections',
  getConnectionDetails: '/ECM/api/v5/getConnectionDetails',
  testConnection: '/ECM/api/v5/testConnection',
  runJobTrigger: '/ECM/api/v5/runJobTrigger',
  checkJobStatus: '/ECM/api/v5/checkJobStatus',
  fetchJobMetadata: '/ECM/api/v5/fetchJobMetadata',
} as const;
export type EicOperation = keyof typeof EIC_PATHS;

/** Calls that change nothing on the tenant (or only issue a token): safe to repeat after a timeout or a broken connection. */
export const REPEATABLE_OPERATIONS: ReadonlySet<EicOperation> = new Set<EicOperation>([
  'login', 'refresh', 'getConnections', 'getConnectionDetails', 'checkJobStatus', 'fetchJobMetadata',
]);

export interface RestAttributeKey {
  /** The key exactly as testConnection and getConnectionDetails spell it. */
  readonly key: string;
  /** The first EIC release that knows it (undefined: every release this tool knows). */
  readonly since?: EicVersion;
  /** Write-only: EIC stores it encrypted and never gives it back readably. */
  readonly writeOnly?: boolean;
}

/** The REST connector's attribute keys, in EIC's order. */
export const REST_ATTRIBUTE_KEYS: readonly RestAttributeKey[] = [
  { key: 'ConnectionJSON', writeOnly: true },
  { key: 'ImportUserJSON' },
  { key: 'ImportAccountEntJSON' },
  { key: 'STATUS_THRESHOLD_CONFIG' },
  { key: 'CreateAccountJSON' },
  { key: 'UpdateAccountJSON' },
  { key: 'EnableAccountJSON' },
  { key: 'DisableAccountJSON' },
  { key: 'AddAccessJSON' },
  { key: 'RemoveAccessJSON' },
  { key: 'UpdateUserJSON' },
  { key: 'ChangePassJSON' },
  { key: 'RemoveAccountJSON' },
  { key: 'TicketStatusJSON' },
  { key: 'CreateTicketJSON' },
  { key: 'ENDPOINTS_FILTER' },
  { key: 'PasswdPolicyJSON' },
  { key: 'ConfigJSON' },
  { key: 'AddFFIDAccessJSON' },
  { key: 'RemoveFFIDAccessJSON' },
  { key: 'MODIFYUSERDATAJSON' },
  { key: 'SendOtpJSON' },
  { key: 'ValidateOtpJSON' },
  { key: 'PAM_CONFIG' },
  { key: 'ApplicationDiscoveryJSON', since: '25.B' },
  { key: 'CreateEntitlementJSON', since: '25.B' },
  { key: 'DeleteEntitlementJSON', since: '25.B' },
  { key: 'UpdateEntitlementJSON', since: '25.B' },
];

/**
 * Keys getConnectionDetails returns inside connectionattributes that are not attribute texts
 * (connector bookkeeping); they are neither compared nor pulled.
 */
export const DETAIL_BOOKKEEPING_KEYS: ReadonlySet<string> = new Set([
  'connectiontype', 'connectiontimeoutconfig', 'istimeoutsupported', 'istimeoutconfigvalidated',
]);

const byLowerKey = new Map(REST_ATTRIBUTE_KEYS.map(a => [a.key.toLowerCase(), a]));

/** A REST attribute key, case-insensitively (tenants differ in casing). */
export function findRestAttribute(name: string): RestAttributeKey | undefined {
  return byLowerKey.get(name.toLowerCase());
}

export function isEicVersion(value: string): value is EicVersion {
  return (EIC_VERSIONS as readonly string[]).includes(value);
}

/** True when `version` knows the attribute (unknown attributes are never known). */
export function attributeKnownIn(name: string, version: EicVersion): boolean {
  const attribute = findRestAttribute(name);
  if (!attribute) return false;
  return !attribute.since || EIC_VERSIONS.indexOf(version) >= EIC_VERSIONS.indexOf(attribute.since);
}

/** The message for an attribute that the tenant's release does not know. */
export function versionGateMessage(name: string, version: EicVersion | undefined): string {
  const attribute = findRestAttribute(name);
  const since = attribute?.since;
  if (!attribute) {
    return `${name} is not an attribute EIC's REST connector takes through the API, so it cannot be deployed; `
      + `remove ${name}.json from the folder (or set it in EIC's web form, if EIC has it).`;
  }
  const tenant = version ? `this tenant runs EIC ${version}` : 'the tenant runs an older EIC release';
  return `${attribute.key} exists only from EIC ${since}, and ${tenant}: remove ${attribute.key}.json from the folder `
    + `(or upgrade the tenant to ${since} or later) and deploy again.`;
}
