/**
 * What every part of the language server shares: the connection, the open documents, the engine,
 * the current settings and the schedulers. Built once by startServer (serverMain.ts).
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../../common/src/protocol';
import { createEngine, type AttributeDocument, type Engine, type RequestScope } from '../core/index';
import { engineRuntime, type ServerRuntime } from './serverRuntime';
import { DocumentStore } from './documentStore';
import { ValidationScheduler } from './validation';
import { LiveChecks } from './liveChecks';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly store: DocumentStore;
  readonly engine: Engine;
  readonly scheduler: ValidationScheduler;
  readonly live: LiveChecks;
  readonly log: (message: string) => void;
  /** One turn of the host's event loop (request handlers start on the next one: runSafe). */
  readonly turn: () => Promise<void>;
  /** The settings in force (replaced when the client's configuration changes). */
  settings: ServerSettings;
  /** Whether the client answers workspace/configuration. */
  canPullConfiguration: boolean;
}

export function createServerContext(connection: Connection, documents: TextDocuments<TextDocument>, runtime: ServerRuntime): ServerContext {
  const log = (message: string) => connection.console.error(message);
  const store = new DocumentStore(documents, runtime.folders);
  const engine = createEngine(engineRuntime(runtime, log));
  const turn = () => runtime.pacing.turn();
  const context = { connection, documents, store, engine, log, turn, settings: DEFAULT_SETTINGS, canPullConfiguration: false } as Partial<ServerContext> & Pick<ServerContext, 'settings'>;
  const settings = () => context.settings;
  const live = new LiveChecks(store, settings, { log, turn });
  const scheduler = new ValidationScheduler(connection, engine, store, settings, log, doc => live.findingsFor(doc));
  return Object.assign(context, { live, scheduler }) as ServerContext;
}

/**
 * The open document for a feature request, or undefined when there is none or it is above the
 * size limit: such a document is not parsed (its note says so), so features answer at once.
 */
export function featureDoc(ctx: ServerContext, uri: string): AttributeDocument | undefined {
  const doc = ctx.store.get(uri);
  return doc && doc.text.length <= ctx.settings.validation.maxDocumentSize ? doc : undefined;
}

/** The connection and settings a feature request on `doc` is answered with. */
export function featureScope(ctx: ServerContext, doc: AttributeDocument, isCancelled?: () => boolean): RequestScope {
  return {
    connection: ctx.store.connectionFor(doc),
    settings: { defaultIntercomVersion: ctx.settings.intercom.defaultVersion, allowedHosts: ctx.settings.http.allowedHosts },
    isCancelled,
  };
}

/** Schedules every open document and the closed files of the shown folders for a check now (settings or a snapshot changed). */
export function revalidateAll(ctx: ServerContext): void {
  ctx.scheduler.revalidateAll();
}
