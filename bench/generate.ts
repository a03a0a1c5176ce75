/**
 * Generates realistic, large connection documents for the benchmark: ImportAccountEntJSON
 * with many import calls, mappings and `${...}` bindings, provisioning call lists, and an
 * EIC export carrying every attribute.
 */
import { EXPORT_ATTRIBUTE_ORDER } from '../server/src/core/attributes';

/**
 * Realistic documents are clean: what EIC binds, calls in stage order. `withFindings` keeps the
 * first generator's documents, where every call binds an unknown `${pageN}` and goes back a stage
 * (about 700 findings per MB), to measure the cost of reporting many problems.
 */
export interface GenerateOptions { withFindings?: boolean }

function importCall(i: number, options: GenerateOptions = {}): unknown {
  return {
    callOrder: i, stageNumber: options.withFindings ? i % 3 : Math.floor(i / 8),
    http: {
      url: options.withFindings ? `https://api.intercom.io/contacts?per_page=150&page=${'${'}page${i}}` : `https://api.intercom.io/contacts?per_page=150&call=${i}`,
      httpMethod: 'GET',
      httpHeaders: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': '2.15' },
      httpContentType: 'application/json',
    },
    listField: 'data',
    keyField: 'accountID',
    colsToPropsMap: Object.fromEntries([
      ['accountID', 'id~#~char'], ['name', 'email~#~char'], ['displayName', 'name~#~char'],
      ...Array.from({ length: 20 }, (_, k) => [`customproperty${k + 1}`, k % 5 === 0 ? `#CONST#${'${'}response.custom_attributes?.a${k} == null ? '' : response.custom_attributes.a${k}}~#~char` : `custom_attributes.field${k}~#~char`]),
      ...(options.withFindings ? [] : [['customproperty31', 'STORE#ACC#ENT#MAPPINGINFO~#~char']]),
    ]),
    pagination: { nextUrl: { nextUrlPath: '${response?.completeResponseMap?.pages?.next?.starting_after == null ? null : \'https://api.intercom.io/contacts?per_page=150&starting_after=\' + java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after, \'UTF-8\')}' } },
  };
}

export function importAccountEnt(targetBytes: number, options: GenerateOptions = {}): string {
  const calls: Record<string, unknown> = {};
  const entTypes: Record<string, unknown> = {};
  // Eight calls per entitlement type; small documents grow a call at a time, so "5 KB" is about 5 KB.
  const step = targetBytes < 50_000 ? 1 : 8;
  let i = 0;
  let text = '';
  do {
    for (let k = 0; k < step; k++, i++) calls[`call${i + 1}`] = importCall(i, options);
    entTypes[`Team${i}`] = { entTypeOrder: i, entTypeLabels: {}, call: { call1: { ...(importCall(0) as object), keyField: 'entitlementID', colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char' } } } };
    text = JSON.stringify({
      accountParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', call: calls,
        ...(options.withFindings ? {} : { acctEntMappings: { [`Team${step}`]: { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' } } }) },
      entitlementParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', entTypes },
      acctEntParams: { processingType: 'acctToEntMapping' },
    }, null, 2);
  } while (text.length < targetBytes);
  return text;
}

export function createAccount(calls: number): string {
  return JSON.stringify({
    accountIdPath: 'call1.message.id',
    responseColsToPropsMap: { displayName: 'call1.message.name~#~char' },
    call: Array.from({ length: calls }, (_, i) => ({
      name: `call${i + 1}`, connection: 'acctAuth', url: 'https://api.intercom.io/contacts', httpMethod: 'POST',
      httpParams: `{"email":"\${user.email}","name":"\${user.firstname} \${user.lastname}","external_id":"\${user.username}","custom_attributes":{"dept":"\${user.departmentname == null ? '' : user.departmentname}"}}`,
      httpHeaders: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': '2.15' },
      httpContentType: 'application/json', successResponses: { statusCode: [200] },
    })),
  }, null, 2);
}

/** An EIC export with every REST attribute; the large ones are filled to reach the size. */
export function exportWithEveryAttribute(targetBytes: number): string {
  const values: Record<string, string> = { ImportAccountEntJSON: importAccountEnt(Math.floor(targetBytes * 0.6)), CreateAccountJSON: createAccount(40) };
  for (const name of ['UpdateAccountJSON', 'EnableAccountJSON', 'DisableAccountJSON', 'RemoveAccountJSON', 'AddAccessJSON', 'RemoveAccessJSON', 'CreateTicketJSON', 'TicketStatusJSON']) values[name] = createAccount(5);
  values.ConnectionJSON = 'F094T0v6WHOpHcSzOqzN/G0EOXMVamwB8u2E9ttQNJNH/uqcgtvsw9t4/JqDJeCqQsdihkRCJpZn9bLHAwEt1khfhJ57qiyRI==';
  const envelope = {
    Bench: {
      connectionname: 'Bench', connectiondescription: 'Bench', externalconnectiontype: 'REST', status: 1,
      EXTERNAL_ATTR: EXPORT_ATTRIBUTE_ORDER.map(name => ({ formdata: null, credentialSaveStatus: false, attributename: name, encryptedattributevalue: values[name] ?? '' })),
    },
  };
  return JSON.stringify(envelope, null, 2);
}

/** Cursor positions for completion: keys, values and inside `${`, spread over the document. */
export function completionOffsets(text: string, count: number): { offset: number; kind: string }[] {
  const kinds: [RegExp, string, number][] = [[/"listField"/g, 'key', 1], [/"GET"/g, 'value', 1], [/\$\{access_token/g, 'binding', 2], [/\$\{response/g, 'binding', 2]];
  const out: { offset: number; kind: string }[] = [];
  for (const [re, kind, shift] of kinds) {
    const all = [...text.matchAll(re)].map(m => m.index! + shift);
    const want = Math.ceil(count / kinds.length);
    const step = Math.max(1, Math.floor(all.length / want));
    for (let i = 0; i < all.length && out.filter(o => o.kind === kind).length < want; i += step) out.push({ offset: all[i], kind });
  }
  return out.slice(0, count);
}
