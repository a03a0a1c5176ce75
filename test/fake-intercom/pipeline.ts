// The request pipeline of spec §2, in order: faults, host → region, route match, Accept,
// authentication, version, rate limit, scope and plan, body parsing, version availability, handler.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate } from './auth.js';
import type { HandlerContext, HandlerResult, RouteDef } from './context.js';
import { ApiError, errorBody, MSG, versionUnavailable } from './errors.js';
import { FaultEngine, htmlFor, TERMINAL_FAULTS } from './faults.js';
import { acceptsJson, hostInfo, JSON_TYPE, NO_MODS, writeResponse, type OutputMods } from './http-util.js';
import type { RequestLog } from './request-log.js';
import { matchRoute } from './routes.js';
import type { FakeStore } from './store.js';
import { settleWorkspace } from './ticket-lifecycle.js';
import type { FaultAction, RegionKey } from './types.js';
import { atLeast, parseVersion, type ApiVersion } from './versions.js';

export interface PipelineDeps {
  store: FakeStore;
  routes: RouteDef[];
  faults: FaultEngine;
  log: RequestLog;
}

interface Outcome {
  status: number;
  headers: Record<string, string>;
  body: string;
  code: string | null;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Splits an optional /__region/{us|eu|au} prefix off the path. */
export function splitRegion(pathname: string): { region: RegionKey | null; prefix: string; apiPath: string } {
  const m = /^\/__region\/(us|eu|au)(\/.*)?$/.exec(pathname);
  if (!m) return { region: null, prefix: '', apiPath: pathname };
  return { region: m[1] as RegionKey, prefix: `/__region/${m[1]}`, apiPath: m[2] ?? '/' };
}

function parseJsonBody(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (!type.includes('application/json') && !/\+json\b/.test(type)) {
    throw new ApiError(400, 'parameter_invalid', 'The request body must be JSON, sent with Content-Type: application/json');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new ApiError(400, 'parameter_invalid', `There was a problem in the JSON you submitted: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ApiError(400, 'parameter_invalid', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Runs steps 2–11 and returns what to send. Errors become error.list bodies with the headers gathered so far. */
async function runPipeline(deps: PipelineDeps, req: IncomingMessage, raw: Buffer, url: URL, requestId: string): Promise<Outcome> {
  const { store } = deps;
  const headers: Record<string, string> = { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId };
  const method = (req.method ?? 'GET').toUpperCase();
  const split = splitRegion(url.pathname);
  let rateKeys: { app: string; ws: string } | null = null;
  let counted = false;
  try {
    // 2. Host → region
    const host = hostInfo(req.headers.host, store.options.allowUnknownHosts);
    const region = split.region ?? host.region;
    if (region === null) throw new ApiError(421, 'misdirected_request', `Unknown host ${req.headers.host ?? ''}`);
    const base = `${host.origin}${split.prefix}`;
    // 3. Route
    const match = matchRoute(deps.routes, method, split.apiPath);
    if (!match) throw new ApiError(404, 'not_found', MSG.notFound);
    // 4. Accept
    if (store.options.strictAccept && !acceptsJson(req.headers.accept)) {
      throw new ApiError(406, 'media_type_not_acceptable', 'The Accept header should send a media type of application/json');
    }
    // 5. Authentication
    const auth = authenticate(req.headers.authorization, region, {
      token: (v) => store.tokens.get(v),
      app: (id) => store.apps.get(id),
      workspace: (id) => store.workspaces.get(id),
    }, store.options.unknownTokenCode);
    rateKeys = { app: auth.app.id, ws: auth.workspace.idCode };
    if (auth.proxied && store.options.proxyLatencyMs > 0) await sleep(store.options.proxyLatencyMs);
    const now = store.clock.now();
    settleWorkspace(auth.workspace, now);
    // 6. Version
    const rawVersion = req.headers['intercom-version'];
    let version: ApiVersion | null;
    if (rawVersion === undefined) {
      version = parseVersion(auth.app.apiVersion, store.options) ?? { value: '2.11', rank: 211 };
    } else {
      version = parseVersion(Array.isArray(rawVersion) ? rawVersion.join(', ') : rawVersion, store.options);
      if (!version) throw new ApiError(400, 'intercom_version_invalid', `The requested version ${JSON.stringify(rawVersion)} is not valid`);
    }
    headers['X-Intercom-Version'] = version.value;
    // 7. Rate limit (refused requests count too)
    const decision = store.rateLimiter.take(auth.app.id, auth.workspace.idCode, now);
    counted = true;
    Object.assign(headers, decision.headers);
    if (!decision.allowed) throw new ApiError(429, 'rate_limit_exceeded', 'Too many requests');
    // 8. Scope, then plan
    const { route } = match;
    if (route.scope && !auth.app.scopes.has(route.scope)) {
      throw new ApiError(403, 'forbidden', `You do not have the required scope (${route.scope}) to access this resource`);
    }
    if (route.feature && auth.workspace.planRestricted.has(route.feature)) {
      throw new ApiError(403, 'api_plan_restricted', MSG.planRestricted);
    }
    // 9. Body
    const body = method === 'GET' ? {} : parseJsonBody(req, raw);
    // 10. Availability in the resolved version
    if (route.since && !atLeast(version, route.since)) throw versionUnavailable();
    // 11. Handler
    const ctx: HandlerContext = {
      store,
      ws: auth.workspace,
      app: auth.app,
      options: store.options,
      version,
      base,
      method,
      path: split.apiPath,
      params: match.params,
      query: url.searchParams,
      body,
      now,
    };
    const result: HandlerResult = route.handler(ctx);
    Object.assign(headers, result.headers ?? {});
    const text = result.empty ? '' : JSON.stringify(result.body ?? {});
    return { status: result.status ?? 200, headers, body: text, code: null };
  } catch (err) {
    const apiError =
      err instanceof ApiError ? err : new ApiError(500, 'server_error', `Fake Intercom failed: ${(err as Error).message}`);
    if (rateKeys && !counted) Object.assign(headers, store.rateLimiter.peek(rateKeys.app, rateKeys.ws, store.clock.now()));
    Object.assign(headers, apiError.headers);
    return {
      status: apiError.status,
      headers,
      body: JSON.stringify(errorBody(requestId, apiError.code, apiError.message)),
      code: apiError.code,
    };
  }
}

/** Handles one API request end to end, including fault injection and the request log. */
export async function handleApiRequest(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  raw: Buffer,
  url: URL,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const split = splitRegion(url.pathname);
  const requestId = randomUUID();
  // 1. Faults
  const fired = deps.faults.evaluate(method, split.apiPath);
  const mods: OutputMods = { ...NO_MODS };
  let delayMs = 0;
  let delayAfterMs = 0;
  let terminal: FaultAction | undefined;
  for (const f of fired) {
    if (f.type === 'delay') {
      if (f.trickle) mods.trickleMs += f.ms;
      else if (f.phase === 'after') delayAfterMs += f.ms;
      else delayMs += f.ms;
    } else if (f.type === 'omit_rate_headers') mods.omitRateHeaders = true;
    else if (f.type === 'omit_request_id') mods.omitRequestId = true;
    else if (f.type === 'wrong_content_type') mods.contentType = f.content_type ?? 'text/plain; charset=utf-8';
    else if (f.type === 'truncate_body') mods.truncateAt = f.bytes ?? 20;
    else if (f.type === 'close_after_headers') mods.truncateAt = 0;
    else if (TERMINAL_FAULTS.includes(f.type) && !terminal) terminal = f;
  }
  const faultName = fired.length ? fired.map((f) => f.type).join(',') : null;
  const entry = deps.log.record(req, url, split, raw, deps.store.clock.now(), faultName);
  if (delayMs > 0) await sleep(delayMs);
  if (terminal) {
    entry.requestId = requestId;
    if (terminal.type === 'hang') return; // never answer; the server's close() destroys the socket
    if (terminal.type === 'reset_connection') {
      req.socket.destroy();
      return;
    }
    if (terminal.type === 'html') {
      const page = htmlFor(terminal);
      entry.status = page.status;
      await writeResponse(res, page.status, { 'Content-Type': 'text/html; charset=utf-8' }, page.body, mods);
      return;
    }
    if (terminal.type === 'empty_body') {
      entry.status = terminal.status ?? 200;
      await writeResponse(res, entry.status, { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId }, '', mods);
      return;
    }
    if (terminal.type === 'json_error') {
      entry.status = terminal.status;
      entry.code = terminal.code;
      const rid = mods.omitRequestId ? null : requestId;
      const body = JSON.stringify(errorBody(rid, terminal.code, terminal.message ?? terminal.code));
      await writeResponse(res, terminal.status, { 'Content-Type': JSON_TYPE, 'X-Request-Id': requestId }, body, mods);
      return;
    }
  }
  const outcome = await runPipeline(deps, req, raw, url, requestId);
  if (delayAfterMs > 0) await sleep(delayAfterMs);
  let body = outcome.body;
  if (mods.omitRequestId && outcome.code !== null) {
    body = JSON.stringify({ ...JSON.parse(body), request_id: null });
  }
  entry.status = outcome.status;
  entry.code = outcome.code;
  entry.requestId = mods.omitRequestId ? null : requestId;
  await writeResponse(res, outcome.status, outcome.headers, body, mods);
}
