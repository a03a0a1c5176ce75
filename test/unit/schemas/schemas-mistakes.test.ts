/**
 * Hand-written documents: the documented working patterns validate cleanly, and each mistake from
 * shared/reference/saviynt-common-mistakes.md that a schema can see is flagged (unknown key or type error).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';

const SCHEMA_DIR = path.resolve(__dirname, '../../../schemas');

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
for (const keyword of ['markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'defaultSnippets',
  'errorMessage', 'patternErrorMessage', 'deprecationMessage', 'doNotSuggest']) ajv.addKeyword(keyword);
for (const f of fs.readdirSync(SCHEMA_DIR).filter(n => n.endsWith('.schema.json'))) {
  ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8')), f);
}

/** Problems as `<path> <keyword>`, with the unknown key appended to the path. */
function problems(attribute: string, doc: unknown): string[] {
  const v = ajv.getSchema(`${attribute}.schema.json`);
  assert.ok(v, `no schema for ${attribute}`);
  if (v(doc)) return [];
  return (v.errors ?? []).map(e => (e.keyword === 'additionalProperties'
    ? `${e.instancePath}/${String(e.params.additionalProperty)}` : e.instancePath) + ' ' + e.keyword);
}

const H = { Authorization: '${access_token}', Accept: 'application/json' };
const importCall = (extra: object = {}) => ({
  callOrder: 0, stageNumber: 0,
  http: { url: 'https://api.intercom.io/admins', httpMethod: 'GET', httpHeaders: H, httpContentType: 'application/json' },
  listField: 'admins', keyField: 'accountID',
  colsToPropsMap: { accountID: 'id~#~char', name: 'email~#~char', customproperty31: 'STORE#ACC#ENT#MAPPINGINFO~#~char' },
  ...extra,
});
const importDoc = (callExtra: object = {}, accountExtra: object = {}) => ({
  accountParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', call: { call1: importCall(callExtra) }, ...accountExtra },
});
const provCall = (extra: object = {}) => ({
  name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST',
  httpParams: '{"email":"${user.email}"}', httpHeaders: H, httpContentType: 'application/json',
  successResponses: { statusCode: [200, 201] }, ...extra,
});
const staticToken = {
  authType: 'oauth2', url: 'https://api.intercom.io/me', httpMethod: 'GET', httpParams: {}, httpContentType: 'application/json',
  errorPath: 'errors[0].code', maxRefreshTryCount: 5, tokenResponsePath: 'access_token', tokenType: 'Bearer',
  accessToken: 'Bearer <token>', retryFailureStatusCode: [401],
};

