/**
 * The ticket flow EIC runs for ticketing connections: CreateTicketJSON's calls (the caller
 * confirms first: they create a ticket), the ticket id read with `ticketidPath`, then
 * TicketStatusJSON polled the way the WSRETRY job does until the value at `ticketStatusPath`
 * is one of `ticketStatusValue`, the ticket disappears (404: a terminal failure), a limit is
 * reached, or the user stops.
 */
import { LENIENT_JSON, parseJsonValue, type JsonSyntaxError } from '../json/jsonText';
import { realClock } from './clock';
import { formatPath, lookupPath, notFoundNote, resolveBodyPath } from './paths';
import { HttpProblemError, type HttpProblem } from './problems';
import { prepareRequest, type CallTemplate, type PreparedRequest } from './request';
import type { SecretToken } from './secret';
import { sendRequest, type HttpResponse, type SendOptions } from './send';

export interface TicketCallSpec {
  template: CallTemplate;
  raw: Record<string, unknown>;
}

/** The `call` array of a call-list attribute (CreateTicketJSON, TicketStatusJSON …). */
export function readCallList(source: string | object): { calls: TicketCallSpec[]; root: Record<string, unknown> } {
  let root: unknown = source;
  if (typeof source === 'string') {
    const errors: JsonSyntaxError[] = [];
    root = parseJsonValue(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source, LENIENT_JSON, errors);
    if (errors.length) throw new Error('The attribute is not valid JSON; fix the syntax errors first.');
  }
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new Error('The attribute must be a JSON object with a "call" array.');
  const r = root as Record<string, unknown>;
  const list = Array.isArray(r.call) ? r.call : [];
  const calls = list.filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && !Array.isArray(c)).map((c, i) => {
    const headers: Record<string, string> = {};
    const h = c.httpHeaders;
    if (h && typeof h === 'object' && !Array.isArray(h)) for (const [k, v] of Object.entries(h)) headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
    const params = c.httpParams;
    return {
      raw: c,
      template: {
        name: typeof c.name === 'string' ? c.name : `call${i + 1}`,
        method: typeof c.httpMethod === 'string' ? c.httpMethod : 'GET',
        url: typeof c.url === 'string' ? c.url : '',
        headers,
        body: params === undefined ? undefined : typeof params === 'string' ? params : JSON.stringify(params),
        contentType: typeof c.httpContentType === 'string' ? c.httpContentType : undefined,
      },
    };
  });
  return { calls, root: r };
}

export interface TicketFlowOptions {
  token?: SecretToken;
  baseUrl?: string;
  /** fetch, timeoutMs, allowedHosts, clock, confirmed … */
  send?: SendOptions;
  signal?: AbortSignal;
}

export interface TicketCallResult {
  name: string;
  request: PreparedRequest;
  response?: HttpResponse;
  problem?: HttpProblem;
}

export interface CreateTicketResult {
  ok: boolean;
  ticketID?: string;
  calls: TicketCallResult[];
  message: string;
  notes: string[];
}

function successful(raw: Record<string, unknown>, status: number): boolean {
  const success = raw.successResponses;
  const codes = Array.isArray(success) ? (success[0] as Record<string, unknown> | undefined)?.statusCode : (success as Record<string, unknown> | undefined)?.statusCode;
  if (Array.isArray(codes) && codes.length) return codes.map(Number).includes(status);
  return status >= 200 && status < 300;
}

