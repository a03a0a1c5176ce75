/**
 * Run EIC Import Job…: runJobTrigger with the job, trigger and group of the settings
 * (saviyntRest.eic.importJob.*; the trigger is asked for when not set), then follows the job with
 * progress until it ends. Cancel stops following; the job keeps running on the tenant.
 */
import * as vscode from 'vscode';
import { runJobAndWait, type JobOutcome, type JobSpec } from '../../../server/src/core/eic';
import type { ClientContext } from '../clientContext';
import { notify, openSettingsAction } from '../calls/results';
import type { EicCommandResult } from './eicEnvironment';
import { withTenant } from './tenantTask';
import { eicSettingId } from './eicSettings';

export interface JobArgs {
  jobName?: string;
  triggerName?: string;
  jobGroup?: string;
  /** Seconds between status calls (default 5). */
  pollSeconds?: number;
  silent?: boolean;
}

export interface JobCommandResult extends EicCommandResult {
  job?: JobSpec;
  outcome?: JobOutcome;
  lastStatus?: string;
  result?: string;
  polls?: number;
}

export async function runEicImportJob(ctx: ClientContext, args: JobArgs = {}): Promise<JobCommandResult | EicCommandResult> {
  return withTenant<JobCommandResult>(ctx, 'Run EIC Import Job', 'EIC import job', { silent: args.silent }, async (env, report, signal) => {
    const redact = env.redact;
    const job: JobSpec = {
      jobName: args.jobName ?? env.settings.job.jobName,
      triggerName: args.triggerName ?? env.settings.job.triggerName,
      jobGroup: args.jobGroup ?? env.settings.job.jobGroup,
    };
    if (!job.triggerName && !args.silent) {
      job.triggerName = (await vscode.window.showInputBox({
        title: `Trigger of ${job.jobName} (${job.jobGroup})`, ignoreFocusOut: true,
        prompt: 'The trigger\'s name as EIC\'s Job Control Panel shows it; set saviyntRest.eic.importJob.triggerName to skip this question.',
      }))?.trim() ?? '';
    }
    if (!job.jobName || !job.triggerName || !job.jobGroup) {
      const message = `Run EIC Import Job: the job needs a job name, a trigger and a group (settings ${eicSettingId('jobName')}, ${eicSettingId('triggerName')}, ${eicSettingId('jobGroup')}).`;
      notify('warning', message, args.silent, openSettingsAction(eicSettingId('triggerName')));
      return { ok: false, refused: 'no-trigger', message, job };
    }
    report(`starting ${job.jobName} (${job.triggerName})`);
    const r = await runJobAndWait(env.api, job, {
      signal, pollIntervalMs: Math.max(0.05, args.pollSeconds ?? 5) * 1000,
      onProgress: e => report(e.type === 'started' ? `${job.jobName}: ${e.msg ?? 'started'}` : `${job.jobName}: ${e.status} (${Math.round(e.elapsedMs / 1000)} s)`),
    });
    const message = redact(r.message);
    ctx.log.info(`EIC job: ${message}`);
    notify(r.outcome === 'completed' ? 'info' : r.outcome === 'failed' ? 'error' : 'warning', message, args.silent);
    return { ok: r.outcome === 'completed', refused: r.outcome === 'cancelled' ? 'cancelled' : undefined, message, job, outcome: r.outcome,
      lastStatus: r.lastStatus, result: r.metadata?.result && redact(r.metadata.result), polls: r.polls };
  });
}
