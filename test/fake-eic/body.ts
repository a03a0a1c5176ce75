// Request bodies as the public EIC clients send them: application/json, multipart/form-data and
// application/x-www-form-urlencoded on every endpoint (and query parameters, for the GET with a
// JSON body that transportPackageStatus documents).

export type BodyKind = 'json' | 'multipart' | 'form' | 'none' | 'other';

export interface UploadedFile {
  filename: string;
  data: Buffer;
}

export interface ParsedBody {
  kind: BodyKind;
  /** Text fields (JSON values are kept as they came: a non-string stays a non-string). */
  fields: Record<string, unknown>;
  files: Record<string, UploadedFile>;
  /** The body was not parseable in its declared type. */
  malformed?: string;
}

/** The body, read whole (the fake Intercom's reader). */
export { readBody } from '../fake-intercom/http-util.js';

function parseMultipart(body: Buffer, boundary: string): ParsedBody {
  const fields: Record<string, unknown> = {};
  const files: Record<string, UploadedFile> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos < 0) return { kind: 'multipart', fields, files, malformed: 'no boundary in the body' };
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return { kind: 'multipart', fields, files, malformed: 'a part has no header end' };
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next < 0) return { kind: 'multipart', fields, files, malformed: 'the closing boundary is missing' };
    let content = body.subarray(headerEnd + 4, next);
    if (content.subarray(-2).toString() === '\r\n') content = content.subarray(0, -2);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) {
      if (filename !== undefined) files[name] = { filename, data: Buffer.from(content) };
      else fields[name] = content.toString('utf8');
    }
    pos = next;
  }
  return { kind: 'multipart', fields, files };
}

/** Parses by Content-Type; query parameters are added for fields the body does not have. */
export function parseBody(contentType: string | undefined, body: Buffer, query: URLSearchParams): ParsedBody {
  const type = (contentType ?? '').toLowerCase();
  let parsed: ParsedBody;
  const text = body.toString('utf8');
  if (body.length === 0) {
    parsed = { kind: 'none', fields: {}, files: {} };
  } else if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
    parsed = boundary ? parseMultipart(body, boundary) : { kind: 'multipart', fields: {}, files: {}, malformed: 'no boundary parameter' };
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    parsed = { kind: 'form', fields: Object.fromEntries(new URLSearchParams(text)), files: {} };
  } else {
    // application/json, or no type at all (a JSON body on a GET often comes without one).
    try {
      const value = JSON.parse(text);
      parsed = value && typeof value === 'object' && !Array.isArray(value)
        ? { kind: 'json', fields: value as Record<string, unknown>, files: {} }
        : { kind: 'json', fields: {}, files: {}, malformed: 'the JSON body is not an object' };
    } catch {
      parsed = { kind: type.includes('json') || !type ? 'json' : 'other', fields: {}, files: {}, malformed: 'the body is not JSON' };
    }
  }
  for (const [k, v] of query) if (!(k in parsed.fields)) parsed.fields[k] = v;
  return parsed;
}

/** A field as text ("" for absent; JSON values other than strings as their JSON text). */
export function text(fields: Record<string, unknown>, ...names: string[]): string {
  for (const name of names) {
    const key = Object.keys(fields).find(k => k.toLowerCase() === name.toLowerCase());
    if (key === undefined) continue;
    const v = fields[key];
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
  }
  return '';
}
