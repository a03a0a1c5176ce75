/**
 * Set / Clear EIC Credentials: a user name and password, or an access token, for the tenant in
 * saviyntRest.eic.url (asked for when it is not set), stored in SecretStorage only. Setting them
 * signs in once to tell at once whether they work (not in Restricted Mode).
 */
import * as vscode from 'vscode';
import { EicSettings, SETTINGS_SECTION } from '../../../common/src/protocol';
import { eicCredentials, EicProblemError, parseTenantAddress } from '../../../server/src/core/eic';
import type { ClientContext } from '../clientContext';
import { notify } from '../calls/results';
import type { StoredEicCredentials } from './credentialStore';
import { eicEnvironment, isRefusal } from './eicEnvironment';
import { readEicSettings } from './eicSettings';

export interface SetEicCredentialsArgs {
  /** The tenant URL; stored in the workspace settings when given (or asked for when none is set). */
  url?: string;
  username?: string;
  password?: string;
  token?: string;
  /** Sign in to check them (default: yes when trusted and not silent). */
  verify?: boolean;
  silent?: boolean;
}

async function askTenantUrl(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'EIC tenant URL', prompt: 'The tenant\'s address, e.g. https://acme.saviyntcloud.com (saved as saviyntRest.eic.url for this workspace)',
    ignoreFocusOut: true, validateInput: v => { const a = parseTenantAddress(v); return typeof a === 'string' ? a : undefined; },
  });
}

async function askCredentials(host: string): Promise<StoredEicCredentials | undefined> {
  const kind = await vscode.window.showQuickPick([
    { label: 'User name and password', description: 'this tool logs in and renews the session by itself', value: 'password' as const },
    { label: 'Access token', description: 'a token from EIC (it expires; then set a new one)', value: 'token' as const },
  ], { title: `EIC credentials for ${host}` });
  if (!kind) return undefined;
  if (kind.value === 'token') {
    const token = await vscode.window.showInputBox({ title: `EIC access token (${host})`, password: true, ignoreFocusOut: true,
      prompt: 'Kept in VS Code\'s secret storage, sent only to this tenant.', validateInput: v => (v.trim() && !/\s/.test(v.trim()) ? undefined : 'Paste the token without spaces.') });
    return token === undefined ? undefined : { kind: 'token', token: token.trim().replace(/^bearer\s+/i, '') };
  }
  const username = await vscode.window.showInputBox({ title: `EIC user name (${host})`, ignoreFocusOut: true, validateInput: v => (v.trim() ? undefined : 'The user name is empty.') });
  if (username === undefined) return undefined;
  const password = await vscode.window.showInputBox({ title: `EIC password (${host})`, password: true, ignoreFocusOut: true,
    prompt: 'Kept in VS Code\'s secret storage, sent only to this tenant.', validateInput: v => (v ? undefined : 'The password is empty.') });
  return password === undefined ? undefined : { kind: 'password', username: username.trim(), password };
}

export async function setEicCredentials(ctx: ClientContext, args: SetEicCredentialsArgs = {}): Promise<boolean> {
  let url = args.url ?? readEicSettings().url;
  if (!url && !args.silent) url = (await askTenantUrl()) ?? '';
  const address = parseTenantAddress(url);
  if (typeof address === 'string') { notify('error', address, args.silent); return false; }
  if (args.url !== undefined || url !== readEicSettings().url) {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(EicSettings.url, url, vscode.ConfigurationTarget.Workspace);
  }
  const given: StoredEicCredentials | undefined = args.token !== undefined ? { kind: 'token', token: args.token }
    : args.username !== undefined && args.password !== undefined ? { kind: 'password', username: args.username, password: args.password } : undefined;
  const value = given ?? (args.silent ? undefined : await askCredentials(address.host));
  if (!value) return false;
  const check = eicCredentials(value);
  if (typeof check === 'string') { notify('error', check, args.silent); return false; }
  await ctx.eicCredentials.set(address.origin, value);
  ctx.log.info(`EIC credentials (${value.kind === 'token' ? 'access token' : 'user name and password'}) stored for ${address.host}.`);
  const verify = args.verify ?? (!args.silent && vscode.workspace.isTrusted);
  if (!verify) {
    notify('info', `EIC credentials saved for ${address.host}.`, args.silent);
    return true;
  }
  await signInOnce(ctx, address.host, args.silent);
  return true;
}

/** Signs in with the new credentials and says whether that worked. */
async function signInOnce(ctx: ClientContext, host: string, silent: boolean | undefined): Promise<void> {
  const env = await eicEnvironment(ctx, 'Checking the EIC credentials', silent);
  if (isRefusal(env)) return;
  try {
    const connections = await env.api.listConnections({ pageSize: 50 });
    notify('info', `EIC credentials saved; signed in to ${host} (${connections.length} connection(s) there).`, silent);
  } catch (e) {
    if (!(e instanceof EicProblemError)) throw e;
    const message = `EIC credentials saved for ${host}, but signing in failed: ${env.redact(e.problem.message)}`;
    ctx.log.warn(message);
    notify('warning', message, silent);
  }
}

export async function clearEicCredentials(ctx: ClientContext, args: { silent?: boolean } = {}): Promise<boolean> {
  const address = parseTenantAddress(readEicSettings().url);
  if (typeof address === 'string') { notify('warning', address, args.silent); return false; }
  await ctx.eicCredentials.clear(address.origin);
  ctx.log.info(`EIC credentials removed for ${address.host}.`);
  notify('info', `EIC credentials removed for ${address.host}.`, args.silent);
  return true;
}
