/**
 * Attribute templates for an Intercom connection, written as data. Facts used
 * (Intercom REST API, versions 2.7–2.16):
 *
 * - regions: api.intercom.io (US), api.eu.intercom.io, api.au.intercom.io;
 * - every call sends Authorization (the static bearer token), Intercom-Version (pinned, so
 *   the response shapes do not depend on the app's Developer Hub setting) and Accept;
 * - GET /admins → `admins` and GET /teams → `teams` are unpaginated; admins carry `team_ids`;
 * - GET /contacts → `data`, cursor `pages.next.starting_after` (must be URL-encoded), ≤150 per page;
 * - GET /tags → `data`; a contact's `tags.data` lists at most 10 tags;
 * - contacts: POST /contacts, PUT /contacts/{id}, POST …/archive and …/unarchive, DELETE;
 *   tag/untag: POST /contacts/{id}/tags {id}, DELETE /contacts/{id}/tags/{tag_id};
 * - tickets (2.9+): POST /tickets with one contact (by email) and the `_default_title_` /
 *   `_default_description_` attributes; `ticket_state` is a string up to 2.11 and an
 *   object from 2.12 on, so the status path is `ticket_state.category` from 2.12;
 * - admins carry `role` from 2.16 on.
 */

export type IntercomRegion = 'us' | 'eu' | 'au';
export type IntercomFeature = 'import' | 'incrementalImport' | 'contactLifecycle' | 'addRemoveAccess' | 'ticketing';

export const INTERCOM_FEATURES: readonly IntercomFeature[] = ['import', 'incrementalImport', 'contactLifecycle', 'addRemoveAccess', 'ticketing'];

export const INTERCOM_BASE_URLS: Record<IntercomRegion, string> = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
};

export const DEFAULT_INTERCOM_API_VERSION = '2.15';
export const INTERCOM_TOKEN_PLACEHOLDER = 'Bearer <set the Intercom access token in EIC after import>';
export const TICKET_TYPE_PLACEHOLDER = '@TICKET_TYPE_ID@';

export interface IntercomTemplateOptions {
  region: IntercomRegion;
  apiVersion: string;
  features: readonly IntercomFeature[];
  /** The Back-office ticket type tickets are raised with (GET /ticket_types); a placeholder when absent. */
  ticketTypeId?: string;
}

/** Orders a version: "2.15" → 2.15 as [2, 15]; "Preview" sorts after every number. */
export function compareIntercomVersions(a: string, b: string): number {
  const key = (v: string): [number, number] => {
    if (/^preview$/i.test(v)) return [Number.MAX_SAFE_INTEGER, 0];
    const m = /^(\d+)\.(\d+)$/.exec(v);
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  };
  const [a1, a2] = key(a);
  const [b1, b2] = key(b);
  return a1 - b1 || a2 - b2;
}

const atLeast = (version: string, minimum: string) => compareIntercomVersions(version, minimum) >= 0;

const ENT_TEAM = 'Team';
const ENT_TAG = 'Tag';
const CONTACT_PAGE_SIZE = 150;
/** The incremental window: two days, which absorbs the search's day granularity and indexing delay. */
const INCREMENTAL_WINDOW_SECONDS = 2 * 24 * 60 * 60;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface IntercomTemplates {
  /** Attribute name → document. */
  attributes: Record<string, Json>;
  notes: string[];
}

