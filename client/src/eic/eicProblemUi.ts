/** Showing an EIC problem: the message with the action that fixes it, logged (masked). */
import { EicProblemError, type EicProblem } from '../../../server/src/core/eic';
import type { ClientContext } from '../clientContext';
import { notify, openSettingsAction } from '../calls/results';
import { setEicCredentialsAction, type EicCommandResult } from './eicEnvironment';
import { eicSettingId } from './eicSettings';

export function eicProblemActions(problem: EicProblem): { title: string; run(): unknown }[] {
  switch (problem.kind) {
    case 'login-failed':
    case 'unauthorized': return [setEicCredentialsAction];
    case 'html-page':
    case 'redirect':
    case 'refused': return [openSettingsAction(eicSettingId('url'))];
    case 'timeout': return [openSettingsAction('saviyntRest.http.timeoutSeconds')];
    case 'unknown-attribute': return [openSettingsAction(eicSettingId('version'))];
    default: return [];
  }
}

/** Turns an EicProblemError into a shown message and a result; rethrows anything else. */
export function reportEicProblem(ctx: ClientContext, what: string, error: unknown, silent: boolean | undefined, redact: (t: string) => string): EicCommandResult {
  if (!(error instanceof EicProblemError)) throw error;
  const problem: EicProblem = { ...error.problem, message: redact(error.problem.message), eicMessage: error.problem.eicMessage && redact(error.problem.eicMessage) };
  if (problem.kind === 'cancelled') return { ok: false, refused: 'cancelled', message: problem.message, problem };
  ctx.log.warn(`${what}: ${problem.message}`);
  notify('error', `${what}: ${problem.message}`, silent, ...eicProblemActions(problem));
  return { ok: false, message: problem.message, problem };
}

/** Opens the output channel from a message button. */
export function showOutputAction(ctx: ClientContext) {
  return { title: 'Show Output', run: () => ctx.log.show() };
}

