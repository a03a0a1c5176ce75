/**
 * Run Ticket Flow: after a modal confirmation, CreateTicketJSON's calls create the ticket (never
 * retried automatically), the id is read with ticketidPath, then TicketStatusJSON of the same
 * folder is polled the way EIC's WSRETRY job does until the value at ticketStatusPath is one of
 * ticketStatusValue, the ticket is gone (404: a terminal failure), or the user cancels.
 */
import * as vscode from 'vscode';
import {
  createTicket, pollTicketStatus, prepareRequest, readCallList, redact,
  type CreateTicketResult, type PollEvent, type PollOutcome, type PollResult, type PreparedRequest,
} from '../../../server/src/core/runner';
import type { ClientContext } from '../clientContext';
import { connectionFolderFor, readAttribute, urlsIn } from './connectionFiles';
import { callEnvironment, connectionBaseUrl, noTokenMessage, type CallEnvironment } from './environment';
import { withCancellableProgress } from './progress';
import { confirmationDetail } from './requestView';
import { actionsForProblem, notify, setTokenAction, type CallCommandArgs, type CommandResult } from './results';
import { refuseWhenRestricted } from './trust';
import { mergeVariables, offerToSave, promptForValues, promptable, readSampleIdentity } from './variables';
import { withHostHint } from './hostHints';

export interface TicketFlowArgs extends CallCommandArgs {
  /** Milliseconds between status polls (default 5000). */
  intervalMs?: number;
  /** Stop after this many polls (default 60). */
  maxPolls?: number;
}

export interface TicketFlowResult extends CommandResult {
  folder?: string;
  ticketID?: string;
  created?: { ok: boolean; message: string; calls: { name: string; url: string; status?: number; problem?: string }[]; notes: string[] };
  outcome?: PollOutcome;
  polls?: number;
  /** The last value found at ticketStatusPath. */
  value?: unknown;
  events?: PollEvent[];
  notes?: string[];
}

/** Prepares every call of a call-list attribute, to find missing values and problems before anything is sent. */
function prepareAll(text: string, variables: Record<string, unknown>, env: CallEnvironment, baseUrl: string | undefined): PreparedRequest[] {
  return readCallList(text).calls.map(c => prepareRequest(c.template, variables, { token: env.token, baseUrl }));
}

function createdSummary(created: CreateTicketResult, env: CallEnvironment): NonNullable<TicketFlowResult['created']> {
  return {
    ok: created.ok,
    message: redact(created.message, env.token),
    calls: created.calls.map(c => ({ name: c.name, url: c.request.url, status: c.response?.status, problem: c.problem?.message })),
    notes: created.notes,
  };
}

/** The two attribute files of the flow, read from the connection folder. */
interface FlowFiles {
  folder: string;
  folderName: string;
  create: { uri: vscode.Uri; text: string };
  status: { uri: vscode.Uri; text: string };
}

/** What the flow sends: the prepared create calls and the values they are filled with. */
interface FlowPlan { env: CallEnvironment; baseUrl?: string; variables: Record<string, unknown>; creates: PreparedRequest[] }

async function readFlowFiles(args: TicketFlowArgs): Promise<FlowFiles | TicketFlowResult> {
  const connection = await connectionFolderFor(args.uri);
  if (typeof connection === 'string') { notify('warning', connection, args.silent); return { ok: false, refused: 'no-file', message: connection }; }
  const folderName = vscode.workspace.asRelativePath(connection.folder);
  const create = await readAttribute(connection, 'CreateTicketJSON');
  const status = await readAttribute(connection, 'TicketStatusJSON');
  if (!create || !status) {
    const message = `${folderName} needs both CreateTicketJSON.json and TicketStatusJSON.json for the ticket flow (missing: ${[!create && 'CreateTicketJSON', !status && 'TicketStatusJSON'].filter(Boolean).join(', ')}).`;
    notify('warning', message, args.silent);
    return { ok: false, refused: 'no-file', message, folder: connection.folder.toString() };
  }
  return { folder: connection.folder.toString(), folderName, create, status };
}