export function intercomTemplates(options: IntercomTemplateOptions): IntercomTemplates {
  const base = INTERCOM_BASE_URLS[options.region];
  const v = options.apiVersion;
  const features = new Set(options.features);
  const notes: string[] = [];
  if (features.has('incrementalImport') && !features.has('import')) features.add('import');
  const headers: Json = { Authorization: '${access_token}', 'Intercom-Version': v, Accept: 'application/json' };
  const call = (name: string, url: string, httpMethod: string, httpParams?: string, extra: Record<string, Json> = {}): Json => ({
    name, connection: 'acctAuth', url, httpMethod,
    ...(httpParams === undefined ? {} : { httpParams }),
    httpHeaders: headers, httpContentType: 'application/json',
    ...extra,
    successResponses: { statusCode: [200] },
  });
  const contactUrl = `${base}/contacts/\${account.accountID}`;
  const attributes: Record<string, Json> = { ConnectionJSON: connectionJson(base, v) };

  if (features.has('import')) attributes.ImportAccountEntJSON = importJson(base, v, headers, features.has('incrementalImport'), notes);
  if (features.has('contactLifecycle')) {
    attributes.CreateAccountJSON = {
      accountIdPath: 'call1.message.id',
      responseColsToPropsMap: {
        name: 'call1.message.email~#~char', displayName: 'call1.message.name~#~char', customproperty1: 'call1.message.type~#~char',
      },
      call: [call('call1', `${base}/contacts`, 'POST',
        JSON.stringify({ role: 'user', email: '${user.email}', external_id: '${user.username}', name: '${user.firstname} ${user.lastname}' }))],
    };
    attributes.UpdateAccountJSON = {
      call: [call('call1', contactUrl, 'PUT', JSON.stringify({ email: '${user.email}', name: '${user.firstname} ${user.lastname}' }))],
    };
    attributes.EnableAccountJSON = { call: [call('call1', `${contactUrl}/unarchive`, 'POST', '{}')] };
    attributes.DisableAccountJSON = { call: [call('call1', `${contactUrl}/archive`, 'POST', '{}')] };
    attributes.RemoveAccountJSON = { call: [call('call1', contactUrl, 'DELETE')] };
  }
  if (features.has('addRemoveAccess')) {
    attributes.AddAccessJSON = {
      call: [call(ENT_TAG, `${contactUrl}/tags`, 'POST', JSON.stringify({ id: '${entitlementValue.entitlementID}' }))],
    };
    attributes.RemoveAccessJSON = {
      call: [call(ENT_TAG, `${contactUrl}/tags/\${entitlementValue.entitlementID}`, 'DELETE')],
    };
    if (!features.has('import')) notes.push(`Add/remove access works on the "${ENT_TAG}" entitlement type; import tags as "${ENT_TAG}" entitlements so EIC knows them.`);
  }
  if (features.has('ticketing')) {
    const ticketTypeId = options.ticketTypeId ?? TICKET_TYPE_PLACEHOLDER;
    if (!options.ticketTypeId) notes.push(`CreateTicketJSON: replace ${TICKET_TYPE_PLACEHOLDER} with the id of a Back-office ticket type (GET ${base}/ticket_types).`);
    attributes.CreateTicketJSON = {
      call: [call('call1', `${base}/tickets`, 'POST', JSON.stringify({
        ticket_type_id: ticketTypeId,
        contacts: [{ email: '${user.email}' }],
        ticket_attributes: {
          _default_title_: 'Access request for ${user.username}',
          _default_description_: 'Saviynt EIC asks for a change for ${user.firstname} ${user.lastname} (${user.email}). Resolve this ticket when it is done.',
        },
      }), { ticketidPath: 'id' })],
    };
    attributes.TicketStatusJSON = {
      call: [call('call1', `${base}/tickets/\${ticketID}`, 'GET', undefined, {
        ticketStatusPath: atLeast(v, '2.12') ? 'ticket_state.category' : 'ticket_state',
        ticketStatusValue: ['resolved'],
        // A ticket deleted in Intercom answers 404 on every poll: end the task as failed.
        unsuccessResponses: { statusCode: [404] },
      })],
    };
    notes.push('TicketStatusJSON: every state of category "resolved" completes the task — a rejection too, if your workspace files rejections under "resolved".');
  }
  return { attributes, notes };
}

function connectionJson(base: string, version: string): Json {
  return {
    authentications: {
      acctAuth: {
        authType: 'oauth2',
        url: `${base}/me`,
        httpMethod: 'GET',
        httpParams: {},
        httpHeaders: { Accept: 'application/json', 'Intercom-Version': version },
        httpContentType: 'application/json',
        authError: ['unauthorized', 'token_unauthorized', 'token_not_found', 'token_revoked'],
        errorPath: 'errors[0].code',
        timeOutError: 'Read timed out',
        maxRefreshTryCount: 5,
        tokenResponsePath: 'access_token',
        tokenType: 'Bearer',
        accessToken: INTERCOM_TOKEN_PLACEHOLDER,
        retryFailureStatusCode: [401],
      },
    },
  };
}

