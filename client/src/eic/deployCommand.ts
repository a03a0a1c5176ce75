/**
 * Deploy Connection to EIC…: the packaging check (errors stop it, with "Deploy Anyway"), the
 * comparison in the diff editor, a modal confirmation listing what will change, then the save
 * (testConnection) and EIC's own connection test. ConnectionJSON is sent only when asked (and
 * always for a connection the tenant does not have yet), with the Intercom access token from
 * secret storage (other credentials are asked for, never stored). Afterwards it offers the import job.
 */
import * as vscode from 'vscode';
import { CheckFilesRequest, Commands, type CheckFilesResult } from '../../../common/src/protocol';
import { deployConnection, planLines, type DeployPlan, type DeployResult, type SecretSource } from '../../../server/src/core/eic';
import { SecretToken } from '../../../server/src/core/runner';
import type { PackageValidator } from '../../../server/src/core/transport/packageValidator';
import type { ClientContext } from '../clientContext';
import { notify } from '../calls/results';
import { refuseWhenRestricted } from '../calls/trust';
import { readSettings } from '../settings';
import { showComparison } from './comparisonView';
import type { EicCommandResult, EicEnvironment } from './eicEnvironment';
import { dirtyDocuments, readFolder, resolveConnectionFolder } from './eicFolder';
import { showOutputAction } from './eicProblemUi';
import { withTenant } from './tenantTask';

export interface DeployArgs {
  folder?: string | vscode.Uri;
  /** Send the folder's ConnectionJSON (default: only for a new connection, else as chosen in the dialog). */
  withConnectionJson?: boolean;
  /** true: confirmed (silent runs need it); false: declined. Default: ask (modal). */
  confirm?: boolean;
  /** Deploy although the check reports errors (like "Deploy Anyway"). */
  allowErrors?: boolean;
  /** Run the import job after a successful deploy. */
  runJob?: boolean;
  /** Seconds between job status calls (for runJob). */
  pollSeconds?: number;
  silent?: boolean;
}

export interface DeployCommandResult extends EicCommandResult {
  stage?: DeployResult['stage'];
  connectionName?: string;
  tenant?: string;
  exists?: boolean;
  changes?: string[];
  clears?: string[];
  connectionJson?: 'keep' | 'send';
  /** The confirmation shown (or that would have been shown). */
  confirmation?: string;
  testPassed?: boolean;
  connectionStatus?: string;
  testErrors?: string[];
  eicMessage?: string;
  /** The tenant differs from the folder after the save. */
  differsAfterSave?: boolean;
  checkMessages?: string[];
  refusals?: string[];
  warnings?: string[];
  job?: EicCommandResult;
}

function confirmationText(plan: DeployPlan, host: string): { message: string; detail: string } {
  return {
    message: `${plan.exists ? 'Update' : 'Create'} the connection "${plan.connectionName}" on the EIC tenant ${host}?`,
    detail: [...planLines(plan), '', 'EIC saves the connection and runs its connection test at once (a call from EIC to the target).'].join('\n'),
  };
}

/** Credentials for ConnectionJSON: the stored Intercom token; anything else is asked for (never stored). */
function editorSecrets(ctx: ClientContext, silent: boolean | undefined): SecretSource {
  return async slot => {
    if (slot.kind === 'access-token') {
      const stored = await ctx.tokens.get(readSettings().region);
      if (stored) { try { return new SecretToken(stored); } catch { /* unusable: ask */ } }
    }
    if (silent) return undefined;
    const value = await vscode.window.showInputBox({
      title: `ConnectionJSON: ${slot.jsonPath}`, password: true, ignoreFocusOut: true,
      prompt: `The ${slot.kind === 'access-token' ? 'access token' : slot.kind} for line ${slot.line} of ConnectionJSON. Sent only to the EIC tenant; not stored.`,
    });
    return value ? new SecretToken(value, { verbatim: slot.kind !== 'access-token' }) : undefined;
  };
}

function resultOf(r: DeployResult, env: EicEnvironment, message: string, ok: boolean): DeployCommandResult {
  const plan = r.plan;
  return {
    ok, message: env.redact(message), stage: r.stage, connectionName: r.connectionName, tenant: env.address.host, exists: plan?.exists,
    changes: plan?.changes, clears: plan?.clears, connectionJson: plan?.connectionJson,
    testPassed: r.save?.testPassed, connectionStatus: r.save?.connectionStatus, testErrors: r.save?.errors.map(env.redact), eicMessage: r.save?.msg,
    differsAfterSave: r.verification?.differs, checkMessages: r.checkMessages, refusals: r.refusals.map(env.redact), warnings: r.warnings.map(env.redact),
  };
}

