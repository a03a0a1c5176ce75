/**
 * `call <attribute-file> [--call NAME] [--base-url URL] --token-env VAR [--var k=v]… [--yes]`:
 * sends one call of an attribute file, prints the request (token masked), the answer and what
 * the call's response paths pick out of it. Also the options shared with `preview-import`.
 */
import * as path from 'node:path';
import { AttributeDocument } from '../core/index';
import { describeCall, findCalls } from '../core/calls/callModel';
import { InputFileError, readInputText } from '../node/inputFiles';
import {
  HttpProblemError, SecretToken, TokenFormatError, pickPaths, prepareRequest, redact, sendRequest,
  variablesFromPairs, DEFAULT_TIMEOUT_MS, type HttpResponse, type PreparedRequest, type SendOptions,
} from '../core/runner';
import { type CliIO, type OptionSpec, type ParsedArgs, flag, parseCommandArgs } from './io';

export const CALL_USAGE = `Usage: saviynt-rest call <attribute-file> [--call NAME] [--base-url URL] --token-env VAR
                         [--var path=value]... [--vars-file FILE] [--allow-host HOST[:PORT]]...
                         [--timeout SECONDS] [--yes] [--format text|json]

Sends one call of a connection attribute file (e.g. TicketStatusJSON.json) and shows the
request (token masked), the status, time, headers, the JSON answer and what the call's
response paths (listField, ticketidPath, ticketStatusPath, mappings …) pick out of it.

  --call NAME         which call (by name) when the file has several
  --base-url URL      replaces scheme and host of the call's URL (e.g. the local fake Intercom)
  --token-env VAR     environment variable holding the Intercom access token (\${access_token})
  --var path=value    a binding value, e.g. --var user.email=ann@example.com --var ticketID=631
  --vars-file FILE    JSON file with binding values ({"user": {"email": …}, "ticketID": …})
  --allow-host HOST   also send the token to this host (host or host:port); Intercom's API hosts
                      are always allowed. Needed for --base-url pointing anywhere else.
  --timeout SECONDS   give up after this long (default ${DEFAULT_TIMEOUT_MS / 1000})
  --yes               confirm a call that changes data (POST, PUT, PATCH, DELETE)
  --format json       machine-readable output

Exit code: 0 for a successful answer, 1 for a failed or refused call, 2 for a usage problem.`;

/** The options `call` and `preview-import` share (commonOptions reads them). */
export const COMMON_VALUE_OPTIONS = ['base-url', 'token-env', 'var', 'vars-file', 'allow-host', 'timeout', 'format'] as const;
const CALL_OPTIONS: OptionSpec = { values: [...COMMON_VALUE_OPTIONS, 'call'], booleans: ['yes'] };

export interface CommonOptions {
  token?: SecretToken;
  baseUrl?: string;
  variables: Record<string, unknown>;
  send: SendOptions;
}

/** The options `call` and `preview-import` share. Returns an error message for usage problems. */
export function commonOptions(parsed: ParsedArgs, io: CliIO): CommonOptions | string {
  const tokenEnv = flag(parsed, 'token-env');
  let token: SecretToken | undefined;
  if (tokenEnv !== undefined) {
    const raw = process.env[tokenEnv];
    if (!raw) return `The environment variable ${tokenEnv} (--token-env) is not set or empty.`;
    try { token = new SecretToken(raw); } catch (e) { return e instanceof TokenFormatError ? e.message : String(e); }
  }
  const baseUrl = flag(parsed, 'base-url');
  if (baseUrl !== undefined) {
    try { new URL(baseUrl); } catch { return `--base-url "${baseUrl}" is not an absolute URL.`; }
  }
  const variables: Record<string, unknown> = {};
  const varsFile = flag(parsed, 'vars-file');
  if (varsFile) {
    let text: string;
    try { text = readInputText(path.resolve(io.cwd, varsFile)); } catch (e) {
      return `--vars-file ${varsFile}: ${e instanceof InputFileError ? e.reason : String(e)}`;
    }
    try {
      const data = JSON.parse(text);
      if (data && typeof data === 'object' && !Array.isArray(data)) Object.assign(variables, data);
      else return `--vars-file ${varsFile} must hold a JSON object.`;
    } catch (e) {
      return `--vars-file ${varsFile} is not valid JSON: ${e instanceof Error ? e.message : e}`;
    }
  }
  const pairs: [string, string][] = [];
  for (const v of parsed.flags.get('var') ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) return `--var "${v}" must look like path=value (e.g. user.email=ann@example.com).`;
    pairs.push([v.slice(0, eq).trim(), v.slice(eq + 1)]);
  }
  variablesFromPairs(pairs, variables);
  const timeout = flag(parsed, 'timeout');
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (timeout !== undefined) {
    const s = Number(timeout);
    if (!Number.isFinite(s) || s <= 0) return `--timeout "${timeout}" must be a number of seconds.`;
    timeoutMs = s * 1000;
  }
  return { token, baseUrl, variables, send: { timeoutMs, allowedHosts: parsed.flags.get('allow-host') ?? [], allowHostHint: CLI_ALLOW_HOST_HINT } };
}

