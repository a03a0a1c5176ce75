/**
 * Request bodies for EIC, in the content type each call is documented with: JSON (log-in, job
 * calls, connection details), form-urlencoded (token refresh) and multipart/form-data
 * (testConnection, getConnections, checkJobStatus). Values may be secret slots: they are
 * revealed only here, when the body is encoded for the wire.
 */
import { revealToken, SecretToken } from '../runner/secret';

export type WireValue = string | SecretToken;

export type EicBody =
  | { kind: 'none' }
  | { kind: 'json'; fields: Record<string, WireValue | WireValue[] | undefined> }
  | { kind: 'form'; fields: Record<string, WireValue | undefined> }
  | { kind: 'multipart'; fields: Record<string, WireValue | undefined> };

export interface EncodedBody {
  contentType?: string;
  text?: string;
}

function reveal(value: WireValue): string {
  return value instanceof SecretToken ? revealToken(value) : value;
}

function entries(fields: Record<string, WireValue | undefined>): [string, string][] {
  return Object.entries(fields).filter((e): e is [string, WireValue] => e[1] !== undefined).map(([k, v]) => [k, reveal(v)]);
}

/** A boundary that occurs in none of the values (deterministic for the same values). */
function boundaryFor(values: string[]): string {
  for (let n = 0; ; n++) {
    const candidate = `----SaviyntRestBoundary${n.toString(36)}x${values.length}`;
    if (!values.some(v => v.includes(candidate))) return candidate;
  }
}

/** Encodes a body for fetch. The result holds revealed secrets: only the transport calls this. */
export function encodeBody(body: EicBody): EncodedBody {
  switch (body.kind) {
    case 'none':
      return {};
    case 'json': {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(body.fields)) {
        if (v === undefined) continue;
        out[k] = Array.isArray(v) ? v.map(reveal) : reveal(v);
      }
      return { contentType: 'application/json', text: JSON.stringify(out) };
    }
    case 'form':
      return {
        contentType: 'application/x-www-form-urlencoded',
        text: entries(body.fields).map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&'),
      };
    case 'multipart': {
      const pairs = entries(body.fields);
      const boundary = boundaryFor(pairs.flat());
      const parts = pairs.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${v}\r\n`);
      return { contentType: `multipart/form-data; boundary=${boundary}`, text: `${parts.join('')}--${boundary}--\r\n` };
    }
  }
}

function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/** The field names of a body (for request logs and tests: never the values). */
export function bodyFieldNames(body: EicBody): string[] {
  return body.kind === 'none' ? [] : Object.keys(body.fields).filter(k => body.fields[k] !== undefined);
}
