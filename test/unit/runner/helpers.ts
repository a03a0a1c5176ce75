// Shared helpers for the runner tests: the fake Intercom, a clock that follows the fake's
// manual clock (sleeps advance it instead of waiting), and the connection JSONs under test.
import { startFakeIntercom, type FakeIntercom, type FakeOptions } from '../../fake-intercom/server';
import { cancelledError, realClock, type EngineClock } from '../../../server/src/core/runner/clock';
import { SecretToken, type ImportOptions, type SendOptions } from '../../../server/src/core/runner';

export { startFakeIntercom, type FakeIntercom };

export async function fake(options: FakeOptions = {}): Promise<FakeIntercom> {
  return startFakeIntercom({ clock: 'manual', ...options });
}

export interface RecordingClock extends EngineClock {
  sleeps: number[];
  timers: number[];
}

/** An engine clock on the fake's manual clock: sleeping advances the fake's time at once. */
export function followClock(f: FakeIntercom): RecordingClock {
  const sleeps: number[] = [];
  const timers: number[] = [];
  return {
    sleeps,
    timers,
    now: () => f.state.clock.nowMs(),
    async sleep(ms, signal) {
      if (signal?.aborted) throw cancelledError();
      sleeps.push(ms);
      f.advanceClock(ms / 1000);
    },
    timer(fn, ms) {
      timers.push(ms);
      return realClock.timer(fn, ms);
    },
  };
}

export function hostOf(f: FakeIntercom): string {
  return new URL(f.url).host;
}

/** Send options for the fake: the token may go only to it, sleeps run on its clock, retries never jitter. */
export function sendOptionsFor(f: FakeIntercom, extra: Partial<SendOptions> = {}): SendOptions {
  return { allowedHosts: [hostOf(f)], clock: followClock(f), random: () => 0, ...extra };
}

/** Options of an import preview against the fake, with the valid US token. */
export function importOptionsFor(f: FakeIntercom, extra: Partial<ImportOptions> = {}): ImportOptions {
  return { token: new SecretToken('tok_valid_us'), baseUrl: f.url, send: sendOptionsFor(f), ...extra };
}

/** The accountParams of an import with one account call (call1, first in order and stage): `call` on top. */
export function oneCallAccountParams(call: Record<string, unknown>): Record<string, unknown> {
  return {
    connection: 'acctAuth', processingType: 'SequentialAndIterative',
    call: { call1: { callOrder: 0, stageNumber: 0, ...call } },
  };
}

export const HEADERS_215 = { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': '2.15' };

export function headers(version = '2.15'): Record<string, string> {
  return { ...HEADERS_215, 'Intercom-Version': version };
}

/** Admins as accounts, teams as entitlements, memberships from the admins' team_ids. */
export function adminsTeamsImport(version = '2.15'): object {
  const http = (url: string) => ({ url, httpMethod: 'GET', httpHeaders: headers(version), httpContentType: 'application/json' });
  return {
    accountParams: {
      ...oneCallAccountParams({
        http: http('https://api.intercom.io/admins'),
        listField: 'admins', keyField: 'accountID',
        colsToPropsMap: {
          accountID: 'id~#~char', name: 'email~#~char', displayName: 'name~#~char',
          customproperty1: 'has_inbox_seat~#~bool', customproperty2: '#CONST#${response.email.toLowerCase()}~#~char',
          customproperty3: 'team_ids~#~char', customproperty31: 'STORE#ACC#ENT#MAPPINGINFO~#~char',
        },
      }),
      acctEntMappings: { Team: { listPath: 'team_ids', idPath: '', keyField: 'entitlementID' } },
    },
    entitlementParams: {
      connection: 'acctAuth', processingType: 'SequentialAndIterative',
      entTypes: {
        Team: {
          entTypeOrder: 0,
          call: {
            call1: {
              callOrder: 0, stageNumber: 0, http: http('https://api.intercom.io/teams'),
              listField: 'teams', keyField: 'entitlementID',
              colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char', customproperty1: 'admin_ids~#~char' },
            },
          },
        },
      },
    },
    acctEntParams: { processingType: 'acctToEntMapping' },
  };
}

export const CONTACTS_NEXT_URL =
  "${response?.completeResponseMap?.pages?.next?.starting_after==null?null:'https://api.intercom.io/contacts?per_page=PER_PAGE&starting_after='+java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after,'UTF-8')}";

/** Contacts as accounts with cursor pagination (nextUrl). */
export function contactsImport(perPage: number): object {
  return {
    accountParams: oneCallAccountParams({
      http: { url: `https://api.intercom.io/contacts?per_page=${perPage}`, httpMethod: 'GET', httpHeaders: headers(), httpContentType: 'application/json' },
      listField: 'data', keyField: 'accountID',
      colsToPropsMap: { accountID: 'id~#~char', name: 'email~#~char', displayName: 'name~#~char', customproperty1: 'role~#~char' },
      pagination: { nextUrl: { nextUrlPath: CONTACTS_NEXT_URL.replace('PER_PAGE', String(perPage)) } },
    }),
  };
}

/** Contact search with the cursor wrongly put in the query string (the real API re-serves page 1). */
export function searchLoopImport(): object {
  return {
    accountParams: oneCallAccountParams({
      http: {
        url: 'https://api.intercom.io/contacts/search', httpMethod: 'POST', httpHeaders: headers(), httpContentType: 'application/json',
        httpParams: '{"query":{"field":"role","operator":"=","value":"user"},"pagination":{"per_page":50}}',
      },
      listField: 'data', keyField: 'accountID',
      colsToPropsMap: { accountID: 'id~#~char', name: 'email~#~char' },
      pagination: { nextUrl: { nextUrlPath: "${response?.completeResponseMap?.pages?.next?.starting_after==null?null:'https://api.intercom.io/contacts/search?starting_after='+java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after,'UTF-8')}" } },
    }),
  };
}

export function createTicketJson(version: string): object {
  return {
    call: [{
      name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/tickets', httpMethod: 'POST',
      httpParams: '{"ticket_type_id":"41","contacts":[{"email":"${user.email}"}],"ticket_attributes":{"_default_title_":"Access request for ${user.email}","_default_description_":"Requested through EIC"}}',
      httpHeaders: headers(version), httpContentType: 'application/json', ticketidPath: 'id',
      successResponses: { statusCode: [200] },
    }],
  };
}

export function ticketStatusJson(version: string | undefined, statusPath: string): object {
  const h = version ? headers(version) : { Authorization: '${access_token}', Accept: 'application/json' };
  return {
    call: [{
      name: 'call1', connection: 'acctAuth', url: 'https://api.intercom.io/tickets/${ticketID}', httpMethod: 'GET',
      httpHeaders: h, httpContentType: 'application/json',
      ticketStatusPath: statusPath, ticketStatusValue: ['resolved'], successResponses: { statusCode: [200] },
    }],
  };
}

/** The fake's request log entries for a path (method optional). */
export function logged(f: FakeIntercom, pathRe: RegExp, method?: string) {
  return f.requests.filter(r => pathRe.test(r.path) && (!method || r.method === method));
}
