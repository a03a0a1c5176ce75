/**
 * `saviynt-rest deploy <connection-folder> --eic-url URL (credentials) [--yes] [--with-connection-json]
 * [--format text|json]`: compares the folder with the tenant and, with --yes, creates or updates
 * the connection (testConnection) and reports EIC's own connection test.
 * Exit: 0 deployed (or, without --yes, what would change), 1 saved but EIC's connection test
 * failed, 2 usage, network or auth problems, or a deploy that cannot go ahead.
 */
import {
  deployConnection, environmentVariableFor, INTERCOM_TOKEN_VARIABLE, planLines, type DeployResult, type SecretSource,
} from '../core/eic';
import { SecretToken } from '../core/runner/secret';
import { readConnectionFolder } from '../core/transport/connectionFolder';
import { engineValidator } from '../core/index';
import { cliEngine } from './engine';
import { nodeFs } from '../core/transport/node/nodeFs';
import { comparisonJson, comparisonLines, EIC_OPTIONS_HELP, EIC_VALUE_OPTIONS, reportProblem, startFolderCommand } from './eicOptions';
import { flag, type CliIO } from './io';

export const NAME = 'deploy';
export const SYNOPSIS = 'deploy <connection-folder> --eic-url URL';
export const SUMMARY = 'Compare with the EIC tenant and deploy the connection (--yes)';
const OPTIONS = { values: [...EIC_VALUE_OPTIONS, 'format'], booleans: ['yes', 'with-connection-json'] } as const;

export const DEPLOY_USAGE = `Usage: saviynt-rest deploy <connection-folder> --eic-url URL
         (--eic-user-env VAR --eic-password-env VAR | --eic-token-env VAR)
         [--yes] [--with-connection-json] [--format text|json]

Compares the folder with the tenant's connection of the same name, attribute by attribute, and
prints what a deploy would change. With --yes it creates or updates the connection through EIC's
testConnection API (every attribute the folder has; "" for one only the tenant has) and reports
the connection test EIC runs on every save. The folder is checked first, as for a package: any
error stops the deploy.

ConnectionJSON is write-only on the tenant and is kept as the tenant has it, unless you add
--with-connection-json (required for a connection the tenant does not have yet). Its placeholders
are then filled from the environment: EIC_CONNECTIONJSON_<KEY> for each credential (e.g.
EIC_CONNECTIONJSON_ACCESSTOKEN for "accessToken"); an access token may also come from
${INTERCOM_TOKEN_VARIABLE}. A placeholder is never sent.

${EIC_OPTIONS_HELP}
  --yes                     deploy (without it nothing is sent that changes the tenant)
  --with-connection-json    send the folder's ConnectionJSON, with its credentials filled in
  --format json             machine-readable output

Exit code: 0 deployed, up to date, or (without --yes) the preview; 1 EIC saved the connection
but its connection test failed; 2 usage, network or authentication problems, or a deploy that
cannot go ahead (errors in the folder, a new connection without ConnectionJSON …).`;

/** Credentials for ConnectionJSON's placeholders, from the environment. */
export function environmentSecrets(env: Record<string, string | undefined>): SecretSource {
  return slot => {
    const value = env[environmentVariableFor(slot)] || (slot.kind === 'access-token' ? env[INTERCOM_TOKEN_VARIABLE] : undefined);
    return value ? new SecretToken(value, { verbatim: slot.kind !== 'access-token' }) : undefined;
  };
}

function exitCode(r: DeployResult): number {
  if (r.stage === 'saved') return r.save?.testPassed === false ? 1 : 0;
  if (r.stage === 'refused' || r.stage === 'check-errors') return 2;
  return 0;
}

