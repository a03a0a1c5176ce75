// Shared helpers for the fake Intercom tests: a small fetch wrapper and a raw HTTP client for
// requests fetch cannot make (no Accept header, a custom Host header).

import { request as httpRequest } from 'node:http';
import { TOKEN_US, type FakeIntercom } from '../../fake-intercom/server.js';

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface CallOptions {
  method?: string;
  token?: string | null;
  version?: string | null;
  body?: unknown;
  /** Raw body text, sent as is (for invalid JSON). */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Base URL; default the fake's US URL. */
  base?: string;
  signal?: AbortSignal;
}

export async function call(fake: FakeIntercom, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? TOKEN_US}`;
  if (opts.version !== null && opts.version !== undefined) headers['intercom-version'] = opts.version;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  Object.assign(headers, opts.headers ?? {});
  const res = await fetch(`${opts.base ?? fake.url}${path}`, {
    method: opts.method ?? (body !== undefined ? 'POST' : 'GET'),
    headers,
    body,
    signal: opts.signal,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** errors[0].code of an error.list body. */
export function code(res: ApiResponse): string | undefined {
  return res.json?.errors?.[0]?.code;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Plain node:http request: exact headers only (no default Accept), any Host header. */
export function raw(
  fake: FakeIntercom,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: fake.port, path, method, headers, setHost: !('host' in headers) && !('Host' in headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export function rawJson(res: RawResponse): { errors?: Array<{ code: string; message: string }>; [k: string]: unknown } {
  return JSON.parse(res.text);
}

/** Collects every contact id of GET /contacts by following cursors. */
export async function listAllContactIds(fake: FakeIntercom, perPage: number, base?: string, token?: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard++) {
    const q = `per_page=${perPage}${cursor ? `&starting_after=${encodeURIComponent(cursor)}` : ''}`;
    const res = await call(fake, `/contacts?${q}`, { base, token });
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${res.text}`);
    for (const c of res.json.data) ids.push(c.id);
    cursor = res.json.pages.next?.starting_after;
    if (!cursor) return ids;
  }
  throw new Error('pagination did not end');
}
