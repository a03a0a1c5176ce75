// The log of API requests the fake received, with the Authorization value redacted to its last
// 4 characters so tests can assert that headers were sent without the token ever being stored.

import type { IncomingMessage } from 'node:http';
import { redactAuthorization } from './auth.js';
import type { RegionKey, RequestLogEntry } from './types.js';

const MAX_ENTRIES = 5000;
const MAX_BODY_CHARS = 64 * 1024;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  record(
    req: IncomingMessage,
    url: URL,
    split: { region: RegionKey | null; apiPath: string },
    body: Buffer,
    now: number,
    fault: string | null,
  ): RequestLogEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers[name] = name === 'authorization' ? redactAuthorization(text) : text;
    }
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      time: now,
      method: (req.method ?? 'GET').toUpperCase(),
      url: `${url.pathname}${url.search}`,
      path: split.apiPath,
      region: split.region,
      headers,
      body: body.toString('utf8').slice(0, MAX_BODY_CHARS),
      status: 0,
      code: null,
      requestId: null,
      fault,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e, headers: { ...e.headers } }));
  }

  clear(): void {
    this.entries = [];
  }
}
