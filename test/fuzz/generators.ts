// Generated documents for the fuzz suite (fast-check arbitraries): attribute-shaped JSON with
// `${…}` bindings, JSON-ish text, deep nesting, huge strings, escapes, unicode and truncations.
// Shared by the in-process, LSP and CLI fuzz tests. Seeded: the same seed gives the same documents.
import fc from 'fast-check';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** How many runs each fuzz test makes: FUZZ_SCALE multiplies them (default 1: about a minute in all on CI). */
export const SCALE = Math.max(0.01, Number(process.env.FUZZ_SCALE ?? 1) || 1);
/** FUZZ_SEED picks the documents (default fixed, so a failure reproduces); "random" for a new one each run. */
export const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 1313);
/** Stops a fuzz test after this long whatever the count (FUZZ_MINUTES, for long runs). */
export const TIME_LIMIT_MS = process.env.FUZZ_MINUTES ? Number(process.env.FUZZ_MINUTES) * 60_000 : undefined;

export const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

/** fast-check parameters for a fuzz test: seeded, stop at the first failure, bounded in time. */
export function parameters(numRuns: number): fc.Parameters<any> {
  return {
    seed: SEED, numRuns, endOnFailure: true, verbose: 1,
    ...(TIME_LIMIT_MS ? { interruptAfterTimeLimit: TIME_LIMIT_MS, markInterruptAsFailure: false } : {}),
  };
}

export const ATTRIBUTE_FILES = [
  'ConnectionJSON.json', 'ImportAccountEntJSON.json', 'CreateAccountJSON.json', 'UpdateAccountJSON.json', 'EnableAccountJSON.json',
  'DisableAccountJSON.json', 'RemoveAccountJSON.json', 'AddAccessJSON.json', 'RemoveAccessJSON.json', 'CreateTicketJSON.json',
  'TicketStatusJSON.json', 'ImportUserJSON.json', 'STATUS_THRESHOLD_CONFIG.json', 'Connection_2024-01-01_00-00-00(UTC).json',
];

const KEYS = [
  'call', 'name', 'connection', 'url', 'httpMethod', 'httpHeaders', 'httpParams', 'httpContentType', 'listField', 'keyField',
  'colsToPropsMap', 'pagination', 'nextUrl', 'nextUrlPath', 'offset', 'page', 'accountParams', 'entitlementParams', 'entTypes',
  'acctEntParams', 'authentications', 'acctAuth', 'authType', 'accessToken', 'tokenType', 'successResponses', 'statusCode',
  'ticketidPath', 'ticketStatusPath', 'ticketStatusValue', 'callOrder', 'stageNumber', 'Authorization', 'Intercom-Version',
  'Accept', 'password', 'client_secret', 'token', 'responseColsToPropsMap', 'accountIdPath', 'EXTERNAL_ATTR', 'attributename',
  'encryptedattributevalue', 'connectionname', 'statusConfig', 'entTypeOrder', 'processingType', 'unknownKey', '', 'ä ü',
];

const PIECES = [
  '${', '}', '${user.email}', '${access_token}', '${response.', 'completeResponseMap', '?.', '.', "'", '"', '\\"', '\\\\', '\\u00',
  '\\u0024\\u007b', '${connection.', '#CONST#', '~#~char', '~#~bool', 'https://api.intercom.io/contacts', '/search', '?per_page=150',
  '&starting_after=', 'Bearer ', 'dG9rOjEyMzQ1Njc4OTBhYmNkZWZnaGlq', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.abcdefghijklmnop',
  '== null ? ', ' : ', '(', ')', '[', ']', '{', '->', 'it.', '@HOST@', '<token>', '\u0000', '\ud800', '😀', 'مرحبا', '\t', '\n',
  'java.net.URLEncoder.encode(', ",'UTF-8')", 'entitlementID', 'accountID', '&amp;', '%2F', ' ',
];

/** A string value: binding-language pieces, random text, sometimes huge. */
export const valueText = fc.oneof(
  { weight: 12, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map(a => a.join('')) },
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('${', 'x', '${a}', '"', '\\', '{['), fc.integer({ min: 100, max: 5_000 })).map(([p, n]) => p.repeat(n)) },
);

const key = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

/** An attribute-shaped JSON value (objects of known keys, calls, bindings), a few levels deep. */
export const attributeValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    { weight: 4, arbitrary: valueText },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)) },
    { weight: 3, arbitrary: fc.dictionary(key, tie('value'), { maxKeys: 6, size: 'medium' }) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4, size: 'medium' }) },
  ),
})).value;

/** Text mutations: truncation, insertion, deletion, deep brackets, \u escaping of a slice. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert'), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(valueText, fc.constantFrom(',', '}', ']', ':', '"', '//', '/*')) }),
  fc.record({ kind: fc.constant('delete'), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('nest'), at: fc.double({ min: 0, max: 1, noNaN: true }), depth: fc.oneof(fc.integer({ min: 10, max: 500 }), fc.integer({ min: 500, max: 12_000 })), open: fc.constantFrom('[', '{"a":', '[{') }),
  fc.record({ kind: fc.constant('escape'), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 40 }) }),
);

function applyMutation(text: string, m: any): string {
  const at = Math.floor(m.at * text.length);
  switch (m.kind) {
    case 'truncate': return text.slice(0, at);
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'nest': return text.slice(0, at) + m.open.repeat(m.depth) + text.slice(at);
    default: {
      const slice = text.slice(at, at + m.length).replace(/[^"\\]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      return text.slice(0, at) + slice + text.slice(at + m.length);
    }
  }
}

/** A call as the REST connector writes it, with generated values in its fields. */
const http = fc.record({
  url: fc.oneof(valueText, fc.constantFrom('https://api.intercom.io/contacts', 'https://api.intercom.io/contacts/search', 'https://api.intercom.io/tickets/${ticketID}')),
  httpMethod: fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'get', 'DELETEWITHBODY'), valueText),
  httpHeaders: fc.dictionary(fc.constantFrom('Authorization', 'Accept', 'Intercom-Version', 'Content-Type', 'x-api-key', ''), fc.oneof(valueText, fc.constantFrom('${access_token}', '2.15', 'application/json')), { maxKeys: 4 }),
  httpParams: fc.oneof(valueText, attributeValue.map(v => JSON.stringify(v) ?? ''), attributeValue),
  httpContentType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', ''),
}, { requiredKeys: [] });

