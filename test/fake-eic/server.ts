// Entry point of the fake EIC: startFakeEic() starts a loopback HTTP server serving the subset of
// EIC's REST API under /ECM that deploy, pull, diff, transport and jobs need, and returns a handle
// with its URL, the request log and the knobs (../shared/reference/eic-api.md §6).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authorize, json, login, refresh, tokenExchange, type FakeAnswer, type FakeRequest } from './auth.js';
import { parseBody, readBody } from './body.js';
import { applyConfig, type FakeEicConfig, type FaultRule } from './config.js';
import { deleteConnection, getConnectionDetails, getConnections, testConnection } from './connections.js';
import { checkImportStatus, checkJobStatus, fetchJobMetadata, runJobTrigger } from './jobs.js';
import { createClock, DEFAULT_USER, FakeEicStore, type FakeUser, type LoggedRequest } from './store.js';
import { advanceTransport, exportTransportPackage, importTransportPackage, transportPackageStatus, uploadSchemaFile } from './transport.js';

export { DEFAULT_USER } from './store.js';
export type { FakeEicConfig, FaultRule } from './config.js';
export type { StoredConnection, LoggedRequest } from './store.js';

type V5Handler = (store: FakeEicStore, req: FakeRequest, user: string) => FakeAnswer;

const V5_ROUTES: Record<string, { method: string; handler: V5Handler }> = {
  testConnection: { method: 'POST', handler: testConnection },
  getConnections: { method: 'POST', handler: getConnections },
  getConnectionDetails: { method: 'POST', handler: getConnectionDetails },
  deleteConnection: { method: 'DELETE', handler: deleteConnection },
  exportTransportPackage: { method: 'POST', handler: exportTransportPackage },
  importTransportPackage: { method: 'POST', handler: importTransportPackage },
  transportPackageStatus: { method: 'GET', handler: transportPackageStatus },
  uploadSchemaFile: { method: 'POST', handler: uploadSchemaFile },
  runJobTrigger: { method: 'POST', handler: runJobTrigger },
  checkJobStatus: { method: 'POST', handler: checkJobStatus },
  fetchJobMetadata: { method: 'POST', handler: fetchJobMetadata },
  checkImportStatus: { method: 'POST', handler: s => checkImportStatus(s) },
};

export interface FakeEicOptions extends Partial<FakeEicConfig> {
  port?: number;
  host?: string;
  /** "manual": time moves only with advanceClock() (token expiry, jobs, transport). Default "real". */
  clock?: 'real' | 'manual';
  users?: FakeUser[];
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

export class FakeEic {
  constructor(readonly url: string, readonly port: number, readonly store: FakeEicStore, private readonly server: Server, private readonly sockets: Set<Socket>) {}

  get config(): FakeEicConfig { return this.store.config; }
  get requests(): LoggedRequest[] { return this.store.requests; }
  /** Requests to the API (the control endpoints left out). */
  get apiRequests(): LoggedRequest[] { return this.store.requests.filter(r => r.path.startsWith('/ECM')); }

  configure(patch: Partial<FakeEicConfig> & { expireNow?: boolean; expireRefreshNow?: boolean }): void {
    const problems = applyConfig(this.store.config, patch as Record<string, unknown>);
    if (problems.length) throw new Error(`fake EIC config: ${problems.join('; ')}`);
    if (patch.expireNow) this.store.expireAccessTokens();
    if (patch.expireRefreshNow) this.store.expireRefreshTokens();
  }
  addUser(user: FakeUser): void { this.store.users.set(user.username, { ...user }); }
  addFaults(...rules: FaultRule[]): void { this.store.faults.push(...rules.map(r => ({ ...r, seen: 0, hits: 0 }))); }
  clearFaults(): void { this.store.faults = []; }
  clearRequests(): void { this.store.requests = []; }
  advanceClock(seconds: number): void { this.store.clock.advance(seconds); }
  now(): number { return this.store.clock.nowMs(); }
  reset(): void { this.store.reset(); }
  connection(name: string) { return this.store.findConnection(name); }

