/**
 * "▶ Run <call>" and "Preview request": show the exact request (token masked); for Run, confirm
 * calls that change data with a modal, send it with VS Code's fetch, and show status, time,
 * headers, the JSON answer and what the call's response paths pick out, in a read-only editor.
 */
import * as vscode from 'vscode';
import { HttpProblemError, describeRequest, redact, sendRequest, type HttpProblem, type HttpResponse, type PickedPath } from '../../../server/src/core/runner';
import type { ClientContext } from '../clientContext';
import { noTokenMessage } from './environment';
import { isPrepared, prepareCall, type PreparedCall } from './preparedCall';
import { withCancellableProgress } from './progress';
import { confirmationDetail, formatRequest } from './requestView';
import { formatResponseDocument, pickedFor, statusLine } from './responseView';
import { actionsForProblem, notify, refusalFor, setTokenAction, type CallCommandArgs, type CommandResult } from './results';
import { refuseWhenRestricted } from './trust';
import { withHostHint } from './hostHints';

export interface RequestSummary { method: string; url: string; headers: Record<string, string>; body?: string }

export interface RunCallResult extends CommandResult {
  call?: { name: string; attribute: string; uri: string };
  /** The request as shown and sent, token masked. */
  request?: RequestSummary;
  /** The request as text (what Preview request shows). */
  requestText?: string;
  /** The read-only document with the request (preview) or the response (run). */
  documentUri?: string;
  missing?: string[];
  status?: number;
  statusText?: string;
  timeMs?: number;
  picked?: PickedPath[];
  rateLimit?: HttpResponse['rateLimit'];
}

function summary(prepared: PreparedCall): Pick<RunCallResult, 'call' | 'request' | 'requestText'> {
  const r = prepared.request;
  const rebasedFrom = prepared.baseUrl ? prepared.call.url.trim() : undefined;
  return {
    call: { name: prepared.call.name, attribute: prepared.call.attribute, uri: prepared.uri.toString() },
    request: { method: r.eicMethod, url: r.url, headers: r.headers, body: r.body },
    requestText: formatRequest(r, { rebasedFrom, notes: prepared.notes, defaultVersion: prepared.env.settings.defaultVersion }, prepared.env.token),
  };
}

/**
 * Preview request: the request as it would leave, in a read-only document. Sends nothing, so it
 * works in Restricted Mode too (the preview then says that sending is off).
 */
export async function previewRequest(ctx: ClientContext, args: CallCommandArgs = {}): Promise<RunCallResult> {
  const prepared = await prepareCall(ctx, args);
  if (!isPrepared(prepared)) { notify('warning', prepared.message, args.silent); return prepared; }
  if (!vscode.workspace.isTrusted) prepared.notes.push('Restricted Mode: this request can be previewed here, but no call is sent until you trust the workspace.');
  const view = summary(prepared);
  const uri = ctx.documents.put('request', prepared.call.name, 'http', view.requestText!);
  if (!args.silent) await ctx.documents.show(uri, 'plaintext');
  return { ok: true, message: `Preview of ${describeRequest(prepared.request)}`, ...view, documentUri: uri.toString(), missing: prepared.request.missing };
}

type CallView = ReturnType<typeof summary>;

/** Why a prepared call cannot be sent (no token, missing values, a malformed request), or undefined. */
function refusalOf(prepared: PreparedCall, view: CallView, silent: boolean | undefined): RunCallResult | undefined {
  const { request, env, call } = prepared;
  if (request.missing.includes('access_token')) {
    const message = noTokenMessage(env, `Cannot run ${call.name}`);
    notify('warning', message, silent, setTokenAction);
    return { ok: false, refused: 'no-token', message, ...view, missing: request.missing };
  }
  if (request.missing.length) {
    const message = `Cannot run ${call.name}: no value for ${request.missing.map(m => `\${${m}}`).join(', ')}. Add ${request.missing.length === 1 ? 'it' : 'them'} to the sample identity file (${prepared.sample.relativePath}) or type ${request.missing.length === 1 ? 'it' : 'them'} when asked.`;
    notify('warning', message, silent);
    return { ok: false, refused: 'missing-variables', message, ...view, missing: request.missing };
  }
  if (request.problems.length) {
    const message = `Cannot run ${call.name}: ${request.problems.map(p => p.message).join(' ')}`;
    notify('error', message, silent);
    return { ok: false, refused: 'request-problem', message, ...view };
  }
  return undefined;
}

