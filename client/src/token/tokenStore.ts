/**
 * The Intercom access token, kept only in VS Code's SecretStorage, per workspace and
 * region. It never goes to settings, logs, the output channel or any file.
 */
import * as vscode from 'vscode';
import type { Region } from '../settings';

const KEY_PREFIX = 'saviyntRest.intercomToken';

/** Identifies the workspace: its .code-workspace file, else its first folder, else "no-workspace". */
export function workspaceKey(): string {
  const id = vscode.workspace.workspaceFile?.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? 'no-workspace';
  return id;
}

export class TokenStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    secrets.onDidChange(e => { if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(); });
  }

  private key(region: Region): string {
    return `${KEY_PREFIX}:${region}:${workspaceKey()}`;
  }

  async get(region: Region): Promise<string | undefined> {
    const value = await this.secrets.get(this.key(region));
    return value || undefined;
  }

  async set(region: Region, token: string): Promise<void> {
    await this.secrets.store(this.key(region), token);
    this.changed.fire();
  }

  async clear(region: Region): Promise<void> {
    await this.secrets.delete(this.key(region));
    this.changed.fire();
  }
}

/** Normalises what a user pastes: trims, drops a leading "Bearer ". Returns a problem text when unusable. */
export function normaliseToken(input: string): { token?: string; problem?: string } {
  let token = input.trim();
  if (/^bearer\s+/i.test(token)) token = token.replace(/^bearer\s+/i, '');
  if (!token) return { problem: 'The token is empty.' };
  if (/\s/.test(token)) return { problem: 'The token contains spaces or line breaks; paste it again exactly as the Developer Hub shows it.' };
  if (token.length < 8) return { problem: 'That is too short to be an Intercom access token.' };
  return { token };
}
