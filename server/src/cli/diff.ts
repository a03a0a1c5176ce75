/**
 * `saviynt-rest diff <connection-folder> --eic-url URL (credentials) [--format text|json]`: the
 * folder against the tenant's connection, attribute by attribute (formatting aside; ConnectionJSON
 * not comparable). For drift detection in a pipeline: exit 0 equal, 1 they differ, 2 problems.
 */
import * as path from 'node:path';
import { compareConnection } from '../core/eic';
import { readConnectionFolder } from '../core/transport/connectionFolder';
import { nodeFs } from '../core/transport/node/nodeFs';
import { comparisonJson, comparisonLines, eicContext, EIC_OPTIONS_HELP, EIC_VALUE_OPTIONS, formatOption, reportProblem } from './eicOptions';
import { flag, parseCommandArgs, type CliIO } from './io';
import { unifiedDiff } from '../core/eic/lineDiff';

export const NAME = 'diff';
export const SYNOPSIS = 'diff <connection-folder> --eic-url URL';
export const SUMMARY = 'Compare a connection folder with the EIC tenant (exit 1 when they differ)';
const OPTIONS = { values: [...EIC_VALUE_OPTIONS, 'format'] } as const;

export const DIFF_USAGE = `Usage: saviynt-rest diff <connection-folder> --eic-url URL
         (--eic-user-env VAR --eic-password-env VAR | --eic-token-env VAR) [--format text|json]

Compares the folder with the tenant's connection of the same name (getConnectionDetails),
attribute by attribute: equal (differences of formatting only do not count), changed, only
local, only on the tenant. ConnectionJSON is not comparable: EIC stores it encrypted.
Nothing on the tenant changes.

${EIC_OPTIONS_HELP}
  --format json             machine-readable output

Exit code: 0 equal, 1 they differ (or the tenant has no such connection), 2 usage, network or
authentication problems.`;

export async function run(args: string[], rawIO: CliIO, env: Record<string, string | undefined> = process.env): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, rawIO);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { rawIO.out(DIFF_USAGE); return 0; }
  const format = formatOption(NAME, parsed);
  if (typeof format !== 'string') { rawIO.err(format.error); return 2; }
  if (parsed.positionals.length !== 1) { rawIO.err(`diff: give exactly one connection folder.\n\n${DIFF_USAGE}`); return 2; }
  const context = eicContext(NAME, parsed, rawIO, env);
  if (typeof context === 'string') { rawIO.err(context); return 2; }
  const { api, io } = context;
  let folder;
  try {
    folder = await readConnectionFolder(nodeFs, path.resolve(io.cwd, parsed.positionals[0]));
  } catch (error) {
    io.err(`diff: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  for (const e of folder.errors) io.err(`diff: ${e}`);
  if (folder.errors.length) return 2;
  try {
    const comparison = compareConnection(folder, await api.connectionDetails(folder.name));
    if (format === 'json') {
      io.out(JSON.stringify({ ok: true, tenant: api.host, ...comparisonJson(comparison) }, null, 2));
    } else {
      for (const line of comparisonLines(comparison, api.host)) io.out(line);
      for (const e of comparison.entries) {
        if (e.status !== 'changed') continue;
        io.out('');
        io.out(unifiedDiff(e.tenant ?? '', e.local ?? '', `${e.attribute} (tenant)`, `${e.attribute} (folder: ${e.fileName ?? e.attribute})`));
      }
    }
    return comparison.differs ? 1 : 0;
  } catch (error) {
    return reportProblem(NAME, io, error, format);
  }
}