/** Fills the calls with the sample identity and asked values; a refusal when a value is missing or a call is malformed. */
async function planFlow(ctx: ClientContext, files: FlowFiles, args: TicketFlowArgs): Promise<FlowPlan | TicketFlowResult> {
  const { folder, folderName, create, status } = files;
  const env = await callEnvironment(ctx, create.uri);
  if (!env.token && /access_token/.test(create.text + status.text)) {
    const message = noTokenMessage(env, 'Cannot run the ticket flow');
    notify('warning', message, args.silent, setTokenAction);
    return { ok: false, refused: 'no-token', message, folder };
  }
  const baseUrl = connectionBaseUrl([...urlsIn(create.text), ...urlsIn(status.text)], env);
  const sample = await readSampleIdentity(create.uri, env.settings.sampleIdentityFile);
  let variables = mergeVariables(sample.values, args.variables);
  let creates: PreparedRequest[] = [];
  let missing: string[] = [];
  const check = () => {
    creates = prepareAll(create.text, variables, env, baseUrl);
    const statuses = prepareAll(status.text, { ...variables, ticketID: variables.ticketID ?? '0' }, env, baseUrl);
    missing = [...new Set(promptable([...creates, ...statuses].flatMap(r => r.missing)))];
  };
  try { check(); } catch (e) {
    const message = `${folderName}: ${e instanceof Error ? e.message : String(e)}`;
    notify('error', message, args.silent);
    return { ok: false, refused: 'request-problem', message, folder };
  }
  if (missing.length && !args.silent) {
    const answers = await promptForValues(missing, 'Ticket flow');
    if (!answers) return { ok: false, refused: 'cancelled', message: 'Stopped: not every value was given.', folder };
    variables = mergeVariables(variables, answers);
    offerToSave(sample, answers, ctx.log);
    check();
  }
  if (missing.length) {
    const message = `Cannot run the ticket flow: no value for ${missing.map(m => `\${${m}}`).join(', ')} (sample identity file ${sample.relativePath}).`;
    notify('warning', message, args.silent);
    return { ok: false, refused: 'missing-variables', message, folder };
  }
  const problems = creates.flatMap(r => r.problems.map(p => p.message));
  if (problems.length) {
    const message = `Cannot run CreateTicketJSON: ${problems.join(' ')}`;
    notify('error', message, args.silent);
    return { ok: false, refused: 'request-problem', message, folder };
  }
  return { env, baseUrl, variables, creates };
}

/** True when creating the ticket is confirmed (argument or modal). */
async function confirmCreate(plan: FlowPlan, args: TicketFlowArgs): Promise<boolean> {
  if (args.confirm !== undefined || args.silent) return args.confirm === true;
  const choice = await vscode.window.showWarningMessage('Create a ticket in Intercom? The ticket flow sends CreateTicketJSON, then polls TicketStatusJSON until the ticket is done.',
    { modal: true, detail: plan.creates.map(r => confirmationDetail(r, plan.env.token)).join('\n\n———\n\n') }, 'Create Ticket');
  return choice === 'Create Ticket';
}

/** Creates the ticket, then polls its status, under one cancellable progress notification. */
async function sendFlow(ctx: ClientContext, files: FlowFiles, plan: FlowPlan, args: TicketFlowArgs) {
  const { env, baseUrl, variables } = plan;
  const events: PollEvent[] = [];
  let created: CreateTicketResult | undefined;
  let poll: PollResult | undefined;
  ctx.log.info(redact(`Ticket flow in ${files.folderName}: ${plan.creates.map(r => `${r.eicMethod} ${r.url}`).join(', ')}`, env.token));
  await withCancellableProgress(`Ticket flow: ${files.folderName}`, args.silent, async (report, signal) => {
    report('Creating the ticket…');
    created = await createTicket(files.create.text, variables, { token: env.token, baseUrl, send: { ...env.send, confirmed: true }, signal });
    if (!created.ok || created.ticketID === undefined) return;
    report(`Ticket ${created.ticketID} created; polling its status…`);
    poll = await pollTicketStatus(files.status.text, created.ticketID, {
      token: env.token, baseUrl, send: env.send, signal, variables,
      intervalMs: args.intervalMs ?? 5000, maxPolls: args.maxPolls ?? 60,
      onPoll: e => {
        events.push(e);
        const state = e.value === undefined ? '' : ` "${String(e.value)}"`;
        report(`Poll ${e.poll}:${state}${e.matched ? ' — done' : ''}${e.status !== undefined ? ` (HTTP ${e.status})` : ''}${e.message ? ` ${e.message}` : ''}`);
      },
    });
  });
  return { created: created!, poll, events };
}

