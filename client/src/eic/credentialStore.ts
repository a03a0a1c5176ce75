/**
 * The EIC credentials, kept only in VS Code's SecretStorage, one entry per tenant (by origin): a
 * credential stored for one tenant is never sent to another, whatever the URL setting says later.
 * They never go to settings, logs, the output channel or any file.
 */
import * as vscode from 'vscode';

const KEY_PREFIX = 'saviyntRest.eicCredentials';

export type StoredEicCredentials = { kind: 'password'; username: string; password: string } | { kind: 'token'; token: string };

export class EicCredentialStore {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    secrets.onDidChange(e => { if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(); });
  }

  private key(origin: string): string {
    return `${KEY_PREFIX}:${origin}`;
  }

  async get(origin: string): Promise<StoredEicCredentials | undefined> {
    const raw = await this.secrets.get(this.key(origin));
    if (!raw) return undefined;
    try {
      const value = JSON.parse(raw) as StoredEicCredentials;
      if (value.kind === 'token' && typeof value.token === 'string') return value;
      if (value.kind === 'password' && typeof value.username === 'string' && typeof value.password === 'string') return value;
    } catch { /* unreadable: treated as absent */ }
    return undefined;
  }

  async set(origin: string, value: StoredEicCredentials): Promise<void> {
    await this.secrets.store(this.key(origin), JSON.stringify(value));
    this.changed.fire();
  }

  async clear(origin: string): Promise<void> {
    await this.secrets.delete(this.key(origin));
    this.changed.fire();
  }
}
