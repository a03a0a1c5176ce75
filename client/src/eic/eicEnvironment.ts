/**
 * What a tenant command needs: the settings, the tenant's address, the stored credentials and a
 * signed-in API on VS Code's fetch (proxy and certificate settings apply). Sessions are kept per
 * tenant and credentials while the extension runs (in memory only), so that commands do not log
 * in again each time.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../common/src/protocol';
import { eicCredentials, openEicApi, parseTenantAddress, type EicApi, type EicCredentials, type EicProblem, type EicProgress, type TenantAddress } from '../../../server/src/core/eic';
import type { FetchLike } from '../../../server/src/core/runner';
import { notify, openSettingsAction } from '../calls/results';
import { refuseWhenRestricted } from '../calls/trust';
import type { ClientContext } from '../clientContext';
import type { StoredEicCredentials } from './credentialStore';
import { eicSettingId, readEicSettings, type EicClientSettings } from './eicSettings';

export interface EicEnvironment {
  settings: EicClientSettings;
  address: TenantAddress;
  api: EicApi;
  /** Masks every secret of the session (for anything shown or logged). */
  redact(text: string): string;
}

export type EicRefusalReason = 'restricted' | 'no-tenant' | 'no-credentials' | 'no-folder' | 'not-confirmed' | 'cancelled'
  | 'check-errors' | 'refused' | 'conflict' | 'no-trigger';

/** What every EIC command returns (for tests and automation): never a secret, only masked values. */
export interface EicCommandResult {
  ok: boolean;
  /** What happened, in plain words. */
  message: string;
  refused?: EicRefusalReason;
  problem?: EicProblem;
}

export type EicRefusal = EicCommandResult & { refused: EicRefusalReason };

export const setEicCredentialsAction = { title: 'Set EIC Credentials', run: () => vscode.commands.executeCommand(Commands.setEicCredentials) };

const vscodeFetch: FetchLike = (input, init) => globalThis.fetch(input, init);
const sessions = new Map<string, { fingerprint: string; api: EicApi }>();

/** Forgets the signed-in sessions (credentials changed or cleared). */
export function forgetEicSessions(): void {
  sessions.clear();
}

/** Masks the secrets of every signed-in session (for the error boundary). */
export function redactSessionSecrets(text: string): string {
  let out = text;
  for (const { api } of sessions.values()) out = api.session.secrets.redactMessage(out);
  return out;
}

/** The stored value as engine credentials (secret slots), or the reason it is unusable. */
function toCredentials(value: StoredEicCredentials): EicCredentials | string {
  return value.kind === 'token' ? eicCredentials({ token: value.token }) : eicCredentials({ username: value.username, password: value.password });
}

export async function eicEnvironment(ctx: ClientContext, what: string, silent: boolean | undefined, scope?: vscode.Uri,
  call: { signal?: AbortSignal; onProgress?(e: EicProgress): void } = {}): Promise<EicEnvironment | EicRefusal> {
  const restricted = refuseWhenRestricted(what, silent);
  if (restricted) return { ok: false, message: restricted.message, refused: 'restricted' };
  const settings = readEicSettings(scope);
  const address = parseTenantAddress(settings.url);
  if (typeof address === 'string') {
    const message = `${what}: ${address}`;
    notify('warning', message, silent, openSettingsAction(eicSettingId('url')));
    return { ok: false, message, refused: 'no-tenant' };
  }
  const stored = await ctx.eicCredentials.get(address.origin);
  const credentials = stored ? toCredentials(stored) : undefined;
  if (!credentials || typeof credentials === 'string') {
    const message = `${what}: no EIC credentials are stored for ${address.host}${typeof credentials === 'string' ? ` (${credentials})` : ''}. `
      + 'Set a user name and password, or an access token; they are kept in VS Code\'s secret storage.';
    notify('warning', message, silent, setEicCredentialsAction);
    return { ok: false, message, refused: 'no-credentials' };
  }
  const fingerprint = JSON.stringify(stored);
  let entry = sessions.get(address.origin);
  if (!entry || entry.fingerprint !== fingerprint) {
    entry = { fingerprint, api: openEicApi(address, credentials, { fetch: vscodeFetch, timeoutHint: ' (setting saviyntRest.http.timeoutSeconds)' }) };
    sessions.set(address.origin, entry);
  }
  entry.api.session.setCallOptions({ signal: call.signal, onProgress: call.onProgress, timeoutMs: settings.timeoutSeconds * 1000 });
  const secrets = entry.api.session.secrets;
  return { settings, address, api: entry.api, redact: text => secrets.redactMessage(text) };
}

export function isRefusal(value: EicEnvironment | EicRefusal): value is EicRefusal {
  return 'refused' in value;
}
