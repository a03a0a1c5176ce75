/** initialize / initialized and the settings: the capabilities offered, the configuration read. */
import { DidChangeConfigurationNotification, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver';
import { mergeSettings, SETTINGS_SECTION } from '../../../common/src/protocol';
import { guarded } from './runSafe';
import { FIX_ALL_KIND } from './convert';
import { COMPLETION_TRIGGERS } from './completionTriggers';
import { revalidateAll, type ServerContext } from './serverContext';

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  hoverProvider: true,
  documentSymbolProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  definitionProvider: true,
  codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
  codeLensProvider: { resolveProvider: false },
};

export function registerLifecycle(ctx: ServerContext): void {
  const { connection, log } = ctx;
  connection.onInitialize((params): InitializeResult => {
    ctx.canPullConfiguration = !!params.capabilities?.workspace?.configuration;
    try { ctx.settings = mergeSettings(params.initializationOptions?.settings); } catch (error) {
      log(`Reading the initial settings failed (defaults are used): ${String(error)}`);
    }
    return { capabilities: CAPABILITIES, serverInfo: { name: 'saviynt-rest-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(guarded(log, 'initialized', () => {
    if (!ctx.canPullConfiguration) return;
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    void refreshSettings(ctx);
  }));

  connection.onDidChangeConfiguration(guarded(log, 'didChangeConfiguration', change => {
    if (ctx.canPullConfiguration) void refreshSettings(ctx);
    else {
      ctx.settings = mergeSettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
      revalidateAll(ctx);
    }
  }));
}

async function refreshSettings(ctx: ServerContext): Promise<void> {
  try {
    const value = ctx.canPullConfiguration ? await ctx.connection.workspace.getConfiguration(SETTINGS_SECTION) : undefined;
    ctx.settings = mergeSettings(value);
  } catch (error) {
    ctx.log(`Reading settings failed: ${String(error)}`);
  }
  revalidateAll(ctx);
}