const VALID: Array<[string, string, unknown]> = [
  ['ConnectionJSON', 'static Intercom token with a custom key', { authentications: { acctAuth: { ...staticToken, apikey: 'kept encrypted' } } }],
  ['ConnectionJSON', 'client credentials, form fields as a JSON string', { authentications: { acctAuth: {
    authType: 'oauth2', url: 'https://login.example.com/token', httpMethod: 'POST',
    httpParams: '{"grant_type":"client_credentials","client_id":"a","client_secret":"b"}',
    httpHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' }, httpContentType: 'application/x-www-form-urlencoded',
    expiryError: 'ExpiredAuthenticationToken', authError: ['InvalidAuthenticationToken'], timeOutError: 'Read timed out',
    tokenResponsePath: 'access_token', tokenType: 'Bearer', accessToken: 'Bearer x', retryFailureStatusCode: [401, 403],
    testConnectionParams: { http: { url: 'https://api.example.com/me', httpMethod: 'GET', httpHeaders: H }, successResponses: { statusCode: [200] } },
    maskInLogs: ['client_secret'], apiRateLimitConfig: { retryAfterCalls: 100, retryWaitSeconds: 10 },
  } } }],
  ['ConnectionJSON', 'rotating refresh token with a second call', { authentications: { userAuth: {
    authType: 'oauth2', url: 'https://api.example.com/token', httpMethod: 'POST',
    httpParams: { grant_type: 'refresh_token', refresh_token: '${refresh_token}' }, httpContentType: 'application/json',
    refreshType: 'RefreshToken', refreshToken: 'r', refreshTokenResponsePath: 'refresh_token', refreshTokenAuthError: ['invalid_grant'],
    refreshTokenCall: { url: 'https://api.example.com/renew', httpMethod: 'POST', httpParams: '{}', refreshTokenResponsePath: 'refresh_token' },
    tokenResponsePath: '#HEADERS#Set-Cookie', authHeaderName: 'Cookie', tokenType: '', accessToken: '',
  } } }],
  ['ConnectionJSON', 'Basic, Jwt and ssl blocks side by side', { authentications: {
    basic: { authType: 'Basic', url: '', httpMethod: 'GET', httpContentType: 'text/html', properties: { userName: 'u', password: 'p' }, tokenType: 'Basic', accessToken: 'Basic dTpw' },
    jwt: { authType: 'Jwt', url: 'https://oauth2.example.com/token', httpMethod: 'POST', httpContentType: 'application/x-www-form-urlencoded',
      httpParamsName: 'assertion', jwtConfig: { jwtHeader: { alg: 'RS256', typ: 'JWT' }, jwtPayload: { iss: 'x', exp: 3600 }, signedAlgorithm: 'RS256', key: 'k', jwtExpiryDuration: 3600 },
      ssl: { keyFile: 'client.p12', keyFilePassword: 'x', keyStoreType: 'PKCS12', sslAlgorithmName: 'TLSv1.2' } },
  } }],
  ['ImportAccountEntJSON', 'grammar Appendix A skeleton with nextUrl paging', {
    ...importDoc({ pagination: { nextUrl: { nextUrlPath: '${response?.completeResponseMap?.next==null?null:response.completeResponseMap.next}' } } }, {
      statusAndThresholdConfig: { statusColumn: 'customproperty1', activeStatus: ['true', 1], deleteLinks: true, accountThresholdValue: 1000,
        correlateInactiveAccounts: false, inactivateAccountsNotInFile: true, deleteAccEntForActiveAccounts: true },
      acctEntMappings: { Team: { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' } },
    }),
    entitlementParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', entTypes: {
      Team: { entTypeOrder: 0, entTypeLabels: {}, call: { call1: { ...importCall(), listField: 'teams', keyField: 'entitlementID',
        colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char' }, disableDeletedEntitlements: true,
        pagination: { offset: { offsetParam: 'offset', batchParam: 'limit', batchSize: 100, totalCountPath: 'completeResponseMap.total' } } } } },
      Role: {},
    } },
    acctEntParams: { processingType: 'acctToEntMapping' },
  }],
  ['ImportAccountEntJSON', 'httpEntToAcct link calls, page paging, #CONST# mapping, fixed totalCountPath', {
    ...importDoc({ colsToPropsMap: { accountID: 'id~#~char', name: "#CONST#${response.first + ' ' + response.last}~#~char", lastlogondate: 'last~#~epochdate' },
      pagination: { page: { pageSizeParam: 'per_page', pageSize: 50, pageRecordCount: 'completeResponseMap.per_page', pageNumberParam: 'page', totalCountPath: 5000, firstPageNumber: 1 } } }),
    acctEntParams: { connection: 'acctAuth', entTypes: { Team: { call: { call1: {
      connection: 'acctAuth', callOrder: 0, stageNumber: 1, processingType: 'httpEntToAcct',
      http: { url: 'https://api.example.com/teams/${id}/members', httpMethod: 'GET', httpHeaders: H, httpContentType: 'application/json' },
      listField: 'members', acctIdPath: 'id', acctKeyField: 'accountID', entKeyField: 'entitlementID', showJobHistory: true,
    } } } } },
  }],
  ['ImportUserJSON', 'flat call with offset paging and statusConfig', {
    connection: 'userAuth', url: 'https://api.example.com/users', httpMethod: 'GET', httpHeaders: { apiKey: '${access_token}' },
    userResponsePath: 'data.users', colsToPropsMap: { username: 'id~#~char', email: "${LOGONNAME + '@x.com'}~#~char" },
    pagination: { offset: { offsetParam: 'offset', batchParam: 'limit', batchSize: '100', totalCountPath: 'data.total' } },
    successResponses: { statusCode: [200] }, statusConfig: { active: 'true', inactive: 'false' },
  }],
  ['ImportUserJSON', 'multiCall', { type: 'multiCall', call: [
    { name: 'call1', connection: 'userAuth', url: 'https://api.example.com/a', httpMethod: 'GET', userResponsePath: '', colsToPropsMap: { username: 'id~#~char' } },
  ] }],
  ['STATUS_THRESHOLD_CONFIG', 'attribute form with per-type entitlement threshold', { statusAndThresholdConfig: {
    statusColumn: 'customproperty2', activeStatus: ['active'], accountThresholdValue: 100, accountsNotInImportAction: 'Suspend',
    inactivateEntsNotInFeed: true, entThresholdValue: { entType: { Team: { ent: 10 } } },
  } }],
  ['CreateAccountJSON', 'create with accountIdPath and responseColsToPropsMap', {
    accountIdPath: 'call1.message.id', dateFormat: "yyyy-MM-dd'T'HH:mm:ssXXX",
    responseColsToPropsMap: { displayName: 'call1.message.name~#~char', updatedate: 'call1.message.updated~#~date' },
    call: [provCall({ showResponse: true, unsuccessResponses: { statusCode: [400, 409] } }), provCall({ name: 'call2', httpMethod: 'PATCH', callCondition: '${true}' })],
  }],
  ['UpdateAccountJSON', 'method chosen by an expression, body-value success rule', {
    call: [provCall({ httpMethod: "${account.status == '1' ? 'PUT' : 'PATCH'}", successResponses: { statusCode: [200], result: 'success', status: ['OK'] } })],
  }],
  ['EnableAccountJSON', 'empty object body', { call: [provCall({ httpParams: {}, url: 'https://api.example.com/u/${account.accountID}', httpMethod: 'PUT' })] }],
  ['RemoveAccountJSON', 'DELETEWITHBODY', { call: [provCall({ httpMethod: 'DELETEWITHBODY' })] }],
  ['ChangePassJSON', 'password body', { call: [provCall({ httpParams: '{"password":"${password}"}', httpMethod: 'PUT' })] }],
  ['AddAccessJSON', 'call named after the entitlement type, with a privilege attribute', {
    call: [provCall({ name: 'Tag', privilegeEntitlement: { privEntType: 'Role', privAttrName: 'level' } }), provCall({ name: 'Tag', callListPath: 'response.Tag1.message.items' })],
  }],
  ['UpdateUserJSON', 'Update Login action with callOrder', { actions: { 'Update Login': { call: [provCall({ callOrder: 0, httpMethod: 'PATCH' })] } } }],
  ['CreateTicketJSON', 'two-call flow with a top-level ticketidPath', {
    ticketidPath: 'call2.message.result.number', call: [provCall({ ticketidPath: 'id' }), provCall({ name: 'call2', httpMethod: 'GET' })],
  }],
  ['TicketStatusJSON', 'array success form and discontinue values', { call: [{
    name: 'call1', connection: 'acctAuth', url: 'https://x/tickets/${ticketID}', httpMethod: 'GET', httpHeaders: H, httpContentType: 'application/json',
    ticketStatusPath: 'Ticket[0].State', ticketStatusValue: ['closed successful'], disContinueStatusValue: ['removed'],
    successResponses: [{ statusCode: [200] }, { 'Ticket[0].State': '${ticketStatusValue}' }],
  }] }],
  ['ConfigJSON', 'timeouts and logging', { connectionTimeoutConfig: { connectionTimeout: 10, readTimeout: 500, writeTimeout: 500, retryCount: 3, retryWait: 2, retryFailureStatusCode: 429 }, showLogs: true }],
  ['AOB_CONNECTION_TEMPLATE_VARIABLES', 'tokens and values', { '@HOSTURL@': 'https://api.intercom.io', '@@ORG_ID@@': 'x', '@TOKEN@': '' }],
];