const mapping = fc.dictionary(fc.constantFrom('accountID', 'name', 'displayName', 'customproperty1', 'customproperty31', 'entitlementID', 'x'),
  fc.oneof(valueText, fc.constantFrom('id~#~char', 'email~#~char', '#CONST#${response.email}~#~char', 'STORE#ACC#ENT#MAPPINGINFO~#~char')), { maxKeys: 6 });

const importCall = fc.record({
  callOrder: fc.oneof(fc.nat(5), valueText), stageNumber: fc.nat(3), http, listField: valueText, keyField: fc.constantFrom('accountID', 'entitlementID', 'x'),
  colsToPropsMap: mapping, pagination: fc.oneof(fc.record({ nextUrl: fc.record({ nextUrlPath: valueText }) }), fc.record({ offset: attributeValue }), attributeValue),
}, { requiredKeys: [] });

const callList = fc.array(fc.record({
  name: valueText, connection: fc.constantFrom('acctAuth', 'userAuth', ''),
  url: valueText, httpMethod: fc.constantFrom('POST', 'GET', 'PATCH'), httpParams: fc.oneof(valueText, attributeValue.map(v => JSON.stringify(v) ?? '')),
  httpHeaders: fc.dictionary(fc.constantFrom('Authorization', 'Accept', 'Intercom-Version'), valueText, { maxKeys: 3 }),
  successResponses: attributeValue, ticketidPath: valueText, ticketStatusPath: valueText,
}, { requiredKeys: [] }), { maxLength: 4 });

/** Attribute-shaped documents: import, provisioning call lists, ConnectionJSON, exports. */
const skeleton = fc.oneof(
  fc.record({ accountParams: fc.record({ connection: fc.constant('acctAuth'), call: fc.dictionary(fc.constantFrom('call1', 'call2', 'c'), importCall, { maxKeys: 3 }), acctEntMappings: attributeValue }, { requiredKeys: [] }),
    entitlementParams: fc.record({ entTypes: fc.dictionary(fc.constantFrom('Team', 'Tag', 'T'), fc.record({ entTypeOrder: fc.nat(3), call: fc.dictionary(fc.constant('call1'), importCall, { maxKeys: 1 }) }), { maxKeys: 2 }) }) }, { requiredKeys: [] }),
  fc.record({ call: callList, accountIdPath: valueText, responseColsToPropsMap: mapping }, { requiredKeys: ['call'] }),
  fc.record({ authentications: fc.dictionary(fc.constantFrom('acctAuth', 'userAuth'), fc.record({ authType: fc.constantFrom('oauth2', 'Basic', 'http'), accessToken: valueText, tokenType: fc.constantFrom('Bearer', ''), httpParams: attributeValue, properties: attributeValue }, { requiredKeys: [] }), { maxKeys: 2 }) }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.array(fc.record({ attributename: fc.constantFrom('CreateAccountJSON', 'ImportAccountEntJSON', 'ConnectionJSON'), encryptedattributevalue: fc.oneof(callList.map(c => JSON.stringify({ call: c })), valueText) }), { maxLength: 3 }))
    .map(([name, attrs]) => ({ [name]: { connectionname: name, externalconnectiontype: 'REST', EXTERNAL_ATTR: attrs } })),
);

/** A whole document text: generated JSON (attribute-shaped or any JSON), pretty or not, with mutations. */
export const documentText = fc.tuple(
  fc.oneof({ weight: 6, arbitrary: skeleton }, { weight: 3, arbitrary: attributeValue }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) }),
  fc.constantFrom(undefined, 2, '\t', 0),
  fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
  fc.boolean(),
).map(([value, indent, mutations, crlf]) => {
  let text = JSON.stringify(value, null, indent as any) ?? 'null';
  if (crlf) text = text.replace(/\n/g, '\r\n');
  for (const m of mutations) text = applyMutation(text, m);
  return text;
});

/** A document with the file name it is opened as. */
export const namedDocument = fc.record({ name: fc.constantFrom(...ATTRIBUTE_FILES), text: documentText });

/** A position: mostly inside the text, sometimes past its end. */
export const position = fc.record({ line: fc.oneof(fc.nat(40), fc.nat(100_000)), character: fc.oneof(fc.nat(200), fc.nat(1_000_000)) });

/** Formatting options a client might send, valid or not. */
export const formattingOptions = fc.record({
  tabSize: fc.oneof(fc.constantFrom(2, 4, 8), fc.integer(), fc.constant(1e9), fc.double()),
  insertSpaces: fc.oneof(fc.boolean(), fc.constant('yes'), fc.constant(null)),
});
