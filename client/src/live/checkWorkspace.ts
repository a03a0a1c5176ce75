/**
 * Saviynt REST: Check Against Intercom Workspace. The client holds the token (SecretStorage), so it
 * reads the workspace snapshot (read-only GETs through the engine's sendRequest: the same host
 * allow-list as every call, rate-limit waits, Cancel in the progress notification) and hands the
 * token-free snapshot to the language server, which publishes the `intercom-live-…` findings with
 * the other diagnostics and offers their quick fixes. Snapshots are cached per base URL and
 * Intercom-Version while the editor runs; a changed token, region or base URL drops them.
 * Nothing is sent unless the user runs the command or enables saviyntRest.live.checkOnSave, and
 * never in Restricted Mode.
 */
import * as vscode from 'vscode';
import {
  LivePlanRequest, LiveSnapshotRequest,
  type LivePlanResult, type LiveSnapshotResult,
} from '../../../common/src/protocol';
import { redact } from '../../../server/src/core/runner';
import { fetchWorkspaceSnapshot } from '../../../server/src/core/intercom/live/fetchSnapshot';
import type { WorkspaceSnapshot } from '../../../server/src/core/intercom/live/snapshot';
import type { ClientContext } from '../clientContext';
import { callEnvironment, noTokenMessage } from '../calls/environment';
import { withCancellableProgress } from '../calls/progress';
import { notify, openSettingsAction, setTokenAction, toUri, type CommandResult } from '../calls/results';
import { refuseWhenRestricted } from '../calls/trust';

export interface CheckWorkspaceArgs {
  /** A connection file (default: the active editor's). */
  uri?: string | vscode.Uri;
  /** No notifications or progress UI (tests, check on save). */
  silent?: boolean;
  /** Read the workspace again even if a snapshot is cached. */
  refresh?: boolean;
}

export interface CheckWorkspaceResult extends CommandResult {
  workspace?: WorkspaceSnapshot['workspace'];
  version?: string;
  /** True when the cached snapshot was used. */
  cached?: boolean;
  /** Reads left out (missing scope …). */
  unavailable?: WorkspaceSnapshot['unavailable'];
  files?: LiveSnapshotResult['files'];
  findingCount?: number;
}

const cache = new Map<string, WorkspaceSnapshot>();

/** Forgets cached snapshots and the server's live findings (token, region or base URL changed). */
export async function forgetLiveSnapshots(ctx: ClientContext): Promise<void> {
  cache.clear();
  try { await ctx.client.sendRequest(LiveSnapshotRequest, { snapshot: null }); } catch { /* the server is restarting */ }
}

export async function checkWorkspace(ctx: ClientContext, args: CheckWorkspaceArgs = {}): Promise<CheckWorkspaceResult> {
  const title = 'Check Against Intercom Workspace';
  const refused = refuseWhenRestricted(title, args.silent);
  if (refused) return refused;
  const uri = toUri(args.uri) ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    const message = `${title}: open a connection attribute file first (the check reads the folder it is in).`;
    notify('warning', message, args.silent);
    return { ok: false, refused: 'no-file', message };
  }
  const env = await callEnvironment(ctx, uri);
  if (!env.token) {
    const message = noTokenMessage(env, `${title} cannot read the workspace`);
    notify('warning', message, args.silent, setTokenAction);
    return { ok: false, refused: 'no-token', message };
  }
  const plan = await ctx.client.sendRequest(LivePlanRequest, { uri: uri.toString() }) as LivePlanResult;
  const key = `${env.apiBase} ${plan.version}`;
  let snapshot = args.refresh ? undefined : cache.get(key);
  const cached = snapshot !== undefined;
  if (!snapshot) {
    const result = await withCancellableProgress(`Reading the Intercom workspace (${env.apiBase})`, args.silent, (report, signal) =>
      fetchWorkspaceSnapshot({ baseUrl: env.apiBase, version: plan.version, token: env.token!, send: { ...env.send, signal }, onRead: path => report(`GET ${path}`) }));
    if (!result.ok) {
      const message = redact(result.problem.message, env.token);
      ctx.log.warn(message);
      const actions = result.problem.kind === 'unauthorized' ? [setTokenAction]
        : /allowedHosts/.test(message) ? [openSettingsAction('saviyntRest.http.allowedHosts')] : [];
      notify('error', message, args.silent, ...actions);
      return { ok: false, message, refused: result.problem.kind === 'cancelled' ? 'cancelled' : undefined, version: plan.version };
    }
    snapshot = result.snapshot;
    cache.set(key, snapshot);
  }
  const summary = await ctx.client.sendRequest(LiveSnapshotRequest, { snapshot, uri: uri.toString() }) as LiveSnapshotResult;
  const count = summary.files.reduce((n, f) => n + f.findings.length, 0);
  const files = summary.files.filter(f => f.findings.length).length;
  const name = snapshot.workspace.name ?? snapshot.workspace.idCode ?? 'the workspace';
  const skipped = snapshot.unavailable.length ? ` Not read: ${snapshot.unavailable.map(u => u.read).join(', ')} (see the output).` : '';
  for (const u of snapshot.unavailable) ctx.log.info(redact(`${title}: ${u.read} was not read: ${u.message}`, env.token));
  const message = count
    ? `Checked against the Intercom workspace "${name}" (${plan.version}): ${count} finding${count === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}, shown in the Problems view.${skipped}`
    : `Checked against the Intercom workspace "${name}" (${plan.version}): the connection matches it.${skipped}`;
  ctx.log.info(redact(message, env.token));
  notify(count ? 'warning' : 'info', message, args.silent);
  return {
    ok: true, message, workspace: snapshot.workspace, version: plan.version, cached, unavailable: snapshot.unavailable,
    files: summary.files, findingCount: count,
  };
}