for (const [attribute, label, doc] of VALID) {
  test(`valid ${attribute}: ${label}`, () => {
    assert.deepEqual(problems(attribute, doc), []);
  });
}

/** [attribute, mistake (reference), document, one problem that must be reported] */
const MISTAKES: Array<[string, string, unknown, string]> = [
  ['ImportAccountEntJSON', '2.1 page directly in the call', importDoc({ page: { pageSize: 20 } }), '/accountParams/call/call1/page additionalProperties'],
  ['ImportAccountEntJSON', '2.1 page in accountParams', importDoc({}, { page: { pageSize: 20 } }), '/accountParams/page additionalProperties'],
  ['STATUS_THRESHOLD_CONFIG', '2.2 active instead of activeStatus', { statusAndThresholdConfig: { statusColumn: 'customproperty1', active: ['true'] } }, '/statusAndThresholdConfig/active additionalProperties'],
  ['ImportAccountEntJSON', '2.2 status instead of activeStatus', importDoc({}, { statusAndThresholdConfig: { status: ['active'] } }), '/accountParams/statusAndThresholdConfig/status additionalProperties'],
  ['EnableAccountJSON', '2.3 SuccessResponses', { call: [{ ...provCall(), SuccessResponses: { statusCode: [200] } }] }, '/call/0/SuccessResponses additionalProperties'],
  ['ImportAccountEntJSON', '2.3 IdPath/KeyField', importDoc({}, { acctEntMappings: { Team: { listPath: 'teams', IdPath: 'id' } } }), '/accountParams/acctEntMappings/Team/IdPath additionalProperties'],
  ['AddAccessJSON', '2.4 call as an object', { call: { Tag: provCall({ name: 'Tag' }) } }, '/call type'],
  ['ImportAccountEntJSON', '2.5 entitlementParams inside accountParams', importDoc({}, { entitlementParams: {} }), '/accountParams/entitlementParams additionalProperties'],
  ['ImportAccountEntJSON', '2.5 acctEntMappings at the root', { ...importDoc(), acctEntMappings: {} }, '/acctEntMappings additionalProperties'],
  ['ConnectionJSON', '2.6 testConnectionParams beside acctAuth', { authentications: { acctAuth: staticToken, testConnectionParams: { http: { url: 'x' } } } }, '/authentications/testConnectionParams required'],
  ['ConnectionJSON', '2.6 successResponses beside acctAuth', { authentications: { acctAuth: staticToken, successResponses: { statusCode: [200] } } }, '/authentications/successResponses/statusCode type'],
  ['DisableAccountJSON', '2.7 actions wrapper outside UpdateUserJSON', { actions: { Disable: { call: [provCall()] } } }, '/actions additionalProperties'],
  ['ImportAccountEntJSON', '2.8 ImportUserJSON content', { connection: 'a', url: 'https://x', userResponsePath: 'data', colsToPropsMap: {} }, '/userResponsePath additionalProperties'],
  ['UpdateUserJSON', '2.9 statusCode as a number', { actions: { 'Update Login': { call: [provCall({ successResponses: { statusCode: 200 } })] } } }, '/actions/Update Login/call/0/successResponses/statusCode type'],
  ['CreateAccountJSON', '2.9 successResponses as an array outside TicketStatusJSON', { call: [provCall({ successResponses: [{ statusCode: [200] }] })] }, '/call/0/successResponses type'],
  ['ConnectionJSON', '2.10 authType Bearer', { authentications: { acctAuth: { ...staticToken, authType: 'Bearer' } } }, '/authentications/acctAuth/authType enum'],
  ['ConnectionJSON', '2.10 tokenExpiry', { authentications: { acctAuth: { ...staticToken, tokenExpiry: '3600' } } }, '/authentications/acctAuth/tokenExpiry false schema'],
  ['ConnectionJSON', '2.10 tokenAutoRefresh', { authentications: { acctAuth: { ...staticToken, tokenAutoRefresh: 'true' } } }, '/authentications/acctAuth/tokenAutoRefresh false schema'],
  ['ConnectionJSON', '2.10 properties.refreshUrl', { authentications: { acctAuth: { ...staticToken, properties: { refreshUrl: 'x' } } } }, '/authentications/acctAuth/properties/refreshUrl additionalProperties'],
  ['ConnectionJSON', '2.11 only a custom secret', { authentications: { userAuth: { apikey: 'x' } } }, '/authentications/userAuth required'],
  ['ImportAccountEntJSON', '3.2 keyField names a response field', importDoc({ keyField: 'UserRoleDetails' }), '/accountParams/call/call1/keyField enum'],
  ['ImportAccountEntJSON', '3.3 trailing space after the type', importDoc({ colsToPropsMap: { accountID: 'id~#~char ' } }), '/accountParams/call/call1/colsToPropsMap/accountID pattern'],
  ['ImportAccountEntJSON', '3.3 doubled tilde', importDoc({ colsToPropsMap: { accountID: 'id~~#~char' } }), '/accountParams/call/call1/colsToPropsMap/accountID pattern'],
  ['ImportAccountEntJSON', '3.3 missing type suffix', importDoc({ colsToPropsMap: { accountID: 'id' } }), '/accountParams/call/call1/colsToPropsMap/accountID pattern'],
  ['CreateAccountJSON', '3.3 unknown type in responseColsToPropsMap', { responseColsToPropsMap: { name: 'call1.message.name~#~string' }, call: [provCall()] }, '/responseColsToPropsMap/name pattern'],
  ['ImportAccountEntJSON', '3.5 boolean written as a string', { ...importDoc(), entitlementParams: { processingType: 'SequentialAndIterative', entTypes: { T: { call: { c: importCall({ keyField: 'entitlementID', disableDeletedEntitlements: 'true' }) } } } } }, '/entitlementParams/entTypes/T/call/c/disableDeletedEntitlements type'],
  ['RemoveAccessJSON', '3.6 lower-case method', { call: [provCall({ name: 'Tag', httpMethod: 'put' })] }, '/call/0/httpMethod anyOf'],
  ['RemoveAccountJSON', '3.8 empty header name', { call: [provCall({ httpHeaders: { '': '${access_token}' } })] }, '/call/0/httpHeaders propertyNames'],
  ['CreateTicketJSON', '3.9 leading space in the URL', { call: [provCall({ url: ' https://api.intercom.io/tickets' })] }, '/call/0/url pattern'],
  ['ImportAccountEntJSON', '3.12b colsToPropMap typo', importDoc({ colsToPropMap: {} }), '/accountParams/call/call1/colsToPropMap additionalProperties'],
  ['ConnectionJSON', '§5 content type with a space', { authentications: { acctAuth: { ...staticToken, httpContentType: 'application /x-www-form-urlencoded' } } }, '/authentications/acctAuth/httpContentType anyOf'],
  ['ConnectionJSON', '§5 refreshType tokenRefresh', { authentications: { acctAuth: { ...staticToken, refreshType: 'tokenRefresh' } } }, '/authentications/acctAuth/refreshType enum'],
  ['ImportAccountEntJSON', '§5 callOrder and stageNumber as strings', importDoc({ callOrder: '0', stageNumber: '0' }), '/accountParams/call/call1/callOrder type'],
  ['ImportAccountEntJSON', 'grammar 5.6 two paging forms at once', importDoc({ pagination: { nextUrl: { nextUrlPath: '${null}' }, offset: { batchSize: 10 } } }), '/accountParams/call/call1/pagination maxProperties'],
  ['ImportAccountEntJSON', 'grammar 5.3 pagination on the entitlement type', { ...importDoc(), entitlementParams: { processingType: 'SequentialAndIterative', entTypes: { T: { pagination: {} } } } }, '/entitlementParams/entTypes/T/pagination additionalProperties'],
  ['CreateAccountJSON', 'grammar 7.2 call without url', { call: [{ name: 'call1', connection: 'acctAuth', httpMethod: 'POST' }] }, '/call/0 required'],
  ['TicketStatusJSON', 'status values as a string', { call: [provCall({ httpMethod: 'GET', ticketStatusPath: 'state', ticketStatusValue: 'resolved' })] }, '/call/0/ticketStatusValue type'],
  ['AOB_CONNECTION_TEMPLATE_VARIABLES', 'key that is not an @TOKEN@', { HOSTURL: 'x' }, '/HOSTURL additionalProperties'],
];

for (const [attribute, label, doc, expected] of MISTAKES) {
  test(`flags ${attribute}: ${label}`, () => {
    const found = problems(attribute, doc);
    assert.ok(found.includes(expected), `expected "${expected}" among ${JSON.stringify(found)}`);
  });
}