  close(): Promise<void> {
    return new Promise(resolve => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }
}

function send(res: ServerResponse, answer: FakeAnswer, log?: LoggedRequest): void {
  if (log) log.status = answer.status;
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.html !== undefined) {
    res.writeHead(answer.status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(answer.html);
    return;
  }
  res.writeHead(answer.status, { 'Content-Type': 'application/json', ...headers }).end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

/** The first fault rule that hits this path, counted. */
function matchFault(store: FakeEicStore, path: string): FaultRule | undefined {
  for (const rule of store.faults) {
    if (rule.path && !new RegExp(rule.path).test(path)) continue;
    rule.seen++;
    if (rule.seen <= (rule.after ?? 0)) continue;
    if (rule.hits >= (rule.times ?? 1)) continue;
    rule.hits++;
    return rule;
  }
  return undefined;
}

function control(fake: FakeEic, method: string, path: string, body: Record<string, unknown>): FakeAnswer {
  const store = fake.store;
  try {
    switch (`${method} ${path}`) {
      case 'GET /__fake/config': return json(200, store.config);
      case 'POST /__fake/config': fake.configure(body as Partial<FakeEicConfig>); return json(200, store.config);
      case 'POST /__fake/reset': fake.reset(); return json(200, { ok: true });
      case 'POST /__fake/clock': fake.advanceClock(Number(body.advance_seconds ?? 0)); return json(200, { now: fake.now() });
      case 'POST /__fake/users': fake.addUser(body as unknown as FakeUser); return json(200, { ok: true });
      case 'POST /__fake/faults': fake.addFaults(...((body.rules ?? [body]) as FaultRule[])); return json(200, { ok: true });
      case 'DELETE /__fake/faults': fake.clearFaults(); return json(200, { ok: true });
      case 'GET /__fake/requests': return json(200, store.requests.map(r => ({ ...r, body: undefined })));
      case 'DELETE /__fake/requests': fake.clearRequests(); return json(200, { ok: true });
      case 'GET /__fake/connections': return json(200, [...store.connections.values()].map(c => ({ key: c.key, name: c.name, saves: c.saves, fields: Object.fromEntries(c.fields), hasConnectionJson: !!c.connectionJson })));
      case 'POST /__fake/files': store.files.set(String(body.path), Buffer.from(String(body.base64 ?? ''), 'base64')); return json(200, { ok: true });
      case 'GET /__fake/files': return json(200, [...store.files.keys()]);
      default: return json(404, { ok: false, error: `no control endpoint ${method} ${path}` });
    }
  } catch (e) {
    return json(400, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

async function handle(fake: FakeEic, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const store = fake.store;
  const raw = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://fake.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const body = parseBody(req.headers['content-type'], raw, url.searchParams);
  if (url.pathname.startsWith('/__fake')) {
    if (!isLoopback(req.socket.remoteAddress)) { send(res, json(404, {})); return; }
    send(res, control(fake, method, url.pathname.replace(/\/+$/, ''), body.fields));
    return;
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = k === 'authorization' ? `${String(v).slice(0, 7)}…${String(v).slice(-4)}` : String(v);
  const log: LoggedRequest = { method, path: url.pathname, contentType: req.headers['content-type'] ?? '', bodyKind: body.kind, fields: Object.keys(body.fields), headers, body: raw.toString('utf8') };
  store.requests.push(log);
  advanceTransport(store);
  const fakeReq: FakeRequest = { method, path: url.pathname, headers: req.headers, body };

  if (store.config.latencyMs > 0) await sleep(store.config.latencyMs);
  const fault = matchFault(store, url.pathname);
  if (fault) {
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.hang) return; // never answers; close() cuts it
    if (fault.reset) { req.socket.destroy(); return; }
    if (fault.status !== undefined) {
      const extra = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : undefined;
      send(res, fault.html !== undefined ? { status: fault.status, html: fault.html, headers: extra } : json(fault.status, fault.body ?? { errorCode: '1', msg: `fault ${fault.status}` }, extra), log);
      return;
    }
  }
  if (body.malformed) { send(res, json(400, { errorCode: '1', msg: `Bad request: ${body.malformed}` }), log); return; }

  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/ECM/api/login' && method === 'POST') { send(res, login(store, fakeReq), log); return; }
  if (path === '/ECM/oauth/access_token' && method === 'POST') { send(res, refresh(store, fakeReq), log); return; }
  if (path === '/ECM/oauth2/token' && method === 'POST') { send(res, tokenExchange(store, fakeReq), log); return; }
  const m = /^\/ECM\/api\/v5\/([A-Za-z]+)$/.exec(path);
  const route = m ? V5_ROUTES[m[1]] : undefined;
  if (!route) { send(res, json(404, { errorCode: '1', msg: `No such API: ${path}` }), log); return; }
  if (route.method !== method) { send(res, json(405, { errorCode: '1', msg: `${m![1]} takes ${route.method}` }), log); return; }
  store.apiCalls++;
  if (store.config.rateLimitEveryN > 0 && store.apiCalls % store.config.rateLimitEveryN === 0) {
    const extra = store.config.rateLimitRetryAfter ? { 'Retry-After': store.config.rateLimitRetryAfter } : undefined;
    send(res, json(429, { errorCode: '1', msg: 'Too many requests' }, extra), log);
    return;
  }
  const auth = authorize(store, fakeReq);
  if ('answer' in auth) { send(res, auth.answer, log); return; }
  send(res, route.handler(store, fakeReq, auth.user), log);
}

/** Starts the fake on 127.0.0.1 (a free port by default). */
export async function startFakeEic(options: FakeEicOptions = {}): Promise<FakeEic> {
  const { port = 0, host = '127.0.0.1', clock = 'real', users, ...knobs } = options;
  const store = new FakeEicStore(createClock(clock));
  const problems = applyConfig(store.config, knobs as Record<string, unknown>);
  if (problems.length) throw new Error(`fake EIC config: ${problems.join('; ')}`);
  for (const u of users ?? []) store.users.set(u.username, { ...u });
  const sockets = new Set<Socket>();
  let fake: FakeEic | undefined;
  const server = createServer((req, res) => {
    handle(fake!, req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ errorCode: '1', msg: String(e) }));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  fake = new FakeEic(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`, actual, store, server, sockets);
  return fake;
}

export const FAKE_EIC_DEFAULT_USER = DEFAULT_USER;
