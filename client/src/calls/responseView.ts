/**
 * The response of a call as one JSON document (read-only, language json): a summary line,
 * what went wrong, what the call's response paths pick out (listField, keyField, ticketidPath,
 * ticketStatusPath, mappings …), status, time and headers, the request as sent (token masked),
 * and the pretty-printed body last.
 */
import { pickPaths, redact, type HttpResponse, type PickedPath, type SecretToken } from '../../../server/src/core/runner';
import type { CallDescription } from '../../../common/src/protocol';

/** A one-line status, e.g. "200 OK in 123 ms". */
export function statusLine(response: Pick<HttpResponse, 'status' | 'statusText' | 'timeMs'>): string {
  const text = response.statusText || STATUS_TEXT[response.status] || '';
  return `${response.status}${text ? ` ${text}` : ''} in ${Math.round(response.timeMs)} ms`;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  406: 'Not Acceptable', 409: 'Conflict', 410: 'Gone', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** What the call's paths pick out of the answer (empty when the answer is not JSON or the call names no paths). */
export function pickedFor(call: Pick<CallDescription, 'responsePaths'>, response: HttpResponse): PickedPath[] {
  if (response.json === undefined || !call.responsePaths.length) return [];
  return pickPaths(response.json, call.responsePaths, { headers: response.headers });
}

/** Short display of a picked value (lists are summarised). */
function shortValue(p: PickedPath): unknown {
  if (!p.found) return undefined;
  if (Array.isArray(p.value)) return `[${p.value.length} item${p.value.length === 1 ? '' : 's'}]`;
  if (p.value && typeof p.value === 'object') {
    const text = JSON.stringify(p.value);
    return text.length > 200 ? `${text.slice(0, 197)}…` : p.value;
  }
  return p.value;
}

export interface ResponseDocumentInput {
  call: Pick<CallDescription, 'name' | 'attribute' | 'responsePaths'>;
  response: HttpResponse;
  picked: PickedPath[];
  notes?: string[];
  token?: SecretToken;
}

/** The response document's text (valid JSON; every string passes through redact as a last guard). */
export function formatResponseDocument(input: ResponseDocumentInput): string {
  const { call, response, picked } = input;
  const rl = response.rateLimit;
  const doc: Record<string, unknown> = {
    summary: `${statusLine(response)}: ${response.request.method} ${response.request.url}`,
    call: `${call.attribute ? `${call.attribute} › ` : ''}${call.name}`,
  };
  if (response.problem) doc.problem = response.problem.message;
  if (response.warnings.length || input.notes?.length) doc.warnings = [...response.warnings, ...(input.notes ?? [])];
  if (picked.length) {
    doc.pickedPaths = picked.map(p => ({
      role: p.role,
      path: p.path,
      ...(p.found ? { value: shortValue(p) ?? null } : { found: false }),
      in: p.scope,
      ...(p.note ? { note: p.note } : {}),
    }));
  }
  doc.status = response.status;
  doc.statusText = response.statusText;
  doc.timeMs = Math.round(response.timeMs);
  if (response.attempts > 1) doc.attempts = response.attempts;
  if (rl.limit !== undefined || rl.remaining !== undefined) {
    doc.rateLimit = { limit: rl.limit ?? null, remaining: rl.remaining ?? null, resetsAt: rl.reset !== undefined ? new Date(rl.reset * 1000).toISOString() : null };
  }
  doc.responseHeaders = response.headers;
  doc.request = { method: response.request.method, url: response.request.url, headers: response.request.headers, ...(response.request.body !== undefined ? { body: response.request.body } : {}) };
  doc.body = response.json !== undefined ? response.json : response.bodyText === '' ? null : response.bodyText;
  return redact(JSON.stringify(doc, null, 2) + '\n', input.token);
}