/** Unsaved files of the folder: saved, or deployed from disk, as the user chooses; false when cancelled. */
async function settleDirtyFiles(folderUri: vscode.Uri, silent: boolean | undefined): Promise<boolean> {
  const dirty = dirtyDocuments(folderUri);
  if (!dirty.length || silent) return true;
  const choice = await vscode.window.showWarningMessage(`${dirty.length} file(s) of this connection have unsaved changes. The deploy sends the files on disk.`,
    { modal: true }, 'Save All and Deploy', 'Deploy Saved Files');
  if (!choice) return false;
  if (choice === 'Save All and Deploy') await Promise.all(dirty.map(d => d.save()));
  return true;
}

/** One deploy in progress: the folder, the tenant and the options the user has chosen so far. */
interface DeployRun {
  ctx: ClientContext;
  args: DeployArgs;
  env: EicEnvironment;
  folderUri: vscode.Uri;
  folder: Awaited<ReturnType<typeof readFolder>>;
  base: { validate: PackageValidator; version: EicEnvironment['settings']['version']; secrets: SecretSource; secretsFrom: 'editor' };
  allowErrors: boolean;
  withConnectionJson: boolean;
}

const previewOf = (run: DeployRun, extra: { confirm?: (p: DeployPlan) => boolean } = {}) =>
  deployConnection(run.env.api, run.folder, { ...run.base, allowErrors: run.allowErrors, withConnectionJson: run.withConnectionJson, ...extra });

/** The dry run: the check (errors stop it unless "Deploy Anyway"), and ConnectionJSON for a new connection. */
async function planDeployment(run: DeployRun): Promise<DeployResult | DeployCommandResult> {
  const { ctx, args, env, folder } = run;
  let preview = await previewOf(run);
  if (preview.stage === 'check-errors' && !args.silent) {
    ctx.log.warn(`Deploy of ${folder.path} stopped by the check:\n${preview.checkMessages.join('\n')}`);
    const choice = await vscode.window.showErrorMessage(`The connection was not deployed: ${preview.checkMessages[0] ?? preview.refusals[0]}`
      + `${preview.checkErrors > 1 ? ` (and ${preview.checkErrors - 1} more; see the Problems panel)` : ''}`, 'Deploy Anyway', 'Show Problems');
    if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    if (choice !== 'Deploy Anyway') return { ...resultOf(preview, env, 'Not deployed: the check found errors.', false), refused: 'check-errors' };
    run.allowErrors = true;
    preview = await previewOf(run);
  }
  // A connection the tenant does not have needs its ConnectionJSON: send it unless told not to.
  if (preview.plan && !preview.plan.exists && !run.withConnectionJson && args.withConnectionJson !== false) {
    run.withConnectionJson = true;
    preview = await previewOf(run);
  }
  return preview;
}

/** A dry run that ends the deploy: refused by the check or the plan, or already up to date. */
function stoppedBefore(run: DeployRun, preview: DeployResult): DeployCommandResult | undefined {
  const { ctx, args, env, folder, folderUri } = run;
  if (preview.stage === 'check-errors' || preview.stage === 'refused') {
    const message = `"${folder.name}" was not deployed: ${preview.refusals.join(' ')}`;
    notify('error', message, args.silent, showOutputAction(ctx));
    ctx.log.warn(env.redact(message));
    return { ...resultOf(preview, env, message, false), refused: preview.stage === 'check-errors' ? 'check-errors' : 'refused' };
  }
  if (preview.stage !== 'up-to-date') return undefined;
  const message = `Up to date: the tenant ${env.address.host} already has "${folder.name}" as the folder has it; nothing was sent.`;
  if (!args.silent) {
    void vscode.window.showInformationMessage(message, 'Replace ConnectionJSON…').then(choice => {
      if (choice) void vscode.commands.executeCommand(Commands.deployToEic, { folder: folderUri, withConnectionJson: true });
    });
  }
  return resultOf(preview, env, message, true);
}

/** The comparison, then the modal confirmation (which may add ConnectionJSON); true when confirmed. */
async function confirmDeployment(run: DeployRun, preview: DeployResult, text: { message: string; detail: string }): Promise<boolean> {
  const { ctx, args, env, folderUri } = run;
  const plan = preview.plan!;
  if (!args.silent && preview.comparison) await showComparison(ctx.documents, preview.comparison, folderUri, env.address.host);
  if (args.confirm !== undefined || args.silent) return args.confirm === true;
  const buttons = plan.exists && plan.connectionJson === 'keep' ? ['Deploy', 'Deploy and Replace ConnectionJSON'] : ['Deploy'];
  const choice = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, ...buttons);
  if (choice === 'Deploy and Replace ConnectionJSON') run.withConnectionJson = true;
  return choice !== undefined;
}