/** True when the call may be sent: it changes nothing, or it was confirmed (argument or modal). */
async function confirmed(ctx: ClientContext, prepared: PreparedCall, args: CallCommandArgs): Promise<boolean> {
  const { request, env } = prepared;
  if (!request.requiresConfirmation) return true;
  let yes = args.confirm === true;
  if (args.confirm === undefined && !args.silent) {
    const choice = await vscode.window.showWarningMessage(
      `${request.eicMethod} changes data in the target. Send it?`,
      { modal: true, detail: confirmationDetail(request, env.token) },
      'Send',
    );
    yes = choice === 'Send';
  }
  if (!yes) ctx.log.info(redact(`${describeRequest(request)}: not confirmed, nothing sent.`, env.token));
  return yes;
}

/** Sends the request under a cancellable progress notification; an HTTP problem comes back as the problem. */
async function send(ctx: ClientContext, prepared: PreparedCall, silent: boolean | undefined): Promise<HttpResponse | HttpProblem> {
  const { request, env, call } = prepared;
  ctx.log.info(redact(`Sending ${describeRequest(request)} (${call.name})`, env.token));
  try {
    return await withCancellableProgress(`${call.name}: ${request.eicMethod} ${request.url}`, silent, (report, signal) =>
      sendRequest(request, {
        ...env.send, signal, confirmed: request.requiresConfirmation,
        onProgress: e => {
          if (e.type === 'rate-limit-wait') report(e.message);
          else if (e.type === 'retry') report(`Retrying in ${Math.round(e.waitMs / 100) / 10} s: ${e.reason}`);
          else if (e.type === 'request' && e.attempt > 1) report(`Attempt ${e.attempt}…`);
        },
      }));
  } catch (e) {
    if (!(e instanceof HttpProblemError)) throw e;
    const problem = withHostHint({ ...e.problem, message: redact(e.problem.message, env.token) }, env.settings);
    ctx.log.warn(redact(`${describeRequest(request)}: ${problem.message}`, env.token));
    ctx.lastCall.report(problem.kind === 'refused' ? 'refused' : problem.kind, describeRequest(request), true);
    return problem;
  }
}

/** Shows the response in a read-only document and returns the command's result. */
async function showResponse(ctx: ClientContext, prepared: PreparedCall, view: CallView, response: HttpResponse, silent: boolean | undefined): Promise<RunCallResult> {
  const { request, call, env } = prepared;
  const picked = pickedFor(call, response);
  const text = formatResponseDocument({ call, response, picked, notes: prepared.notes, token: env.token });
  const documentUri = ctx.documents.put('response', `${call.name} ${response.status}`, 'json', text);
  const line = statusLine(response);
  ctx.log.info(redact(`${describeRequest(request)} → ${line}`, env.token));
  ctx.lastCall.report(line, describeRequest(request), !response.ok, documentUri);
  if (!silent) await ctx.documents.show(documentUri, 'json');
  if (response.problem) notify('error', response.problem.message, silent, ...actionsForProblem(response.problem));
  return {
    ok: response.ok,
    message: response.problem ? response.problem.message : `${call.name}: ${line}`,
    problem: response.problem,
    ...view,
    documentUri: documentUri.toString(),
    status: response.status,
    statusText: response.statusText,
    timeMs: response.timeMs,
    picked,
    rateLimit: response.rateLimit,
  };
}

/** Run call: prepare, confirm (modal) when it changes data, send, show the response. */
export async function runCall(ctx: ClientContext, args: CallCommandArgs = {}): Promise<RunCallResult> {
  const restricted = refuseWhenRestricted('Run call', args.silent);
  if (restricted) return restricted;
  const prepared = await prepareCall(ctx, args);
  if (!isPrepared(prepared)) { notify('warning', prepared.message, args.silent); return prepared; }
  const view = summary(prepared);
  const refused = refusalOf(prepared, view, args.silent);
  if (refused) return refused;
  if (!await confirmed(ctx, prepared, args)) {
    const message = `Not sent: ${prepared.request.eicMethod} ${prepared.call.name} changes data and was not confirmed.`;
    return { ok: false, refused: 'not-confirmed', message, ...view };
  }
  const outcome = await send(ctx, prepared, args.silent);
  if ('kind' in outcome) {
    notify(outcome.kind === 'cancelled' ? 'info' : 'error', outcome.message, args.silent, ...actionsForProblem(outcome));
    return { ok: false, refused: refusalFor(outcome), message: outcome.message, problem: outcome, ...view };
  }
  return showResponse(ctx, prepared, view, outcome, args.silent);
}
