/**
 * The part "Run call" and "Preview request" share: find the call, resolve its `${…}` bindings from
 * the sample identity file, the caller's values and (unless silent) input boxes, point it at the
 * configured base URL when it targets an Intercom host, and put the token in its secret slot.
 */
import type * as vscode from 'vscode';
import { prepareRequest, type PreparedRequest } from '../../../server/src/core/runner';
import type { CallDescription } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { resolveCallTarget } from './callTarget';
import { baseUrlFor, callEnvironment, type CallEnvironment } from './environment';
import type { CallCommandArgs, CommandResult } from './results';
import { mergeVariables, offerToSave, promptForValues, promptable, readSampleIdentity, type SampleIdentity } from './variables';

export interface PreparedCall {
  uri: vscode.Uri;
  call: CallDescription;
  env: CallEnvironment;
  sample: SampleIdentity;
  variables: Record<string, unknown>;
  /** The base URL the call was rebased onto, if any. */
  baseUrl?: string;
  request: PreparedRequest;
  /** Notes for the request view (sample file problems …). */
  notes: string[];
}

/** Prepares the call named by args; a CommandResult when there is nothing to prepare or the user cancelled. */
export async function prepareCall(ctx: ClientContext, args: CallCommandArgs): Promise<PreparedCall | CommandResult> {
  const target = await resolveCallTarget(ctx, args);
  if (typeof target === 'string') return { ok: false, refused: 'no-call', message: target };
  const { uri, call } = target;
  const env = await callEnvironment(ctx, uri);
  const sample = await readSampleIdentity(uri, env.settings.sampleIdentityFile);
  const notes: string[] = sample.problem ? [sample.problem] : [];
  let variables = mergeVariables(sample.values, args.variables);
  const baseUrl = baseUrlFor(call.url, env);
  let request = prepareRequest(call, variables, { token: env.token, baseUrl });
  const ask = promptable(request.missing);
  if (ask.length && !args.silent) {
    const answers = await promptForValues(ask, call.name);
    if (!answers) return { ok: false, refused: 'cancelled', message: `Stopped: no value was given for \${${ask[0]}}.` };
    variables = mergeVariables(variables, answers);
    request = prepareRequest(call, variables, { token: env.token, baseUrl });
    offerToSave(sample, answers, ctx.log);
  }
  return { uri, call, env, sample, variables, baseUrl, request, notes };
}

export function isPrepared(value: PreparedCall | CommandResult): value is PreparedCall {
  return 'request' in value && 'call' in value;
}
