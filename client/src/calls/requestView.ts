/**
 * The request exactly as it would leave (token masked as `Bearer ••••<last4>`), as text for the
 * "Preview request" document, the confirmation dialog and the response view.
 */
import { redact, type PreparedRequest, type SecretToken } from '../../../server/src/core/runner';
import { DEFAULT_INTERCOM_VERSION } from '../../../common/src/protocol';

export interface RequestNotes {
  /** The URL as written, when it was rebased onto the configured base URL. */
  rebasedFrom?: string;
  /** Binding names with no value (shown unresolved). */
  missing?: string[];
  /** Extra lines (sample file problems, version notes …). */
  notes?: string[];
  /** The configured default Intercom version (setting saviyntRest.intercom.defaultVersion), proposed when no header pins one. */
  defaultVersion?: string;
}

/** A JSON body pretty-printed, or undefined when it is not JSON (or empty). */
export function prettyJson(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch { return undefined; }
}

/** The HTTP request as text: request line, headers, blank line, body; then notes as `#` lines. */
export function formatRequest(request: PreparedRequest, notes: RequestNotes = {}, token?: SecretToken): string {
  const lines: string[] = [];
  const sentAs = request.eicMethod !== request.method ? `   # sent as HTTP ${request.method}` : '';
  lines.push(`${request.eicMethod} ${request.url}${sentAs}`);
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
  if (request.body !== undefined) {
    lines.push('', request.body);
    const pretty = prettyJson(request.body);
    if (pretty && pretty !== request.body && request.body.length > 60) lines.push('', '# The same body, formatted:', ...pretty.split('\n').map(l => `#   ${l}`));
  }
  const comments: string[] = [];
  if (notes.rebasedFrom) comments.push(`The call is written for ${notes.rebasedFrom}; it goes to the configured base URL (setting saviyntRest.intercom.baseUrl).`);
  if (request.secret) comments.push('The access token is masked here; the real one is only put in at the moment the request leaves.');
  if (!Object.keys(request.headers).some(h => h.toLowerCase() === 'intercom-version')) {
    comments.push(`No Intercom-Version header: Intercom answers in the version chosen for the app in the Developer Hub. Pin one (e.g. "${notes.defaultVersion ?? DEFAULT_INTERCOM_VERSION}") so paths such as ticket_state.category are predictable.`);
  }
  const missing = (notes.missing ?? request.missing).filter(m => m !== 'access_token');
  if ((notes.missing ?? request.missing).includes('access_token')) {
    comments.push('No Intercom access token is stored for this region, so ${access_token} is shown unresolved: set one with "Set Intercom Access Token…".');
  }
  if (missing.length) comments.push(`No value yet for ${missing.map(m => `\${${m}}`).join(', ')} (add it to the sample identity file or type it when you run the call).`);
  for (const p of request.problems) comments.push(`Problem (${p.where}): ${p.message}`);
  for (const w of request.warnings) comments.push(`Warning: ${w}`);
  for (const n of notes.notes ?? []) comments.push(n);
  if (request.requiresConfirmation) comments.push(`${request.eicMethod} changes data in the target: running it asks for confirmation first.`);
  if (comments.length) lines.push('', ...comments.map(c => `# ${c}`));
  return redact(lines.join('\n') + '\n', token, request.secret);
}

/** The detail text of the confirmation dialog: method, URL and body (token masked). */
export function confirmationDetail(request: PreparedRequest, token?: SecretToken): string {
  const body = request.body === undefined ? '(no body)' : prettyJson(request.body) ?? request.body;
  const shown = body.length > 1500 ? `${body.slice(0, 1500)}\n… (${body.length - 1500} more characters)` : body;
  return redact(`${request.eicMethod} ${request.url}\n\n${shown}`, token, request.secret);
}
