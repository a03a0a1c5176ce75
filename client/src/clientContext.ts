/**
 * What every client feature module receives: the extension context, the language client, the log,
 * and the services that hold state. They are made once at activation (dist/client.js) and reach the
 * command implementations of dist/clientCommands.js only through this object, so that the two
 * bundles never hold two copies of a store or a status item.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { LastCallStatus } from './calls/lastCallStatus';
import type { ReadOnlyDocuments } from './calls/readOnlyDocuments';
import type { EicCredentialStore } from './eic/credentialStore';
import type { TokenStore } from './token/tokenStore';

export interface ClientContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: LanguageClient;
  /** The extension's log (never receives a secret: messages pass redact()). */
  readonly log: vscode.LogOutputChannel;
  /** The Intercom access tokens (SecretStorage, per workspace and region). */
  readonly tokens: TokenStore;
  /** The EIC credentials (SecretStorage, per tenant). */
  readonly eicCredentials: EicCredentialStore;
  /** The read-only request, response and comparison documents. */
  readonly documents: ReadOnlyDocuments;
  /** The "last call" language status item. */
  readonly lastCall: LastCallStatus;
}