function importJson(base: string, version: string, headers: Json, incremental: boolean, notes: string[]): Json {
  const http = (url: string, httpMethod = 'GET', httpParams?: string): Json => ({
    url, httpMethod, ...httpParams !== undefined ? { httpParams } : {}, httpHeaders: headers, httpContentType: 'application/json',
  });
  const adminColumns: Record<string, Json> = {
    accountID: 'id~#~char', name: 'email~#~char', displayName: 'name~#~char', customproperty1: 'type~#~char',
    customproperty2: 'email~#~char', customproperty3: 'job_title~#~char', customproperty4: 'has_inbox_seat~#~char',
    customproperty5: 'away_mode_enabled~#~char',
  };
  if (atLeast(version, '2.16')) adminColumns.customproperty6 = 'role.name~#~char';
  adminColumns.customproperty31 = 'STORE#ACC#ENT#MAPPINGINFO~#~char';
  const contactColumns: Record<string, Json> = {
    accountID: 'id~#~char', name: '#CONST#${response.email ? response.email : response.id}~#~char', displayName: 'name~#~char',
    customproperty1: 'type~#~char', customproperty2: 'email~#~char', customproperty7: 'role~#~char',
    customproperty8: 'external_id~#~char', customproperty9: 'updated_at~#~char', customproperty31: 'STORE#ACC#ENT#MAPPINGINFO~#~char',
  };
  const contactsUrl = `${base}/contacts?per_page=${CONTACT_PAGE_SIZE}`;
  const nextPage = '${response?.completeResponseMap?.pages?.next?.starting_after == null ? null : '
    + `'${contactsUrl}&starting_after=' + java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after, 'UTF-8')}`;
  const contactsCall: Record<string, Json> = incremental
    ? {
      callOrder: 1, stageNumber: 0,
      http: http(`${base}/contacts/search`, 'POST', JSON.stringify({
        query: { field: 'updated_at', operator: '>', value: `\${System.currentTimeMillis().intdiv(1000) - ${INCREMENTAL_WINDOW_SECONDS}}` },
        pagination: { per_page: CONTACT_PAGE_SIZE },
        // The contact search request has `sort` from 2.16 only.
        ...(atLeast(version, '2.16') ? { sort: { field: 'updated_at', order: 'ascending' } } : {}),
      })),
      listField: 'data', keyField: 'accountID', colsToPropsMap: contactColumns,
    }
    : {
      callOrder: 1, stageNumber: 0, http: http(contactsUrl), listField: 'data', keyField: 'accountID', colsToPropsMap: contactColumns,
      pagination: { nextUrl: { nextUrlPath: nextPage } },
    };
  notes.push(`ImportAccountEntJSON: admins (teammates) and contacts are both imported as accounts; customproperty1 holds "admin" or "contact".`);
  notes.push(`ImportAccountEntJSON: a contact's own tag list shows at most 10 tags, so contacts with more tags get only their first 10 "${ENT_TAG}" links.`);
  if (incremental) {
    notes.push(`ImportAccountEntJSON (incremental): contacts changed in the last 2 days are read with POST /contacts/search. Intercom pages that search with a cursor in the request body, which EIC's import pagination cannot send, so one run reads at most ${CONTACT_PAGE_SIZE} changed contacts: schedule it often and keep a periodic full import. Accounts missing from this feed are not inactivated.`);
  }
  const entType = (order: number, url: string, listField: string): Json => ({
    entTypeOrder: order, entTypeLabels: {},
    call: { call1: { callOrder: 0, stageNumber: 0, http: http(url), listField, keyField: 'entitlementID',
      colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char' } } },
  });
  return {
    accountParams: {
      connection: 'acctAuth',
      processingType: 'SequentialAndIterative',
      statusAndThresholdConfig: {
        deleteLinks: !incremental, accountThresholdValue: 1000, correlateInactiveAccounts: false,
        inactivateAccountsNotInFile: !incremental, deleteAccEntForActiveAccounts: true,
      },
      call: {
        call1: { callOrder: 0, stageNumber: 0, http: http(`${base}/admins`), listField: 'admins', keyField: 'accountID', colsToPropsMap: adminColumns },
        call2: contactsCall,
      },
      acctEntMappings: {
        [ENT_TEAM]: { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' },
        [ENT_TAG]: { listPath: 'tags.data', idPath: 'id', keyField: 'entitlementID' },
      },
    },
    entitlementParams: {
      connection: 'acctAuth',
      processingType: 'SequentialAndIterative',
      entTypes: { [ENT_TEAM]: entType(0, `${base}/teams`, 'teams'), [ENT_TAG]: entType(1, `${base}/tags`, 'data') },
    },
    acctEntParams: { processingType: 'acctToEntMapping' },
  };
}
