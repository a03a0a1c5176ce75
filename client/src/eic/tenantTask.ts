/**
 * The frame of every tenant command: a cancellable progress notification, the environment (or its
 * refusal: Restricted Mode, no tenant, no credentials), progress lines for retries, and a problem of
 * the tenant turned into a message with its fixing action and a result.
 */
import type * as vscode from 'vscode';
import type { ClientContext } from '../clientContext';
import { withCancellableProgress, type ReportProgress } from '../calls/progress';
import { eicEnvironment, isRefusal, type EicCommandResult, type EicEnvironment } from './eicEnvironment';
import { reportEicProblem } from './eicProblemUi';

export async function withTenant<R extends EicCommandResult>(ctx: ClientContext, what: string, progressTitle: string,
  options: { silent?: boolean; scope?: vscode.Uri },
  body: (env: EicEnvironment, report: ReportProgress, signal: AbortSignal) => Promise<R | EicCommandResult>): Promise<R | EicCommandResult> {
  let redact = (t: string) => t;
  try {
    return await withCancellableProgress(progressTitle, options.silent, async (report, signal) => {
      const env = await eicEnvironment(ctx, what, options.silent, options.scope, { signal, onProgress: e => { if (e.type === 'retry') report(e.reason); } });
      if (isRefusal(env)) return env;
      redact = env.redact;
      return body(env, report, signal);
    });
  } catch (e) {
    return reportEicProblem(ctx, what, e, options.silent, redact);
  }
}