function printText(io: CliIO, r: DeployResult, host: string, yes: boolean): void {
  for (const m of r.checkMessages) io.err(m);
  if (r.comparison) for (const line of comparisonLines(r.comparison, host)) io.out(line);
  for (const note of r.notes) io.out(`note: ${note}`);
  if (r.stage === 'check-errors' || r.stage === 'refused') {
    io.err(`deploy: nothing was sent.\n${r.refusals.map(x => `  - ${x}`).join('\n')}`);
    return;
  }
  if (r.stage === 'up-to-date') { io.out(`Up to date: the tenant already has "${r.connectionName}" as the folder; nothing was sent.`); return; }
  const plan = r.plan!;
  if (r.stage === 'preview') {
    io.out(`${plan.exists ? 'A deploy would update' : 'A deploy would create'} "${r.connectionName}":`);
    for (const line of planLines(plan)) io.out(`  ${line}`);
    for (const slot of r.secretSlots) io.out(`  ConnectionJSON ${slot.jsonPath}: filled from ${environmentVariableFor(slot)}${slot.kind === 'access-token' ? ` or ${INTERCOM_TOKEN_VARIABLE}` : ''}`);
    io.out(`Nothing was sent${yes ? '' : ': run again with --yes to deploy'}.`);
    return;
  }
  const save = r.save!;
  io.out(`Deployed "${r.connectionName}"${save.connectionKey ? ` (connection key ${save.connectionKey})` : ''}: ${planLines(plan).join('; ')}.`);
  if (save.testPassed === false) {
    io.err(`EIC saved the connection, but its connection test failed: ${save.msg ?? ''}${save.errors.length ? ` — ${save.errors.join('; ')}` : ''}`);
  } else {
    io.out(`EIC's connection test: ${save.testPassed ? 'passed' : 'no clear result'} (${save.connectionStatus ?? save.msg ?? 'no message'}).`);
  }
  if (r.verification && !r.verification.differs) io.out('Read back: the tenant now holds what the folder has.');
  for (const w of r.warnings) io.err(`warning: ${w}`);
}

function printJson(io: CliIO, r: DeployResult, host: string): void {
  io.out(JSON.stringify({
    ok: exitCode(r) === 0, tenant: host, connection: r.connectionName, stage: r.stage,
    comparison: r.comparison ? comparisonJson(r.comparison) : undefined,
    plan: r.plan ? { exists: r.plan.exists, changes: r.plan.changes, clears: r.plan.clears, fieldChanges: r.plan.fieldChanges, connectionJson: r.plan.connectionJson } : undefined,
    connectionJsonSecrets: r.secretSlots.map(s => ({ path: s.jsonPath, variable: environmentVariableFor(s) })),
    save: r.save, verification: r.verification ? { differs: r.verification.differs, summary: r.verification.summary } : undefined,
    checkErrors: r.checkErrors, checkMessages: r.checkMessages, refusals: r.refusals, warnings: r.warnings, notes: r.notes,
  }, null, 2));
}

export async function run(args: string[], rawIO: CliIO, env: Record<string, string | undefined> = process.env): Promise<number> {
  const started = startFolderCommand(NAME, args, OPTIONS, DEPLOY_USAGE, rawIO, env);
  if (typeof started === 'number') return started;
  const { api, io, parsed, format, folderPath } = started;
  const yes = flag(parsed, 'yes') === 'true';
  try {
    const folder = await readConnectionFolder(nodeFs, folderPath);
    const result = await deployConnection(api, folder, {
      withConnectionJson: flag(parsed, 'with-connection-json') === 'true',
      secrets: environmentSecrets(env), secretsFrom: 'environment',
      validate: engineValidator(cliEngine()),
      confirm: yes ? () => true : undefined,
    });
    if (format === 'json') printJson(io, result, api.host);
    else printText(io, result, api.host, yes);
    return exitCode(result);
  } catch (error) {
    if (error instanceof Error && !(error.name === 'EicProblemError')) {
      if (/does not exist|is not a folder/.test(error.message)) { io.err(`deploy: ${error.message}`); return 2; }
    }
    return reportProblem(NAME, io, error, format);
  }
}