/** Sends CreateTicketJSON's calls in order (the caller must pass send.confirmed after asking) and reads the ticket id. */
export async function createTicket(createTicketDoc: string | object, variables: Record<string, unknown>, options: TicketFlowOptions = {}): Promise<CreateTicketResult> {
  const { calls, root } = readCallList(createTicketDoc);
  const result: CreateTicketResult = { ok: false, calls: [], message: '', notes: [] };
  if (!calls.length) { result.message = 'CreateTicketJSON has no calls.'; return result; }
  const responses: Record<string, unknown> = {};
  for (const call of calls) {
    const vars = { ...variables, response: { ...(variables.response as object ?? {}), ...responses } };
    const request = prepareRequest(call.template, vars, { token: options.token, baseUrl: options.baseUrl, clock: options.send?.clock });
    const entry: TicketCallResult = { name: call.template.name ?? '', request };
    result.calls.push(entry);
    try {
      entry.response = await sendRequest(request, { ...options.send, signal: options.signal });
    } catch (e) {
      if (!(e instanceof HttpProblemError)) throw e;
      entry.problem = e.problem;
      result.message = e.problem.message;
      return result;
    }
    const response = entry.response;
    responses[entry.name] = { message: response.json, statusCode: response.status, headers: response.headers };
    if (response.problem || !successful(call.raw, response.status)) {
      entry.problem = response.problem;
      result.message = response.problem?.message ?? `${entry.name} answered ${response.status}, which successResponses does not list.`;
      return result;
    }
    if (typeof call.raw.ticketidPath === 'string') {
      const id = readTicketId(response.json, call.raw.ticketidPath, {}, result.notes);
      if (id !== undefined) result.ticketID = id;
    }
  }
  if (typeof root.ticketidPath === 'string') {
    const bodies: Record<string, unknown> = {};
    for (const [name, r] of Object.entries(responses)) bodies[name] = (r as { message: unknown }).message;
    const id = readTicketId(result.calls[result.calls.length - 1].response?.json, root.ticketidPath, bodies, result.notes);
    if (id !== undefined) result.ticketID = id;
  }
  result.ok = result.ticketID !== undefined;
  result.message = result.ok ? `Ticket created; ticketID = ${result.ticketID}.` : 'The calls succeeded, but no ticket id was found with ticketidPath.';
  return result;
}

function readTicketId(json: unknown, path: string, responses: Record<string, unknown>, notes: string[]): string | undefined {
  const r = resolveBodyPath(json, path, { responses });
  if (!r.found) { notes.push(`ticketidPath "${path}": ${notFoundNote(r)}`); return undefined; }
  if (r.value === null || typeof r.value === 'object') { notes.push(`ticketidPath "${path}" selects ${r.value === null ? 'null' : 'an object'}, not an id.`); return undefined; }
  if (/(^|\.)ticket_id$/.test(path.trim())) notes.push('ticketidPath reads "ticket_id", the Inbox number; Intercom paths need the internal "id" (GET /tickets/<ticket_id> answers 404).');
  return String(r.value);
}

export type PollOutcome = 'done' | 'discontinued' | 'failed' | 'never-matches' | 'max-polls' | 'stopped' | 'error';

export interface PollEvent { poll: number; status?: number; value?: unknown; matched: boolean; timeMs?: number; message?: string }

export interface PollOptions extends TicketFlowOptions {
  /** Time between polls (default 5000 ms). */
  intervalMs?: number;
  /** Give up after this many polls (default 20). */
  maxPolls?: number;
  onPoll?(event: PollEvent): void;
  /** Other bindings the status call needs. */
  variables?: Record<string, unknown>;
}

export interface PollResult {
  outcome: PollOutcome;
  polls: number;
  /** The last value found at ticketStatusPath. */
  value?: unknown;
  message: string;
  notes: string[];
  lastResponse?: HttpResponse;
  problem?: HttpProblem;
}

