/**
 * `check … --live --base-url URL --token-env VAR [--allow-host HOST]…`: after the offline checks,
 * read the Intercom workspace (read-only GETs, core/intercom/live) once per Intercom-Version the
 * connections use, and add the `intercom-live-…` findings. The token comes from the environment,
 * goes only to Intercom's API hosts or the allowed hosts, and every line printed passes redact().
 */
import type { AttributeDocument, ConnectionView, Finding } from '../core/index';
import { SecretToken, TokenFormatError } from '../core/runner';
import { fetchWorkspaceSnapshot } from '../core/intercom/live/fetchSnapshot';
import { liveFindings, liveReadVersion } from '../core/intercom/live/liveFindings';
import { type WorkspaceSnapshot, workspaceLabel } from '../core/intercom/live/snapshot';
import { intercomCalls } from '../core/intercom/rules/model';
import { DEFAULT_INTERCOM_REGION } from '../core/intercom/regions';
import type { CliIO, ParsedArgs } from './io';
import { flag } from './io';

export const LIVE_VALUE_OPTIONS = ['base-url', 'token-env', 'allow-host'] as const;

export interface LiveOptions {
  token: SecretToken;
  /** Explicit --base-url; otherwise the Intercom host the connection's calls use. */
  baseUrl?: string;
  allowedHosts: string[];
}

/** The --live options, a usage message, or undefined when --live is not given. */
export function liveOptions(parsed: ParsedArgs): LiveOptions | string | undefined {
  const live = parsed.flags.has('live');
  const given = LIVE_VALUE_OPTIONS.filter(o => parsed.flags.has(o));
  if (!live) return given.length ? `${given.map(o => `--${o}`).join(', ')} only apply with --live (the live check against the Intercom workspace); add --live or drop ${given.length > 1 ? 'them' : 'it'}.` : undefined;
  const tokenEnv = flag(parsed, 'token-env');
  if (!tokenEnv) return '--live needs --token-env VAR: the environment variable that holds the Intercom access token.';
  const raw = process.env[tokenEnv];
  if (!raw) return `The environment variable ${tokenEnv} (--token-env) is not set or empty.`;
  let token: SecretToken;
  try { token = new SecretToken(raw); } catch (e) { return e instanceof TokenFormatError ? e.message : 'The access token cannot be used.'; }
  const baseUrl = flag(parsed, 'base-url');
  if (baseUrl !== undefined) {
    try { new URL(baseUrl); } catch { return `--base-url "${baseUrl}" is not an absolute URL.`; }
  }
  return { token, baseUrl, allowedHosts: parsed.flags.get('allow-host') ?? [] };
}

/** The Intercom API base the connection's calls use (the first one found), else the US host. */
function connectionBase(docs: readonly AttributeDocument[]): string {
  for (const doc of docs) for (const ic of intercomCalls(doc, {})) if (ic.call.role !== 'auth') return ic.region.apiBaseUrl;
  return DEFAULT_INTERCOM_REGION.apiBaseUrl;
}

function summary(s: WorkspaceSnapshot): string {
  const count = (n: number | undefined, what: string) => (n === undefined ? undefined : `${n} ${what}`);
  const parts = [count(s.ticketTypes?.length, 'ticket types'), count(s.teams?.length, 'teams'), count(s.tags?.length, 'tags'), count(s.admins?.length, 'admins'),
    count(s.dataAttributes?.contact?.filter(a => a.custom).length, 'contact custom attributes')].filter(Boolean);
  return `Live check: read workspace ${workspaceLabel(s)}${s.workspace.region ? ` (region ${s.workspace.region})` : ''} with Intercom-Version ${s.version}: ${parts.join(', ')}.`;
}

/**
 * Live findings per document. Returns false when the workspace could not be read (the message is
 * on stderr; the offline findings stand as they are).
 */
export async function runLiveChecks(connections: readonly ConnectionView[], options: LiveOptions, io: CliIO,
  add: (doc: AttributeDocument, findings: Finding[]) => void): Promise<boolean> {
  const snapshots = new Map<string, WorkspaceSnapshot>(); // by base URL and version, read once per run
  for (const connection of connections) {
    const docs = connection.all();
    if (!docs.some(d => intercomCalls(d, {}).length)) continue;
    const version = liveReadVersion(docs);
    const baseUrl = options.baseUrl ?? connectionBase(docs);
    const key = `${baseUrl} ${version}`;
    let snapshot = snapshots.get(key);
    if (!snapshot) {
      const result = await fetchWorkspaceSnapshot({
        baseUrl, version, token: options.token, send: { allowedHosts: options.allowedHosts },
        onRead: path => io.err(`Live check: GET ${path}`),
      });
      if (!result.ok) {
        const hint = /is not one of Intercom's API hosts/.test(result.problem.message) ? ` On the command line: add --allow-host ${new URL(baseUrl).host}.` : '';
        io.err(`${result.problem.message}${hint}`);
        return false;
      }
      snapshot = result.snapshot;
      snapshots.set(key, snapshot);
      io.err(summary(snapshot));
      for (const u of snapshot.unavailable) io.err(`Live check: ${u.read} was not read (${u.message}); the checks that need it are skipped.`);
    }
    for (const doc of docs) add(doc, liveFindings(doc, snapshot));
  }
  return true;
}
