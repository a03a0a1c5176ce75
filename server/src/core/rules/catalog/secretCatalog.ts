/**
 * What a credential looks like in connection JSONs (mistakes 3.12, 4.9): key names whose
 * values are secrets, header names that carry keys, token shapes, and the filler texts that
 * mark a value as a placeholder rather than a secret. Data only.
 */

/** Key names (lower case, without '-', '_' and spaces) whose string values are credentials. */
export const SECRET_KEY_NAMES = new Set([
  'accesstoken', 'refreshtoken', 'clientsecret', 'password', 'passwd', 'pwd', 'apikey', 'xapikey', 'apitoken', 'authtoken',
  'bearertoken', 'secret', 'secretkey', 'keyfilepassword', 'privatekey', 'skey', 'token', 'apisecret', 'appsecret',
  'clientassertion', 'sharedsecret', 'xauthtoken', 'xaccesstoken', 'privatetoken', 'sessiontoken', 'subscriptionkey',
  'ocpapimsubscriptionkey', 'xapitoken', 'consumersecret',
]);

/** What a credential under a key is called in a placeholder ("<set the client secret in EIC after import>"). */
export const SECRET_KEY_NOUNS = new Map<string, string>([
  ['accesstoken', 'access token'], ['token', 'token'], ['apitoken', 'API token'], ['authtoken', 'token'], ['bearertoken', 'bearer token'],
  ['password', 'password'], ['passwd', 'password'], ['pwd', 'password'], ['clientsecret', 'client secret'], ['refreshtoken', 'refresh token'],
  ['apikey', 'API key'], ['xapikey', 'API key'], ['secret', 'secret'], ['secretkey', 'secret key'], ['skey', 'secret key'],
  ['keyfilepassword', 'key file password'], ['privatekey', 'private key'], ['apisecret', 'API secret'], ['appsecret', 'app secret'],
  ['clientassertion', 'client assertion'], ['sharedsecret', 'shared secret'], ['sessiontoken', 'session token'],
  ['subscriptionkey', 'subscription key'], ['consumersecret', 'consumer secret'], ['authorization', 'credential'],
]);

/** A cheap pre-check: JSON inside a value can only hold a credential key if its text has one of these. */
export const SECRET_NAME_HINT = /token|secret|pass|pwd|key|assertion|auth|credential/i;

/** Keys whose objects map column names (their keys are not credentials). */
export const MAP_KEYS = new Set(['colsToPropsMap', 'responseColsToPropsMap', 'entTypeLabels', 'statusConfig', 'maskInLogs', 'inputParams']);

/** A scheme credential anywhere in a text ("… Bearer dG9rOj… …"); group 1 the scheme, 2 the credential. */
export const SCHEME_CREDENTIAL = /\b(Bearer|Basic)\s+([A-Za-z0-9\-._~+/]+=*)/gi;

/** Query or form parameter names whose values are credentials (compared lower case). */
export const SECRET_PARAMS = new Set([
  'client_secret', 'password', 'passwd', 'pwd', 'apikey', 'api_key', 'api-key', 'access_token', 'refresh_token',
  'token', 'secret', 'client_assertion', 'app_secret', 'api_token', 'auth_token', 'private_token', 'subscription-key',
]);

/** Authorization schemes that precede a credential in a header value or accessToken. */
export const AUTH_SCHEMES = /^(\s*(?:Bearer|Basic|Token|Bot|SSWS|GenieKey|Apikey|ApiKey|Digest|JWT)\s+)(\S.*)$/;

/** Credential shapes recognisable anywhere; `marker` is a text every match contains (a cheap pre-check). */
export const TOKEN_SHAPES: { label: string; pattern: RegExp; marker: string }[] = [
  { label: 'JSON web token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, marker: 'eyJ' },
  { label: 'Intercom access token', pattern: /\bdG9rO[A-Za-z0-9+/_-]{16,}={0,2}/g, marker: 'dG9rO' },
  { label: 'private key', pattern: /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----[^]*?(?:-----END (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----|$)/g, marker: '-----BEGIN ' },
];

/** Values that are clearly not real credentials. */
export const FILLER_VALUE = /^(x+|\*+|\.+|\?+|-+|0+|dummy|placeholder|changeme|change[-_ ]?me|todo|tbd|none|null|nil|n\/a|redacted|hidden|masked|token|password|secret|abc|abcd|abcdef|1234|12345|123456|test|sample|example|(?:your|my|enter|insert|put)[-_ ]?(?:the[-_ ]?)?(?:api[-_ ]?|access[-_ ]?|client[-_ ]?|refresh[-_ ]?|bearer[-_ ]?)?(?:token|key|secret|password|pass|credential)s?(?:[-_ ]?here)?|set[-_ ]in[-_ ]eic|true|false)$/i;

/** The placeholder written into ConnectionJSON instead of a credential. */
export const EIC_PLACEHOLDER = '<set in EIC>';
