/**
 * Test Intercom Connection: `GET /me` with the configured Intercom-Version to the configured base
 * URL. Shows the workspace (app) name, its region and the admin who owns the token, and warns when
 * the host's region is not the workspace's (calls are then proxied, or fail on a regional host).
 */
import {
  HttpProblemError, describeRequest, prepareRequest, redact, sendRequest, type HttpProblem, type HttpResponse, type PreparedRequest,
} from '../../../server/src/core/runner';
import type { ClientContext } from '../clientContext';
import type { Region } from '../settings';
import { regionOfMeRegion } from '../../../server/src/core/intercom/regions';
import { callEnvironment, noTokenMessage, regionOfBase, type CallEnvironment } from './environment';
import { withCancellableProgress } from './progress';
import { statusLine } from './responseView';
import { actionsForProblem, notify, openSettingsAction, refusalFor, setTokenAction, toUri, type CallCommandArgs, type CommandResult } from './results';
import { refuseWhenRestricted } from './trust';
import { withHostHint } from './hostHints';

export interface TestConnectionResult extends CommandResult {
  /** The URL called (token-free). */
  url?: string;
  intercomVersion?: string;
  status?: number;
  timeMs?: number;
  workspace?: { name?: string; idCode?: string; region?: string; timezone?: string };
  admin?: { id?: string; name?: string; email?: string };
  /** The region the configured host serves (us/eu/au). */
  hostRegion?: Region;
  /** Set when the workspace lives in another region than the host. */
  regionWarning?: string;
  /** The API host the workspace's region uses. */
  suggestedBaseUrl?: string;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** What `GET /me` says: the workspace and the admin who owns the token, and whether the host serves its region. */
function readMe(response: HttpResponse, env: CallEnvironment): Pick<TestConnectionResult, 'workspace' | 'admin' | 'hostRegion' | 'regionWarning' | 'suggestedBaseUrl'> {
  const me = (response.json ?? {}) as Record<string, unknown>;
  const app = (me.app && typeof me.app === 'object' ? me.app : {}) as Record<string, unknown>;
  const workspace = { name: text(app.name), idCode: text(app.id_code), region: text(app.region), timezone: text(app.timezone) };
  const admin = { id: text(me.id), name: text(me.name), email: text(me.email) };
  const hostRegion = regionOfBase(env.apiBase, env.region);
  const appRegionInfo = workspace.region === undefined ? undefined : regionOfMeRegion(workspace.region);
  if (!appRegionInfo || appRegionInfo.id === hostRegion) return { workspace, admin, hostRegion };
  const appRegion = appRegionInfo.id;
  const suggestedBaseUrl = appRegionInfo.apiBaseUrl;
  const regionWarning = `The workspace "${workspace.name ?? workspace.idCode ?? '?'}" is hosted in the ${appRegion.toUpperCase()} region, but calls go to a ${hostRegion.toUpperCase()} host (${env.apiBase}). ` +
    (hostRegion === 'us' && !env.settings.baseUrl
      ? `api.intercom.io forwards such calls on a best-effort basis; call ${suggestedBaseUrl} directly: set saviyntRest.intercom.region to "${appRegion}" and use ${suggestedBaseUrl} in the connection's URLs.`
      : `A regional host only serves its own workspaces; use ${suggestedBaseUrl} (setting saviyntRest.intercom.region "${appRegion}").`);
  return { workspace, admin, hostRegion, regionWarning, suggestedBaseUrl };
}

/** Sends `GET /me`; an HTTP problem is logged, recorded as the last call and returned. */
async function sendMe(ctx: ClientContext, env: CallEnvironment, request: PreparedRequest, silent: boolean | undefined): Promise<HttpResponse | HttpProblem> {
  try {
    return await withCancellableProgress(`Testing the Intercom connection (${env.apiBase})`, silent, (report, signal) =>
      sendRequest(request, { ...env.send, signal, onProgress: e => { if (e.type === 'rate-limit-wait') report(e.message); } }));
  } catch (e) {
    if (!(e instanceof HttpProblemError)) throw e;
    const problem = withHostHint({ ...e.problem, message: redact(e.problem.message, env.token) }, env.settings);
    ctx.log.warn(redact(`Test Connection ${describeRequest(request)}: ${problem.message}`, env.token));
    ctx.lastCall.report(problem.kind, describeRequest(request), true);
    return problem;
  }
}

export async function testConnection(ctx: ClientContext, args: CallCommandArgs = {}): Promise<TestConnectionResult> {
  const refused = refuseWhenRestricted('Test Connection', args.silent);
  if (refused) return refused;
  const env = await callEnvironment(ctx, toUri(args.uri));
  if (!env.token) {
    const message = noTokenMessage(env, 'Cannot test the connection');
    notify('warning', message, args.silent, setTokenAction);
    return { ok: false, refused: 'no-token', message };
  }
  const version = env.settings.defaultVersion;
  const request = prepareRequest({
    name: 'Test Connection',
    method: 'GET',
    url: `${env.apiBase}/me`,
    headers: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': version },
  }, {}, { token: env.token });
  const base: TestConnectionResult = { ok: false, message: '', url: request.url, intercomVersion: version };
  if (request.problems.length) {
    const message = `The base URL "${env.apiBase}" is not usable: ${request.problems.map(p => p.message).join(' ')}`;
    notify('error', message, args.silent, openSettingsAction('saviyntRest.intercom.baseUrl'));
    return { ...base, refused: 'request-problem', message };
  }
  const response = await sendMe(ctx, env, request, args.silent);
  if ('kind' in response) {
    notify('error', response.message, args.silent, ...actionsForProblem(response));
    return { ...base, refused: refusalFor(response), message: response.message, problem: response };
  }
  const line = statusLine(response);
  ctx.log.info(redact(`Test Connection ${describeRequest(request)} → ${line}`, env.token));
  ctx.lastCall.report(line, describeRequest(request), !response.ok);
  if (!response.ok) {
    const message = response.problem?.message ?? `Intercom answered ${line}.`;
    notify('error', `Test Connection failed: ${message}`, args.silent, ...actionsForProblem(response.problem));
    return { ...base, message, problem: response.problem, status: response.status, timeMs: response.timeMs };
  }
  const me = readMe(response, env);
  const who = [me.admin!.name, me.admin!.email ? `<${me.admin!.email}>` : undefined].filter(Boolean).join(' ');
  const message = `Connected to Intercom workspace "${me.workspace!.name ?? '?'}" (${me.workspace!.region ?? 'region unknown'})${who ? ` as ${who}` : ''}, API ${version}, ${line}.`;
  notify('info', message, args.silent);
  if (me.regionWarning) notify('warning', me.regionWarning, args.silent, openSettingsAction('saviyntRest.intercom.region'));
  return { ...base, ok: true, message: redact(message, env.token), status: response.status, timeMs: response.timeMs, ...me };
}
