/** The editor features: each handler converts positions, asks the engine, converts back (runSafe). */
import {
  LocationLink, type CodeAction, type CodeLens, type CompletionList, type DocumentSymbol, type Hover,
} from 'vscode-languageserver';
import { DescribeCallsRequest, type DescribeCallsParams } from '../../../common/src/protocol';
import { runSafe } from './runSafe';
import { codeActionsFor } from './convert';
import { codeActions } from './codeActions';
import { triggeredInVain } from './completionTriggers';
import { toCodeLenses } from './codeLenses';
import { featureDoc, featureScope, type ServerContext } from './serverContext';

export function registerFeatures(ctx: ServerContext): void {
  const { connection, engine } = ctx;

  connection.onCompletion((params, token) => runSafe(ctx, 'completion', null as CompletionList | null, token, async () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(params.position);
    if (triggeredInVain(doc.text, offset, params.context?.triggerCharacter)) return null;
    return engine.complete(doc, offset, featureScope(ctx, doc, () => token.isCancellationRequested));
  }));

  connection.onHover((params, token) => runSafe(ctx, 'hover', null as Hover | null, token, async () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    return doc ? engine.hover(doc, doc.offsetAt(params.position), featureScope(ctx, doc)) : null;
  }));

  connection.onDefinition((params, token) => runSafe(ctx, 'definition', [] as LocationLink[], token, () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    if (!doc) return [];
    const scope = featureScope(ctx, doc);
    return engine.definitions(doc, doc.offsetAt(params.position), scope).map(target => {
      const targetDoc = scope.connection?.all().find(d => d.uri === target.uri) ?? doc;
      const range = targetDoc.rangeOf(target.offset, target.length);
      return LocationLink.create(target.uri, range, range, doc.rangeOf(target.originOffset, target.originLength));
    });
  }));

  connection.onDocumentSymbol((params, token) => runSafe(ctx, 'symbols', [] as DocumentSymbol[], token, () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    return doc && doc.kind !== 'unknown' ? engine.symbols(doc) : [];
  }));

  connection.onCodeAction((params, token) => runSafe(ctx, 'codeAction', [] as CodeAction[], token, () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    if (!doc) return codeActionsFor(params.textDocument.uri, params.context.diagnostics);
    return codeActions(params, doc, ctx.scheduler);
  }));

  connection.onCodeLens((params, token) => runSafe(ctx, 'codeLens', [] as CodeLens[], token, () => {
    const doc = featureDoc(ctx, params.textDocument.uri);
    return doc && doc.kind === 'attribute' ? toCodeLenses(engine.codeLenses(doc, ctx.store.connectionFor(doc))) : [];
  }));

  connection.onRequest(DescribeCallsRequest, (params: DescribeCallsParams, token) => runSafe(ctx, 'describeCalls', [], token, () => {
    const doc = featureDoc(ctx, params.uri);
    return doc ? engine.describeCalls(doc, params.path) : [];
  }));
}
