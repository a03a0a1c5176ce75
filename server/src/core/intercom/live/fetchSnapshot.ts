/**
 * Reading a workspace snapshot from Intercom: read-only GETs only (/me, /ticket_types, /teams,
 * /tags, /admins, /data_attributes per model), sent one after the other through the runner's
 * sendRequest, so the token goes only where every call may send it (Intercom's API hosts or the
 * allowed hosts), 429s wait for X-RateLimit-Reset, and the caller's signal cancels. Pure: the
 * fetch and the clock are injected through the send options.
 *
 * A read refused for its own reasons (403 missing scope, 400/404 not in this version) only leaves
 * its part of the snapshot out. A rejected token, a rate limit that does not clear, a server error
 * or a network fault stops the whole check with a plain message: no snapshot, so no finding is
 * ever drawn from data that was not read.
 */
import { HttpProblemError, prepareRequest, realClock, sendRequest, type HttpResponse, type SecretToken, type SendOptions } from '../../runner';
import {
  type DataModel, type SnapshotDataAttribute, type UnavailableRead, type WorkspaceSnapshot,
  dataAttributesFrom, namedFrom, ticketTypesFrom, workspaceFromMe,
} from './snapshot';

/** The reads of a snapshot, in order. Every one is a GET. */
export const LIVE_READS = [
  { id: 'me', path: '/me' },
  { id: 'ticketTypes', path: '/ticket_types' },
  { id: 'teams', path: '/teams' },
  { id: 'tags', path: '/tags' },
  { id: 'admins', path: '/admins' },
  { id: 'contactAttributes', path: '/data_attributes?model=contact' },
  { id: 'companyAttributes', path: '/data_attributes?model=company' },
] as const;

export type LiveReadId = typeof LIVE_READS[number]['id'];

export interface LiveFetchOptions {
  /** API base URL, e.g. https://api.intercom.io or the fake's URL (no trailing slash needed). */
  readonly baseUrl: string;
  readonly version: string;
  readonly token: SecretToken;
  /** fetch, allowedHosts, timeoutMs, signal, clock … (never `confirmed`: nothing here changes data). */
  readonly send: Omit<SendOptions, 'confirmed'>;
  /** Called before each read ("Reading /ticket_types …"). */
  readonly onRead?: (path: string) => void;
}

export interface LiveFetchProblem {
  readonly kind: string;
  readonly status?: number;
  /** Plain language, token-free. */
  readonly message: string;
}

export type LiveFetchResult = { readonly ok: true; readonly snapshot: WorkspaceSnapshot } | { readonly ok: false; readonly problem: LiveFetchProblem };

/** Statuses that only leave one read out (the others can still be checked). */
const READ_LEVEL = new Set([400, 403, 404]);

function stop(message: string, kind: string, status?: number): LiveFetchResult {
  return { ok: false, problem: { kind, message: `The live check stopped: ${message} Nothing was checked against the workspace; the other findings are unchanged.`, ...(status ? { status } : {}) } };
}

export async function fetchWorkspaceSnapshot(options: LiveFetchOptions): Promise<LiveFetchResult> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const answers = new Map<LiveReadId, unknown>();
  const unavailable: UnavailableRead[] = [];
  for (const read of LIVE_READS) {
    const request = prepareRequest({
      name: `live ${read.id}`, method: 'GET', url: `${base}${read.path}`,
      headers: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': options.version },
    }, {}, { token: options.token });
    options.onRead?.(read.path);
    let response: HttpResponse;
    try {
      response = await sendRequest(request, { ...options.send, confirmed: false });
    } catch (e) {
      if (!(e instanceof HttpProblemError)) throw e;
      return stop(`${e.problem.message}`, e.problem.kind);
    }
    if (response.ok) { answers.set(read.id, response.json); continue; }
    const message = response.problem?.message ?? `Intercom answered ${response.status} to GET ${read.path}.`;
    if (read.id !== 'me' && READ_LEVEL.has(response.status)) {
      unavailable.push({ read: `GET ${read.path}`, message });
      continue;
    }
    return stop(`GET ${read.path} failed — ${message}`, response.problem?.kind ?? 'http', response.status);
  }
  const attributes = (id: LiveReadId): SnapshotDataAttribute[] | undefined => answers.has(id) ? dataAttributesFrom(answers.get(id)) : undefined;
  const dataAttributes: Partial<Record<DataModel, SnapshotDataAttribute[]>> = {};
  const contact = attributes('contactAttributes');
  const company = attributes('companyAttributes');
  if (contact) dataAttributes.contact = contact;
  if (company) dataAttributes.company = company;
  const snapshot: WorkspaceSnapshot = {
    version: options.version,
    baseUrl: base,
    fetchedAt: (options.send.clock ?? realClock).now(),
    workspace: workspaceFromMe(answers.get('me')),
    ...(answers.has('ticketTypes') ? { ticketTypes: ticketTypesFrom(answers.get('ticketTypes')) } : {}),
    ...(answers.has('teams') ? { teams: namedFrom(answers.get('teams'), 'teams', 'data') } : {}),
    ...(answers.has('tags') ? { tags: namedFrom(answers.get('tags'), 'data', 'tags') } : {}),
    ...(answers.has('admins') ? { admins: namedFrom(answers.get('admins'), 'admins', 'data') } : {}),
    ...(contact || company ? { dataAttributes } : {}),
    unavailable,
  };
  return { ok: true, snapshot };
}
