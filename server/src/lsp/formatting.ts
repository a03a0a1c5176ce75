/**
 * Formatting. A document above the size limit answers at once with no edits, and a document the
 * formatter declines (too deep, too large a result) gets a message, once per version.
 */
import { MessageType, ShowMessageNotification, type Range, type TextEdit } from 'vscode-languageserver';
import type { FormatResult } from '../core/index';
import { runSafe } from './runSafe';
import { featureDoc, type ServerContext } from './serverContext';

/** Registers the formatting requests; returns what to call when a document closes. */
export function registerFormatting(ctx: ServerContext): (uri: string) => void {
  const { connection, log } = ctx;
  /** Documents whose formatting was declined, by version (the message is shown once per version). */
  const declinedFormats = new Map<string, number>();

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
    const open = ctx.store.get(uri);
    if (!open) return [];
    const doc = featureDoc(ctx, uri);
    const max = ctx.settings.validation.maxDocumentSize;
    const result: FormatResult = doc ? ctx.engine.format(doc, options, range) : {
      edits: [],
      declined: `This document has ${open.text.length.toLocaleString('en-US')} characters, more than the setting saviyntRest.validation.maxDocumentSize allows (${max.toLocaleString('en-US')}); it was left as it is.`,
    };
    return formatted(uri, result, open.version);
  };

  connection.onDocumentFormatting((params, token) => runSafe(ctx, 'format', [] as TextEdit[], token, () =>
    formatRequest(params.textDocument.uri, params.options)));
  connection.onDocumentRangeFormatting((params, token) => runSafe(ctx, 'format', [] as TextEdit[], token, () =>
    formatRequest(params.textDocument.uri, params.options, params.range)));
  return uri => declinedFormats.delete(uri);
}