/** How a host is allowed on the command line (the engine's refusal message ends with this). */
export const CLI_ALLOW_HOST_HINT = (host: string) => `pass --allow-host ${host}`;

/** An IO whose every line passes through redact() (a last guard: the engine already masks the token). */
export function redactingIO(io: CliIO, token: SecretToken | undefined): CliIO {
  return { cwd: io.cwd, out: t => io.out(redact(t, token)), err: t => io.err(redact(t, token)) };
}

export async function run(args: string[], rawIO: CliIO): Promise<number> {
  const parsed = parseCommandArgs('call', args, CALL_OPTIONS, rawIO);
  if (!parsed) return 2;
  if (parsed.flags.has('help')) { rawIO.out(CALL_USAGE); return 0; }
  const format = flag(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') { rawIO.err(`Unknown --format "${format}": use text or json.`); return 2; }
  const file = parsed.positionals[0];
  if (!file || parsed.positionals.length > 1) { rawIO.err(CALL_USAGE); return 2; }
  const common = commonOptions(parsed, rawIO);
  if (typeof common === 'string') { rawIO.err(common); return 2; }
  const io = redactingIO(rawIO, common.token);

  let text: string;
  try { text = readInputText(path.resolve(io.cwd, file)); } catch (e) {
    if (!(e instanceof InputFileError)) throw e;
    io.err(`${file}: ${e.reason}`);
    return 2;
  }
  const doc = AttributeDocument.fromFile(file, text, 0);
  if (!doc.attribute) { io.err(`${file}: the file name does not name a connection attribute (e.g. TicketStatusJSON.json).`); return 2; }
  const calls = findCalls(doc).map(c => describeCall(doc, c));
  if (!calls.length) { io.err(`${file}: no calls found.`); return 2; }
  const wanted = flag(parsed, 'call');
  const call = wanted === undefined ? calls[0] : calls.find(c => c.name === wanted || c.name.toLowerCase() === wanted.toLowerCase() || c.name.endsWith(`› ${wanted}`));
  if (!call) { io.err(`${file}: no call named "${wanted}". Calls: ${calls.map(c => c.name).join(', ')}.`); return 2; }
  if (wanted === undefined && calls.length > 1) io.err(`${file} has ${calls.length} calls (${calls.map(c => c.name).join(', ')}); running "${call.name}". Choose another with --call.`);

  const request = prepareRequest(call, common.variables, { token: common.token, baseUrl: common.baseUrl });
  const report: Record<string, unknown> = { request: requestView(request) };
  if (!request.ready) {
    const lines: string[] = [];
    if (request.missing.length) lines.push(`No value for ${request.missing.join(', ')}. Pass ${request.missing.map(m => m === 'access_token' ? '--token-env VAR' : `--var ${m}=…`).join(' ')}.`);
    for (const p of request.problems) lines.push(`${p.where}: ${p.message}`);
    printRequest(io, format, request);
    return finish(io, format, { ...report, error: lines.join('\n') }, 1);
  }
  if (request.requiresConfirmation && !parsed.flags.has('yes')) {
    printRequest(io, format, request);
    return finish(io, format, { ...report, error: `${request.eicMethod} changes data in the target; nothing was sent. Re-run with --yes to send it.` }, 1);
  }
  if (format === 'text') printRequest(io, format, request);
  let response: HttpResponse;
  try {
    response = await sendRequest(request, {
      ...common.send, confirmed: parsed.flags.has('yes'),
      onProgress: e => { if (e.type === 'rate-limit-wait' || e.type === 'retry') io.err(e.type === 'retry' ? `Retrying in ${Math.round(e.waitMs / 100) / 10} s: ${e.reason}` : e.message); },
    });
  } catch (e) {
    if (!(e instanceof HttpProblemError)) throw e;
    return finish(io, format, { ...report, problem: e.problem, error: e.problem.message }, 1);
  }
  const picked = response.json !== undefined && call.responsePaths.length ? pickPaths(response.json, call.responsePaths, { headers: response.headers }) : [];
  if (format === 'json') {
    io.out(JSON.stringify({ ...report, response: responseView(response), picked }, null, 2));
    return response.ok ? 0 : 1;
  }
  printResponse(io, response);
  if (picked.length) {
    io.out('\nPicked out by the call');
    for (const p of picked) {
      const value = p.found ? (p.value === undefined ? '' : ` → ${short(p.value)}`) : ' → not found';
      io.out(`  ${p.role} "${p.path}"${value}${p.note ? `  (${p.note})` : ''}`);
    }
  }
  if (response.problem) io.err(`\n${response.problem.message}`);
  return response.ok ? 0 : 1;
}

function finish(io: CliIO, format: string, report: Record<string, unknown>, code: number): number {
  if (format === 'json') io.out(JSON.stringify(report, null, 2));
  else io.err(String(report.error ?? ''));
  return code;
}

export function requestView(r: PreparedRequest): Record<string, unknown> {
  return { name: r.name, method: r.eicMethod, httpMethod: r.method, url: r.url, headers: r.headers, body: r.body,
    requiresConfirmation: r.requiresConfirmation, missing: r.missing, problems: r.problems, warnings: r.warnings };
}

function responseView(r: HttpResponse): Record<string, unknown> {
  return { status: r.status, statusText: r.statusText, timeMs: r.timeMs, headers: r.headers, rateLimit: r.rateLimit,
    json: r.json, body: r.json === undefined ? r.bodyText : undefined, ok: r.ok, problem: r.problem, warnings: r.warnings, attempts: r.attempts };
}

function printRequest(io: CliIO, format: string, r: PreparedRequest): void {
  if (format !== 'text') return;
  io.out(`${r.eicMethod} ${r.url}${r.eicMethod !== r.method ? `   (sent as HTTP ${r.method})` : ''}`);
  for (const [k, v] of Object.entries(r.headers)) io.out(`  ${k}: ${v}`);
  if (r.body !== undefined) io.out(`  body: ${r.body}`);
  for (const w of r.warnings) io.err(`warning: ${w}`);
}

function printResponse(io: CliIO, r: HttpResponse): void {
  io.out(`\n${r.status} ${r.statusText}   ${r.timeMs} ms${r.attempts > 1 ? `   (${r.attempts} attempts)` : ''}`);
  const rl = r.rateLimit;
  if (rl.limit !== undefined || rl.remaining !== undefined) {
    io.out(`Rate limit: ${rl.remaining ?? '?'} of ${rl.limit ?? '?'} left${rl.reset !== undefined ? `, window resets at ${new Date(rl.reset * 1000).toISOString()}` : ''}`);
  }
  io.out('Headers');
  for (const [k, v] of Object.entries(r.headers)) io.out(`  ${k}: ${v}`);
  io.out('Body');
  io.out(r.json !== undefined ? JSON.stringify(r.json, null, 2) : r.bodyText || '(empty)');
  for (const w of r.warnings) io.err(`warning: ${w}`);
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}
