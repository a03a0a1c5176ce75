/**
 * What `deploy`, `pull` and `diff` share: the tenant (--eic-url), the credentials named by
 * environment variables (--eic-user-env + --eic-password-env, or --eic-token-env), an API on
 * Node's fetch, output redacted of every secret, the start of a command on one connection folder,
 * and plain printing of a comparison.
 */
import {
  eicCredentials, EicProblemError, openEicApi, parseTenantAddress, summaryLine,
  type ConnectionComparison, type EicApi, type EicProgress,
} from '../core/eic';
import * as path from 'node:path';
import type { FetchLike } from '../core/runner/send';
import { flag, parseCommandArgs, type CliIO, type OptionSpec, type ParsedArgs } from './io';

/** Options every EIC command takes (values). */
export const EIC_VALUE_OPTIONS = ['eic-url', 'eic-user-env', 'eic-password-env', 'eic-token-env'] as const;

export const EIC_OPTIONS_HELP = `  --eic-url URL             the tenant's address, e.g. https://acme.saviyntcloud.com (https; http only for
                            this machine, e.g. the fake EIC)
  --eic-user-env VAR        environment variable holding the EIC user name   } username and password,
  --eic-password-env VAR    environment variable holding the EIC password    } or:
  --eic-token-env VAR       environment variable holding an EIC access token`;

export interface EicCommandContext {
  api: EicApi;
  /** Output with every secret of the session masked (user name, password, tokens, ConnectionJSON values). */
  io: CliIO;
}

/** Builds the API from the options, or returns the usage problem (exit 2). */
export function eicContext(command: string, parsed: ParsedArgs, rawIO: CliIO, env: Record<string, string | undefined> = process.env,
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init)): EicCommandContext | string {
  const url = flag(parsed, 'eic-url');
  if (!url) return `${command}: --eic-url is required (the tenant's address, e.g. https://acme.saviyntcloud.com).`;
  const address = parseTenantAddress(url);
  if (typeof address === 'string') return `${command}: --eic-url: ${address}`;
  const userEnv = flag(parsed, 'eic-user-env');
  const passwordEnv = flag(parsed, 'eic-password-env');
  const tokenEnv = flag(parsed, 'eic-token-env');
  if (tokenEnv && (userEnv || passwordEnv)) return `${command}: give either --eic-token-env, or --eic-user-env with --eic-password-env, not both.`;
  if (!tokenEnv && (!userEnv || !passwordEnv)) {
    return `${command}: credentials are needed: --eic-user-env VAR and --eic-password-env VAR (a user name and password), or --eic-token-env VAR (an access token).`;
  }
  const read = (name: string, what: string): string | { error: string } => {
    const value = env[name];
    return value ? value : { error: `${command}: the environment variable ${name} (${what}) is not set or is empty.` };
  };
  let values: { username?: string; password?: string; token?: string };
  if (tokenEnv) {
    const token = read(tokenEnv, '--eic-token-env');
    if (typeof token !== 'string') return token.error;
    values = { token };
  } else {
    const username = read(userEnv!, '--eic-user-env');
    if (typeof username !== 'string') return username.error;
    const password = read(passwordEnv!, '--eic-password-env');
    if (typeof password !== 'string') return password.error;
    values = { username, password };
  }
  const credentials = eicCredentials(values);
  if (typeof credentials === 'string') return `${command}: ${credentials}`;
  let io: CliIO = rawIO;
  const api = openEicApi(address, credentials, {
    fetch: fetchImpl,
    onProgress: (e: EicProgress) => { if (e.type === 'retry') io.err(e.reason); },
  });
  const mask = (text: string) => api.session.secrets.redactMessage(text);
  io = { cwd: rawIO.cwd, out: t => rawIO.out(mask(t)), err: t => rawIO.err(mask(t)) };
  return { api, io };
}

export interface EicFolderCommand extends EicCommandContext {
  parsed: ParsedArgs;
  /** text or json. */
  format: string;
  /** The one connection folder named, resolved against the working folder. */
  folderPath: string;
}

/**
 * The start `deploy` and `diff` share: parses the arguments, answers --help, reads --format, wants
 * exactly one connection folder and opens the tenant's API; or the exit code (0 help, 2 usage).
 */
export function startFolderCommand(command: string, args: string[], options: OptionSpec, usage: string, rawIO: CliIO,
  env: Record<string, string | undefined>): EicFolderCommand | number {
  const parsed = parseCommandArgs(command, args, options, rawIO);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { rawIO.out(usage); return 0; }
  const format = formatOption(command, parsed);
  if (typeof format !== 'string') { rawIO.err(format.error); return 2; }
  if (parsed.positionals.length !== 1) { rawIO.err(`${command}: give exactly one connection folder.\n\n${usage}`); return 2; }
  const context = eicContext(command, parsed, rawIO, env);
  if (typeof context === 'string') { rawIO.err(context); return 2; }
  return { ...context, parsed, format, folderPath: path.resolve(context.io.cwd, parsed.positionals[0]) };
}

/** Writes a problem of the tenant (network, auth, refusal) and returns exit code 2. */
export function reportProblem(command: string, io: CliIO, error: unknown, format: string): number {
  if (!(error instanceof EicProblemError)) throw error;
  if (format === 'json') io.out(JSON.stringify({ ok: false, problem: error.problem }, null, 2));
  else io.err(`${command}: ${error.problem.message}`);
  return 2;
}

const LABEL: Record<string, string> = {
  'changed': 'changed', 'only-local': 'only local', 'only-tenant': 'only on tenant', 'not-comparable': 'not comparable', 'equal': 'equal',
};

/** The comparison as text lines: one per attribute that is not equal, then the equal ones together. */
export function comparisonLines(c: ConnectionComparison, host: string): string[] {
  const lines = [`"${c.connectionName}" on ${host}: ${!c.exists ? 'not on the tenant — every attribute is only local'
    : c.differs ? 'differs' : 'equal'}${c.exists ? ` (connection key ${c.tenantKey ?? '?'})` : ''}. ${summaryLine(c)}.`];
  for (const e of c.entries) {
    if (e.status === 'equal') continue;
    lines.push(`  ${LABEL[e.status].padEnd(16)}${e.attribute}${e.status === 'not-comparable' ? `  (${e.note?.split(':')[0]})` : ''}`);
  }
  for (const field of c.fields) if (field.status === 'changed') lines.push(`  ${'changed'.padEnd(16)}(${field.field}) "${field.tenant ?? ''}" → "${field.local}"`);
  const equal = c.entries.filter(e => e.status === 'equal');
  if (equal.length) {
    lines.push(`  ${'equal'.padEnd(16)}${equal.map(e => `${e.attribute}${e.formattingOnly ? ' (formatting only)' : ''}`).join(', ')}`);
  }
  return lines;
}

/** The comparison as JSON (texts left out: only names and statuses). */
export function comparisonJson(c: ConnectionComparison): Record<string, unknown> {
  return {
    connection: c.connectionName, exists: c.exists, connectionKey: c.tenantKey, differs: c.differs,
    attributes: c.entries.map(e => ({ attribute: e.attribute, status: e.status, formattingOnly: e.formattingOnly, note: e.note })),
    fields: c.fields.map(f => ({ field: f.field, status: f.status })),
    summary: c.summary,
  };
}

/** --format text|json, or an error message. */
export function formatOption(command: string, parsed: ParsedArgs): string | { error: string } {
  const format = flag(parsed, 'format') ?? 'text';
  return format === 'text' || format === 'json' ? format : { error: `${command}: unknown --format "${format}": use text or json.` };
}
