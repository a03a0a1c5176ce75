/**
 * The language server: a thin LSP layer over the pure core. Each handler converts
 * positions, asks the core, converts back, and runs through runSafe.
 */
import {
  CodeLens, CompletionList, Connection, DidChangeConfigurationNotification, DocumentSymbol, Hover, InitializeResult,
  LocationLink, TextDocumentSyncKind, TextDocuments, TextEdit, CodeAction, Range, ShowMessageNotification, MessageType,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CheckFilesParams, CheckFilesRequest, CheckFolderParams, CheckFolderRequest, CheckFolderResult, DescribeCallsParams, DescribeCallsRequest,
  RevalidateRequest, mergeSettings, ServerSettings, SETTINGS_SECTION, DEFAULT_SETTINGS,
} from '../../../common/src/protocol';
import { DocumentStore } from './documentStore';
import { ValidationScheduler } from './validation';
import { guarded, runSafe } from './runSafe';
import { LiveChecks } from './liveChecks';
import { codeActionsFor, FIX_ALL_KIND } from './convert';
import { codeActions } from './codeActions';
import { COMPLETION_TRIGGERS, triggeredInVain } from './completionTriggers';
import { complete } from '../core/features/completion';
import { hover } from '../core/features/hover';
import { findDefinitions } from '../core/features/definition';
import { documentSymbols } from '../core/features/symbols';
import { formatDocument, type FormatResult } from '../core/features/format';
import { codeLenses } from '../core/features/codeLens';
import { toCodeLenses } from './codeLenses';
import { describeCalls } from '../core/calls/callModel';
import type { FeatureContext } from '../core/features/contributors';
import { engineValidator } from '../core/transport/engineValidator';
import type { AttributeDocument } from '../core/document';
import type { FolderHost } from './folderHost';

