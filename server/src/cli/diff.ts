/**
 * `saviynt-rest diff <connection-folder> --eic-url URL (credentials) [--format text|json]`: the
 * folder against the tenant's connection, attribute by attribute (formatting aside; ConnectionJSON
 * not comparable). For drift detection in a pipeline: exit 0 equal, 1 they differ, 2 problems.
 */
import { compareConnection } from '../core/eic';
import { readConnectionFolder } from '../core/transport/connectionFolder';
import { nodeFs } from '../core/transport/node/nodeFs';
import { comparisonJson, comparisonLines, EIC_OPTIONS_HELP, EIC_VALUE_OPTIONS, reportProblem, startFolderCommand } from './eicOptions';
import type { CliIO } from './io';
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
  const started = startFolderCommand(NAME, args, OPTIONS, DIFF_USAGE, rawIO, env);
  if (typeof started === 'number') return started;
  const { api, io, format, folderPath } = started;
  let folder;
  try {
    folder = await readConnectionFolder(nodeFs, folderPath);
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