/** The ticket was not created: say why, with the host hint and the fixing action. */
function creationFailed(ctx: ClientContext, files: FlowFiles, env: CallEnvironment, created: CreateTicketResult, silent: boolean | undefined): TicketFlowResult {
  const summary = createdSummary(created, env);
  const found = created.calls.find(c => c.problem)?.problem;
  const problem = found ? withHostHint(found, env.settings) : undefined;
  const hint = problem && found ? problem.message.slice(found.message.length) : '';
  const message = `The ticket was not created: ${summary.message}${hint}${summary.notes.length ? ` ${summary.notes.join(' ')}` : ''}`;
  ctx.log.warn(redact(message, env.token));
  ctx.lastCall.report('ticket not created', files.folderName, true);
  notify('error', message, silent, ...actionsForProblem(problem));
  return { ok: false, message, folder: files.folder, created: summary, problem, refused: problem?.kind === 'cancelled' ? 'cancelled' : undefined };
}

/** How the polling ended, as a message and the command's result. */
function pollOutcome(ctx: ClientContext, files: FlowFiles, env: CallEnvironment, created: CreateTicketResult, p: PollResult, events: PollEvent[], silent: boolean | undefined): TicketFlowResult {
  const summary = createdSummary(created, env);
  // The poll's own message names the ticket when it is about the ticket ("Ticket 655 reached …").
  const prefix = `Ticket ${created.ticketID}`;
  const message = redact(p.message.startsWith(prefix) ? p.message : `${prefix}: ${p.message}`, env.token);
  ctx.log.info(message);
  ctx.lastCall.report(`ticket ${p.outcome} after ${p.polls} poll${p.polls === 1 ? '' : 's'}`, files.folderName, p.outcome !== 'done');
  const kind = p.outcome === 'done' ? 'info' : p.outcome === 'stopped' ? 'info' : p.outcome === 'failed' || p.outcome === 'error' ? 'error' : 'warning';
  notify(kind, [message, ...p.notes].join(' '), silent, ...actionsForProblem(p.problem));
  return {
    ok: p.outcome === 'done',
    message,
    folder: files.folder,
    ticketID: created.ticketID,
    created: summary,
    outcome: p.outcome,
    polls: p.polls,
    value: p.value,
    events,
    notes: [...summary.notes, ...p.notes],
    problem: p.problem,
    refused: p.outcome === 'stopped' ? 'cancelled' : undefined,
  };
}

export async function runTicketFlow(ctx: ClientContext, args: TicketFlowArgs = {}): Promise<TicketFlowResult> {
  const refused = refuseWhenRestricted('Run Ticket Flow', args.silent);
  if (refused) return refused;
  const files = await readFlowFiles(args);
  if ('ok' in files) return files;
  const plan = await planFlow(ctx, files, args);
  if ('ok' in plan) return plan;
  if (!await confirmCreate(plan, args)) return { ok: false, refused: 'not-confirmed', message: 'Not sent: creating a ticket was not confirmed.', folder: files.folder };
  const { created, poll, events } = await sendFlow(ctx, files, plan, args);
  if (!created.ok || created.ticketID === undefined) return creationFailed(ctx, files, plan.env, created, args.silent);
  return pollOutcome(ctx, files, plan.env, created, poll!, events, args.silent);
}
