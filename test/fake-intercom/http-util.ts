// Low-level HTTP helpers: body reading, Accept negotiation, host → region, and writing responses
// with output faults (truncation, wrong content type, trickling).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegionKey } from './types.js';

export const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/** True when the Accept header admits JSON: application/json, application/* or *\/* with q > 0. */
export function acceptsJson(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    return type === 'application/json' || type === 'application/*' || type === '*/*';
  });
}

const HOST_REGIONS: Record<string, RegionKey> = {
  'api.intercom.io': 'us',
  'api.eu.intercom.io': 'eu',
  'api.au.intercom.io': 'au',
};
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]', '::1'];

export interface HostInfo {
  region: RegionKey | null;
  /** Scheme and authority to use in URLs the fake returns. */
  origin: string;
}

/** Region for a Host header: the three Intercom names, loopback names (auto-routing, like the US host). */
export function hostInfo(hostHeader: string | undefined, allowUnknown: boolean): HostInfo {
  const host = (hostHeader ?? '').trim();
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  const lower = name.toLowerCase();
  if (lower in HOST_REGIONS) return { region: HOST_REGIONS[lower], origin: `https://${host}` };
  if (LOOPBACK_NAMES.includes(lower) || allowUnknown) return { region: 'us', origin: `http://${host}` };
  return { region: null, origin: `http://${host}` };
}

export interface OutputMods {
  omitRateHeaders: boolean;
  omitRequestId: boolean;
  contentType: string | null;
  truncateAt: number | null;
  trickleMs: number;
}

export const NO_MODS: OutputMods = {
  omitRateHeaders: false,
  omitRequestId: false,
  contentType: null,
  truncateAt: null,
  trickleMs: 0,
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes a response, applying output faults. Resolves when the response is finished or cut. */
export async function writeResponse(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
  mods: OutputMods,
): Promise<void> {
  const out: Record<string, string> = { ...headers };
  if (mods.omitRateHeaders) {
    for (const key of Object.keys(out)) if (key.toLowerCase().startsWith('x-ratelimit-')) delete out[key];
  }
  if (mods.omitRequestId) delete out['X-Request-Id'];
  if (mods.contentType) out['Content-Type'] = mods.contentType;
  const bytes = Buffer.from(body, 'utf8');
  out['Content-Length'] = String(bytes.length);
  res.writeHead(status, out);
  if (mods.truncateAt !== null) {
    const cut = Math.max(0, Math.min(mods.truncateAt, bytes.length - 1));
    res.flushHeaders();
    if (cut > 0) await new Promise<void>((resolve) => res.write(bytes.subarray(0, cut), () => resolve()));
    res.socket?.destroy();
    return;
  }
  if (mods.trickleMs > 0 && bytes.length > 0) {
    const pieces = Math.min(10, bytes.length);
    const size = Math.ceil(bytes.length / pieces);
    res.flushHeaders();
    for (let i = 0; i < bytes.length; i += size) {
      if (res.destroyed) return;
      res.write(bytes.subarray(i, i + size));
      await sleep(mods.trickleMs / pieces);
    }
    res.end();
    return;
  }
  res.end(bytes);
}
