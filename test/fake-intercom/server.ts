// Entry point of the fake Intercom REST API: startFakeIntercom() starts a loopback HTTP server
// and returns a handle with its URL, the request log and programmatic test control.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createClock } from './clock.js';
import { FakeController } from './control.js';
import { handleControl } from './control-http.js';
import { FaultEngine } from './faults.js';
import { isLoopback, JSON_TYPE, readBody } from './http-util.js';
import { handleApiRequest, type PipelineDeps } from './pipeline.js';
import { defaultRateLimitConfig } from './rate-limit.js';
import { RequestLog } from './request-log.js';
import { allRoutes } from './routes.js';
import type { SeedName } from './seed.js';
import { defaultRuntimeOptions, FakeStore } from './store.js';
import { DEFAULT_MANUAL_START } from './tokens.js';
import type { FaultRule, RateLimitConfig, RegionKey, RequestLogEntry, RuntimeOptions } from './types.js';

export type { FaultRule, RateLimitConfig, RegionKey, RequestLogEntry, RuntimeOptions } from './types.js';
export type { TransitionSpec, ResetSpec, WorkspaceSettings } from './control.js';
export type { AddTokenSpec } from './store.js';
export {
  ALL_SCOPES,
  DEFAULT_APP_VERSION,
  DEFAULT_MANUAL_START,
  SEED_AU,
  SEED_EU,
  SEED_US,
  SEEDED_TOKENS,
  TOKEN_AU,
  TOKEN_BLOCKED,
  TOKEN_EU,
  TOKEN_EXPIRED,
  TOKEN_MISSING_SCOPES,
  TOKEN_PLAN_RESTRICTED,
  TOKEN_REVOKED,
  TOKEN_UNKNOWN,
  TOKEN_US,
  TOKEN_US_V215,
} from './tokens.js';

export interface FakeOptions extends Partial<RuntimeOptions> {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** "manual" lets tests move time with advanceClock(); default "real". */
  clock?: 'real' | 'manual';
  /** Start of the manual clock (Unix seconds). */
  startTime?: number;
  /** "default" (the full fixture) or "empty" (workspaces, apps, tokens and one admin each). */
  seed?: SeedName;
  /** Version configured for the seeded apps, used when a request sends no Intercom-Version (default "2.11"). */
  appVersion?: string;
  rateLimit?: Partial<RateLimitConfig>;
  faults?: FaultRule[];
}

export class FakeIntercom extends FakeController {
  /** Base URL, e.g. http://127.0.0.1:43121 (the US, auto-routing host). */
  readonly url: string;
  readonly port: number;
  /** Base URLs that select a region by path prefix: {us, eu, au}. */
  readonly urls: Record<RegionKey, string>;
  private readonly server: Server;
  private readonly sockets: Set<Socket>;

  constructor(
    init: { store: FakeStore; faults: FaultEngine; log: RequestLog; startTime: number },
    net: { server: Server; sockets: Set<Socket>; url: string; port: number },
  ) {
    super(init.store, init.faults, init.log, init.startTime);
    this.server = net.server;
    this.sockets = net.sockets;
    this.url = net.url;
    this.port = net.port;
    this.urls = { us: `${net.url}/__region/us`, eu: `${net.url}/__region/eu`, au: `${net.url}/__region/au` };
  }

  /** Base URL for a region, using the /__region prefix. */
  regionUrl(region: RegionKey): string {
    return this.urls[region];
  }

  /** The request log, with the Authorization value redacted to its last 4 characters. */
  get requests(): RequestLogEntry[] {
    return this.requestLog();
  }

  /** Raw state, for assertions in tests (treat as read-only). */
  get state(): FakeStore {
    return this.store;
  }

  /** Stops the server, cutting any connection left hanging by a fault. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }
}

function requestUrl(req: IncomingMessage): URL {
  const raw = req.url ?? '/';
  // Absolute-form targets (the fake used as an HTTP proxy) keep their path; Host still picks the region.
  if (/^https?:\/\//i.test(raw)) {
    const abs = new URL(raw);
    return new URL(`http://fake.invalid${abs.pathname}${abs.search}`);
  }
  return new URL(`http://fake.invalid${raw.startsWith('/') ? raw : `/${raw}`}`);
}

async function dispatch(deps: PipelineDeps, control: () => FakeController, req: IncomingMessage, res: ServerResponse) {
  const body = await readBody(req);
  const url = requestUrl(req);
  if (url.pathname === '/__fake' || url.pathname.startsWith('/__fake/')) {
    if (!isLoopback(req.socket.remoteAddress)) {
      res.writeHead(404, { 'Content-Type': JSON_TYPE }).end('{}');
      return;
    }
    let parsed: unknown = {};
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      res.writeHead(400, { 'Content-Type': JSON_TYPE }).end(JSON.stringify({ ok: false, error: 'body is not JSON' }));
      return;
    }
    const out = handleControl(control(), (req.method ?? 'GET').toUpperCase(), url.pathname, url.searchParams, parsed);
    res.writeHead(out.status, { 'Content-Type': JSON_TYPE }).end(JSON.stringify(out.body));
    return;
  }
  await handleApiRequest(deps, req, res, body, url);
}

/** Starts the fake on 127.0.0.1 (port 0 by default) with the default seed. */
export async function startFakeIntercom(options: FakeOptions = {}): Promise<FakeIntercom> {
  const { port = 0, host = '127.0.0.1', clock: clockMode = 'real', seed = 'default', appVersion, rateLimit, faults } = options;
  const startTime = options.startTime ?? DEFAULT_MANUAL_START;
  const runtime: RuntimeOptions = { ...defaultRuntimeOptions() };
  for (const key of Object.keys(runtime) as Array<keyof RuntimeOptions>) {
    if (options[key] !== undefined) (runtime as unknown as Record<string, unknown>)[key] = options[key];
  }
  const store = new FakeStore({
    clock: createClock(clockMode, startTime),
    options: runtime,
    rateLimit: { ...defaultRateLimitConfig(), ...rateLimit },
    seed,
    appVersion,
  });
  const faultEngine = new FaultEngine();
  if (faults) faultEngine.add(faults);
  const log = new RequestLog();
  const deps: PipelineDeps = { store, routes: allRoutes(), faults: faultEngine, log };
  const sockets = new Set<Socket>();
  let fake: FakeIntercom | undefined;
  const server = createServer((req, res) => {
    dispatch(deps, () => fake as FakeIntercom, req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': JSON_TYPE }).end(JSON.stringify({ ok: false, error: String(err) }));
      } else res.destroy();
    });
  });
  // Idle keep-alive sockets stay open for a minute (like a cloud load balancer). With Node's 5 s
  // default, a client that reuses a pooled socket just as the server drops it gets "fetch failed",
  // which happens whenever a test blocks the event loop for a few seconds.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  fake = new FakeIntercom(
    { store, faults: faultEngine, log, startTime },
    { server, sockets, url: `http://${hostPart}:${actualPort}`, port: actualPort },
  );
  return fake;
}