/** Polls TicketStatusJSON for a ticket until it is done, gone, or the user stops. */
export async function pollTicketStatus(ticketStatusDoc: string | object, ticketID: string, options: PollOptions = {}): Promise<PollResult> {
  const { calls } = readCallList(ticketStatusDoc);
  const call = calls.find(c => typeof c.raw.ticketStatusPath === 'string') ?? calls[0];
  const notes: string[] = [];
  if (!call) return { outcome: 'error', polls: 0, message: 'TicketStatusJSON has no calls.', notes };
  const statusPath = typeof call.raw.ticketStatusPath === 'string' ? call.raw.ticketStatusPath : '';
  const doneValues = (Array.isArray(call.raw.ticketStatusValue) ? call.raw.ticketStatusValue : []).map(String);
  const stopValues = (Array.isArray(call.raw.disContinueStatusValue) ? call.raw.disContinueStatusValue : []).map(String);
  if (!statusPath) return { outcome: 'error', polls: 0, message: 'The status call has no ticketStatusPath.', notes };
  const clock = options.send?.clock ?? realClock;
  const interval = options.intervalMs ?? 5000;
  const maxPolls = options.maxPolls ?? 20;
  let last: HttpResponse | undefined;
  let value: unknown;
  for (let poll = 1; poll <= maxPolls; poll++) {
    if (options.signal?.aborted) return { outcome: 'stopped', polls: poll - 1, value, message: 'Stopped by the user.', notes, lastResponse: last };
    const request = prepareRequest(call.template, { ...options.variables, ticketID }, { token: options.token, baseUrl: options.baseUrl, clock: options.send?.clock });
    try {
      last = await sendRequest(request, { ...options.send, signal: options.signal });
    } catch (e) {
      if (!(e instanceof HttpProblemError)) throw e;
      const outcome: PollOutcome = e.problem.kind === 'cancelled' ? 'stopped' : 'error';
      options.onPoll?.({ poll, matched: false, message: e.problem.message });
      return { outcome, polls: poll, value, message: outcome === 'stopped' ? 'Stopped by the user.' : e.problem.message, notes, problem: e.problem };
    }
    if (last.status === 404) {
      const message = `Ticket ${ticketID} no longer exists in Intercom (404${last.problem?.code ? ` ${last.problem.code}` : ''}): it was deleted, or the id is the Inbox number. EIC's WSRETRY would keep polling; treat the task as failed.`;
      options.onPoll?.({ poll, status: 404, matched: false, timeMs: last.timeMs, message });
      return { outcome: 'failed', polls: poll, value, message, notes, lastResponse: last, problem: last.problem };
    }
    if (!last.ok) {
      options.onPoll?.({ poll, status: last.status, matched: false, timeMs: last.timeMs, message: last.problem?.message });
      return { outcome: 'error', polls: poll, value, message: last.problem?.message ?? `HTTP ${last.status}`, notes, lastResponse: last, problem: last.problem };
    }
    const found = resolveBodyPath(last.json, statusPath);
    if (!found.found) {
      const parent = lookupPath(last.json, found.matched).value;
      const message = typeof parent === 'string'
        ? `ticketStatusPath "${statusPath}": ${formatPath(found.matched)} is the string "${parent}" here, not an object (Intercom 2.9–2.11, or no Intercom-Version header and the app is on 2.11). Use "${formatPath(found.matched)}" there, and pin Intercom-Version in both ticket JSONs.`
        : `ticketStatusPath "${statusPath}": ${notFoundNote(found)} The status can never match.`;
      options.onPoll?.({ poll, status: last.status, matched: false, timeMs: last.timeMs, message });
      return { outcome: 'never-matches', polls: poll, value, message, notes, lastResponse: last };
    }
    value = found.value;
    if (value !== null && typeof value === 'object') {
      const message = 'ticketStatusPath points at an object: use ticket_state.category for Intercom 2.12+. An object never equals a ticketStatusValue, so EIC would poll forever.';
      options.onPoll?.({ poll, status: last.status, value, matched: false, timeMs: last.timeMs, message });
      return { outcome: 'never-matches', polls: poll, value, message, notes, lastResponse: last };
    }
    const text = value === null ? 'null' : String(value);
    const matched = doneValues.includes(text);
    options.onPoll?.({ poll, status: last.status, value, matched, timeMs: last.timeMs });
    if (matched) {
      const state = (last.json as { ticket_state?: unknown } | undefined)?.ticket_state;
      if (state && typeof state === 'object' && typeof (state as Record<string, unknown>).internal_label === 'string') {
        notes.push(`The ticket is in state "${(state as Record<string, unknown>).internal_label}" (category ${text}). Custom states such as "Rejected" share the category, so the category alone cannot tell granted from rejected; read internal_label or a ticket attribute for the outcome.`);
      }
      return { outcome: 'done', polls: poll, value, message: `Ticket ${ticketID} reached "${text}" after ${poll} poll${poll === 1 ? '' : 's'}.`, notes, lastResponse: last };
    }
    if (stopValues.includes(text)) {
      return { outcome: 'discontinued', polls: poll, value, message: `Ticket ${ticketID} reached "${text}", listed in disContinueStatusValue.`, notes, lastResponse: last };
    }
    if (poll < maxPolls) {
      try { await clock.sleep(interval, options.signal); } catch {
        return { outcome: 'stopped', polls: poll, value, message: 'Stopped by the user.', notes, lastResponse: last };
      }
    }
  }
  return { outcome: 'max-polls', polls: maxPolls, value, message: `Ticket ${ticketID} was still "${String(value)}" after ${maxPolls} polls (not one of ${doneValues.join(', ') || 'no values'}).`, notes, lastResponse: last };
}
