/**
 * "▶ Run <call>" and "Preview request": show the exact request (token masked); for Run, confirm
 * calls that change data with a modal, send it with VS Code's fetch, and show status, time,
 * headers, the JSON answer and what the call's response paths pick out, in a read-only editor.
 */
import * as vscode from 'vscode';
import { HttpProblemError, describeRequest, redact, sendRequest, type HttpResponse, type PickedPath } from '../../../server/src/core/runner';
import type { ClientContext } from '../clientContext';
import { noTokenMessage } from './environment';
import { reportLastCall } from './lastCallStatus';
import { isPrepared, prepareCall, type PreparedCall } from './preparedCall';
import { withCancellableProgress } from './progress';
import { putReadOnly, showReadOnly } from './readOnlyDocuments';
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
    requestText: formatRequest(r, { rebasedFrom, notes: prepared.notes }, prepared.env.token),
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
  const uri = putReadOnly('request', prepared.call.name, 'http', view.requestText!);
  if (!args.silent) await showReadOnly(uri, 'plaintext');
  return { ok: true, message: `Preview of ${describeRequest(prepared.request)}`, ...view, documentUri: uri.toString(), missing: prepared.request.missing };
}

/** Run call: prepare, confirm (modal) when it changes data, send, show the response. */
export async function runCall(ctx: ClientContext, args: CallCommandArgs = {}): Promise<RunCallResult> {
  const refused = refuseWhenRestricted('Run call', args.silent);
  if (refused) return refused;
  const prepared = await prepareCall(ctx, args);
  if (!isPrepared(prepared)) { notify('warning', prepared.message, args.silent); return prepared; }
  const { request, env, call } = prepared;
  const view = summary(prepared);
  const token = env.token;

  if (request.missing.includes('access_token')) {
    const message = noTokenMessage(env, `Cannot run ${call.name}`);
    notify('warning', message, args.silent, setTokenAction);
    return { ok: false, refused: 'no-token', message, ...view, missing: request.missing };
  }
  if (request.missing.length) {
    const message = `Cannot run ${call.name}: no value for ${request.missing.map(m => `\${${m}}`).join(', ')}. Add ${request.missing.length === 1 ? 'it' : 'them'} to the sample identity file (${prepared.sample.relativePath}) or type ${request.missing.length === 1 ? 'it' : 'them'} when asked.`;
    notify('warning', message, args.silent);
    return { ok: false, refused: 'missing-variables', message, ...view, missing: request.missing };
  }
  if (request.problems.length) {
    const message = `Cannot run ${call.name}: ${request.problems.map(p => p.message).join(' ')}`;
    notify('error', message, args.silent);
    return { ok: false, refused: 'request-problem', message, ...view };
  }
  if (request.requiresConfirmation) {
    let confirmed = args.confirm === true;
    if (args.confirm === undefined && !args.silent) {
      const choice = await vscode.window.showWarningMessage(
        `${request.eicMethod} changes data in the target. Send it?`,
        { modal: true, detail: confirmationDetail(request, token) },
        'Send',
      );
      confirmed = choice === 'Send';
    }
    if (!confirmed) {
      const message = `Not sent: ${request.eicMethod} ${call.name} changes data and was not confirmed.`;
      ctx.log.info(redact(`${describeRequest(request)}: not confirmed, nothing sent.`, token));
      return { ok: false, refused: 'not-confirmed', message, ...view };
    }
  }

  ctx.log.info(redact(`Sending ${describeRequest(request)} (${call.name})`, token));
  let response: HttpResponse;
  try {
    response = await withCancellableProgress(`${call.name}: ${request.eicMethod} ${request.url}`, args.silent, (report, signal) =>
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
    const problem = withHostHint({ ...e.problem, message: redact(e.problem.message, token) }, env.settings);
    ctx.log.warn(redact(`${describeRequest(request)}: ${problem.message}`, token));
    reportLastCall(problem.kind === 'refused' ? 'refused' : problem.kind, describeRequest(request), true);
    notify(problem.kind === 'cancelled' ? 'info' : 'error', problem.message, args.silent, ...actionsForProblem(problem));
    return { ok: false, refused: refusalFor(problem), message: problem.message, problem, ...view };
  }

  const picked = pickedFor(call, response);
  const text = formatResponseDocument({ call, response, picked, notes: prepared.notes, token });
  const documentUri = putReadOnly('response', `${call.name} ${response.status}`, 'json', text);
  const line = statusLine(response);
  ctx.log.info(redact(`${describeRequest(request)} → ${line}`, token));
  reportLastCall(line, describeRequest(request), !response.ok, documentUri);
  if (!args.silent) await showReadOnly(documentUri, 'json');
  if (response.problem) notify('error', response.problem.message, args.silent, ...actionsForProblem(response.problem));
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