export async function deployToEic(ctx: ClientContext, args: DeployArgs = {}): Promise<DeployCommandResult | EicCommandResult> {
  const restricted = refuseWhenRestricted('Deploy Connection to EIC', args.silent);
  if (restricted) return { ok: false, message: restricted.message, refused: 'restricted' };
  const folderUri = await resolveConnectionFolder(args.folder, args.silent, 'Deploy this connection folder');
  if (!folderUri) return { ok: false, refused: 'no-folder', message: 'No connection folder was chosen.' };
  if (!await settleDirtyFiles(folderUri, args.silent)) return { ok: false, refused: 'not-confirmed', message: 'Cancelled.' };
  const validate: PackageValidator = files => ctx.client.sendRequest<CheckFilesResult>(CheckFilesRequest, { files });
  return withTenant<DeployCommandResult>(ctx, 'Deploy Connection to EIC', 'Deploying to the EIC tenant', { silent: args.silent, scope: folderUri }, async (env, report) => {
    const run: DeployRun = {
      ctx, args, env, folderUri, folder: await readFolder(folderUri),
      base: { validate, version: env.settings.version, secrets: editorSecrets(ctx, args.silent), secretsFrom: 'editor' },
      allowErrors: args.allowErrors === true, withConnectionJson: args.withConnectionJson === true,
    };
    report('comparing with the tenant');
    const planned = await planDeployment(run);
    if ('ok' in planned) return planned;
    const stopped = stoppedBefore(run, planned);
    if (stopped) return stopped;
    const plan = planned.plan!;
    const text = confirmationText(plan, env.address.host);
    const confirmation = `${text.message}\n${text.detail}`;
    if (!await confirmDeployment(run, planned, text)) {
      return { ...resultOf(planned, env, 'Not deployed: not confirmed.', false), refused: 'not-confirmed', confirmation };
    }
    report(`saving "${run.folder.name}" (EIC runs its connection test)`);
    // What is saved must be what was confirmed: if the tenant changed meanwhile, nothing is sent.
    const same = (a: string[], b: string[]) => a.join('\n') === b.join('\n');
    const done = await previewOf(run, { confirm: p => same(p.changes, plan.changes) && same(p.clears, plan.clears) });
    if (done.stage === 'declined') {
      const message = `Nothing was deployed: the tenant's "${run.folder.name}" changed while you confirmed. Compare again, then deploy.`;
      notify('warning', message, args.silent);
      return { ...resultOf(done, env, message, false), refused: 'not-confirmed' };
    }
    return finishDeploy(ctx, args, env, done, confirmation, folderUri);
  });
}

async function finishDeploy(ctx: ClientContext, args: DeployArgs, env: EicEnvironment, r: DeployResult, confirmation: string,
  folder: vscode.Uri): Promise<DeployCommandResult> {
  if (r.stage !== 'saved') {
    const message = `"${r.connectionName}" was not deployed: ${r.refusals.join(' ') || r.stage}`;
    notify('error', message, args.silent);
    return { ...resultOf(r, env, message, false), refused: 'refused', confirmation };
  }
  const save = r.save!;
  const what = planLines(r.plan!).join('; ');
  ctx.log.info(env.redact(`Deployed "${r.connectionName}" to ${env.address.host} (key ${save.connectionKey ?? '?'}): ${what}. EIC said: ${save.connectionStatus ?? ''} ${save.msg ?? ''} ${save.errors.join('; ')}`));
  let message: string;
  if (save.testPassed === false) {
    message = `EIC saved "${r.connectionName}", but its connection test failed: ${save.msg ?? 'Connection Failed'}${save.errors.length ? ` — ${save.errors.join('; ')}` : ''}`;
    notify('warning', env.redact(message), args.silent, showOutputAction(ctx));
  } else {
    message = `Deployed "${r.connectionName}" to ${env.address.host}. EIC's connection test ${save.testPassed ? 'passed' : `gave no clear result (${save.msg ?? 'no message'})`}.`;
    if (!args.silent) {
      const buttons = env.settings.offerJobAfterDeploy && args.runJob === undefined ? ['Run Import Job', 'Compare'] : ['Compare'];
      void vscode.window.showInformationMessage(env.redact(message), ...buttons).then(choice => {
        if (choice === 'Run Import Job') void vscode.commands.executeCommand(Commands.runEicImportJob);
        if (choice === 'Compare') void vscode.commands.executeCommand(Commands.compareWithEic, { folder });
      });
    }
  }
  for (const w of r.warnings) notify('warning', env.redact(w), args.silent);
  const result = { ...resultOf(r, env, message, save.testPassed !== false), confirmation };
  if (args.runJob) result.job = await vscode.commands.executeCommand<EicCommandResult>(Commands.runEicImportJob, { silent: args.silent, pollSeconds: args.pollSeconds });
  return result;
}