/** `host` finds a connection's other files: from disk in Node, per document in the browser (lsp/folderHost.ts). */
export function startServer(connection: Connection, host: FolderHost): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore(documents, host);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  const log = (message: string) => connection.console.error(message);
  const live = new LiveChecks(store, () => settings, log);
  const scheduler = new ValidationScheduler(connection, store, () => settings, log, doc => live.findingsFor(doc));

  connection.onInitialize((params): InitializeResult => {
    canPullConfiguration = !!params.capabilities?.workspace?.configuration;
    try { settings = mergeSettings(params.initializationOptions?.settings); } catch (error) {
      log(`Reading the initial settings failed (defaults are used): ${String(error)}`);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'saviynt-rest-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(guarded(log, 'initialized', () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      void refreshSettings();
    }
  }));

  async function refreshSettings(): Promise<void> {
    try {
      const value = canPullConfiguration ? await connection.workspace.getConfiguration(SETTINGS_SECTION) : undefined;
      settings = mergeSettings(value);
    } catch (error) {
      log(`Reading settings failed: ${String(error)}`);
    }
    for (const uri of documents.keys()) scheduler.schedule(uri, 0);
  }

  connection.onDidChangeConfiguration(guarded(log, 'didChangeConfiguration', change => {
    if (canPullConfiguration) void refreshSettings();
    else {
      settings = mergeSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
      for (const uri of documents.keys()) scheduler.schedule(uri, 0);
    }
  }));

  // The documents manager reports an open as an open *and* a content change; the change must not
  // put the immediate check of a newly opened document back behind the debounce.
  const justOpened = new Map<string, number>();
  /** Documents whose formatting was declined, by version (the message is shown once per version). */
  const declinedFormats = new Map<string, number>();
  documents.onDidOpen(guarded(log, 'didOpen', e => {
    justOpened.set(e.document.uri, e.document.version);
    scheduler.changed(e.document.uri, true);
  }));
  documents.onDidChangeContent(guarded(log, 'didChange', e => {
    const openedAt = justOpened.get(e.document.uri);
    justOpened.delete(e.document.uri);
    if (openedAt === e.document.version) return;
    scheduler.changed(e.document.uri);
  }));
  documents.onDidClose(guarded(log, 'didClose', e => {
    justOpened.delete(e.document.uri);
    declinedFormats.delete(e.document.uri);
    store.forget(e.document.uri);
    scheduler.closed(e.document.uri);
    for (const sibling of store.openSiblings(e.document.uri)) scheduler.schedule(sibling, settings.validation.debounceMs);
  }));
  // Files changed on disk (the client watches **/*.json): their folder is read again, and what
  // depends on it is checked again once the read shows a change (DocumentStore.onFolderChanged).
  connection.onDidChangeWatchedFiles(guarded(log, 'didChangeWatchedFiles', params => {
    for (const change of params.changes) {
      store.fileChanged(change.uri);
      for (const sibling of store.openSiblings(change.uri)) scheduler.schedule(sibling, settings.validation.debounceMs);
    }
  }));

  /**
   * The open document for a feature request, or undefined when there is none or it is above the
   * size limit: such a document is not parsed (its note says so), so features answer at once.
   */
  const featureDoc = (uri: string): AttributeDocument | undefined => {
    const doc = store.get(uri);
    return doc && doc.text.length <= settings.validation.maxDocumentSize ? doc : undefined;
  };

  const featureContext = (doc: AttributeDocument, offset: number): FeatureContext => ({
    doc, offset, connection: store.connectionFor(doc),
    settings: { defaultIntercomVersion: settings.intercom.defaultVersion, allowedHosts: settings.http.allowedHosts },
  });

  connection.onCompletion((params, token) => runSafe(log, 'completion', null as CompletionList | null, token, async () => {
    const doc = featureDoc(params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(params.position);
    if (triggeredInVain(doc.text, offset, params.context?.triggerCharacter)) return null;
    return complete(featureContext(doc, offset), () => token.isCancellationRequested);
  }));

  connection.onHover((params, token) => runSafe(log, 'hover', null as Hover | null, token, async () => {
    const doc = featureDoc(params.textDocument.uri);
    return doc ? hover(featureContext(doc, doc.offsetAt(params.position))) : null;
  }));

  connection.onDefinition((params, token) => runSafe(log, 'definition', [] as LocationLink[], token, () => {
    const doc = featureDoc(params.textDocument.uri);
    if (!doc) return [];
    const ctx = featureContext(doc, doc.offsetAt(params.position));
    return findDefinitions(ctx).map(target => {
      const targetDoc = ctx.connection.all().find(d => d.uri === target.uri) ?? doc;
      const range = targetDoc.rangeOf(target.offset, target.length);
      return LocationLink.create(target.uri, range, range, doc.rangeOf(target.originOffset, target.originLength));
    });
  }));

  connection.onDocumentSymbol((params, token) => runSafe(log, 'symbols', [] as DocumentSymbol[], token, () => {
    const doc = featureDoc(params.textDocument.uri);
    return doc && doc.kind !== 'unknown' ? documentSymbols(doc) : [];
  }));

  /**
   * Formatting answers at once with no edits for a document above the size limit, and a document
   * the formatter declines (too deep, too large a result) gets a message, once per version.
   */
  const formatted = (uri: string, result: FormatResult, version: number): TextEdit[] => {
    if (result.declined && declinedFormats.get(uri) !== version) {
      declinedFormats.set(uri, version);
      if (declinedFormats.size > 200) declinedFormats.delete(declinedFormats.keys().next().value!);
      log(`Formatting ${uri} declined: ${result.declined}`);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `Not formatted: ${result.declined}` });
    }
    return result.edits;
  };
  const formatRequest = (uri: string, options: { tabSize?: unknown; insertSpaces?: unknown }, range?: Range): TextEdit[] => {
    const open = store.get(uri);
    if (!open) return [];
    const doc = featureDoc(uri);
    const result: FormatResult = doc ? formatDocument(doc, options, range) : {
      edits: [],
      declined: `This document has ${open.text.length.toLocaleString('en-US')} characters, more than the setting saviyntRest.validation.maxDocumentSize allows (${settings.validation.maxDocumentSize.toLocaleString('en-US')}); it was left as it is.`,
    };
    return formatted(uri, result, open.version);
  };

  connection.onDocumentFormatting((params, token) => runSafe(log, 'format', [] as TextEdit[], token, () =>
    formatRequest(params.textDocument.uri, params.options)));

  connection.onDocumentRangeFormatting((params, token) => runSafe(log, 'format', [] as TextEdit[], token, () =>
    formatRequest(params.textDocument.uri, params.options, params.range)));

  connection.onCodeAction((params, token) => runSafe(log, 'codeAction', [] as CodeAction[], token, () => {
    const doc = featureDoc(params.textDocument.uri);
    if (!doc) return codeActionsFor(params.textDocument.uri, params.context.diagnostics);
    return codeActions(params, doc, scheduler);
  }));

  connection.onCodeLens((params, token) => runSafe(log, 'codeLens', [] as CodeLens[], token, () => {
    const doc = featureDoc(params.textDocument.uri);
    return doc && doc.kind === 'attribute' ? toCodeLenses(codeLenses(doc, store.connectionFor(doc))) : [];
  }));

  connection.onRequest(DescribeCallsRequest, (params: DescribeCallsParams, token) => runSafe(log, 'describeCalls', [], token, () => {
    const doc = featureDoc(params.uri);
    return doc ? describeCalls(doc, params.path) : [];
  }));

  connection.onRequest(CheckFilesRequest, (params: CheckFilesParams, token) =>
    runSafe(log, 'checkFiles', { errors: 0, messages: ['The check could not run; see the output channel.'] }, token, () => engineValidator(params.files)));

  live.register(connection, () => {
    for (const uri of documents.keys()) {
      scheduler.schedule(uri, 0);
      const folder = store.folderOf(uri);
      if (folder) scheduler.folders.schedule(folder, 0);
    }
  });
  const noFolder: CheckFolderResult = { folder: '', files: [], errors: 0, warnings: 0, notes: 0 };
  connection.onRequest(CheckFolderRequest, (params: CheckFolderParams, token) => runSafe(log, 'checkFolder', noFolder, token, async () => {
    const folder = store.pathOf(params.uri);
    return folder ? scheduler.folders.checkNow(folder) : noFolder;
  }));

  connection.onRequest(RevalidateRequest, (_params, token) => runSafe(log, 'revalidate', null, token, () => {
    for (const uri of documents.keys()) scheduler.schedule(uri, 0);
    return null;
  }));

  documents.listen(connection);
  connection.listen();
}
