/**
 * `saviynt-rest pull <connection-name> -o <folder> --eic-url URL (credentials) [--force]`: writes
 * the tenant's connection into a connection folder exactly as `unpack` writes an export of it.
 * Files with local changes are not overwritten without --force.
 * Exit: 0 pulled, 1 nothing written because files differ (local changes), 2 usage, network or
 * authentication problems, or no such connection.
 */
import * as path from 'node:path';
import { pullConnection, PullConflictError } from '../core/eic';
import { subfolderNames } from '../core/transport/node/unpack';
import { nodeFs } from '../core/transport/node/nodeFs';
import { eicContext, EIC_OPTIONS_HELP, EIC_VALUE_OPTIONS, reportProblem } from './eicOptions';
import { flag, parseCommandArgs, type CliIO } from './io';

export const NAME = 'pull';
export const SYNOPSIS = 'pull <connection-name> -o <folder>';
export const SUMMARY = 'Write a connection of the EIC tenant into a connection folder';
const OPTIONS = { values: ['o', ...EIC_VALUE_OPTIONS], booleans: ['force'] } as const;

export const PULL_USAGE = `Usage: saviynt-rest pull <connection-name> -o <folder> --eic-url URL
         (--eic-user-env VAR --eic-password-env VAR | --eic-token-env VAR) [--force]

Reads the tenant's connection (getConnectionDetails) and writes it as a connection folder, the
same files "unpack" writes for an export: one <Attribute>.json per attribute, text exactly as
the tenant holds it, and connection.meta.json. ConnectionJSON's ciphertext is kept in
connection.meta.json (a readable ConnectionJSON is written with placeholders for its
credentials). A file whose text differs from the tenant's is a local change: nothing is written
then, unless --force. Files that differ only in formatting are left as they are.

  -o <folder>               the connection folder (default: the connection's name)
${EIC_OPTIONS_HELP}
  --force                   overwrite files that differ from the tenant's

Exit code: 0 pulled, 1 nothing written because files in the folder differ, 2 usage, network or
authentication problems, or no such connection on the tenant.`;

export async function run(args: string[], rawIO: CliIO, env: Record<string, string | undefined> = process.env): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, rawIO);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { rawIO.out(PULL_USAGE); return 0; }
  if (parsed.positionals.length !== 1 || !parsed.positionals[0].trim()) {
    rawIO.err(`pull: give exactly one connection name.\n\n${PULL_USAGE}`);
    return 2;
  }
  const context = eicContext(NAME, parsed, rawIO, env);
  if (typeof context === 'string') { rawIO.err(context); return 2; }
  const { api, io } = context;
  const name = parsed.positionals[0];
  const target = path.resolve(io.cwd, flag(parsed, 'o') ?? subfolderNames([name])[0]);
  try {
    const r = await pullConnection(api, nodeFs, name, target, { force: flag(parsed, 'force') === 'true' });
    io.out(`Pulled "${r.connectionName}" from ${api.host} into ${r.folder}.`);
    if (r.written.length) io.out(`  written: ${r.written.join(', ')}`);
    if (r.unchanged.length) io.out(`  already up to date: ${r.unchanged.join(', ')}`);
    if (r.keptLocal.length) io.out(`  left as they are: ${r.keptLocal.join(', ')}`);
    if (r.overwritten.length) io.out(`  local changes overwritten (--force): ${r.overwritten.join(', ')}`);
    if (r.encrypted.length) io.out(`  encrypted on the tenant, kept in connection.meta.json: ${r.encrypted.join(', ')}`);
    for (const note of r.notes) io.out(`note: ${note}`);
    return 0;
  } catch (error) {
    if (error instanceof PullConflictError) { io.err(`pull: ${error.message}`); return 1; }
    if (error instanceof Error && error.name !== 'EicProblemError') { io.err(`pull: ${error.message}`); return 2; }
    return reportProblem(NAME, io, error, 'text');
  }
}
