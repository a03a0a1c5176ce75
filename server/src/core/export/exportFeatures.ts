/**
 * Hover and completion inside the attributes embedded in an EIC export: the request is
 * answered by the embedded document, and ranges and inserted text are mapped back into
 * the escaped string of the export.
 */
import type { CompletionItem, CompletionList, Hover, Range, TextEdit } from 'vscode-languageserver-types';
import type { FeatureContext } from '../features/contributors';
import type { AttributeDocument } from '../document';
import { embeddedAt, EmbeddedAttribute, exportModel, innerOffset } from './embeddedAttributes';
import { encodeJsonStringContent, mapDecodedRange } from '../text/jsonString';

export function embeddedContext(ctx: FeatureContext): { inner: FeatureContext; embedded: EmbeddedAttribute } | undefined {
  if (ctx.doc.kind !== 'export') return undefined;
  const model = exportModel(ctx.doc);
  const embedded = embeddedAt(model, ctx.offset);
  if (!embedded?.doc) return undefined;
  const connection = model.connections.get(embedded.connectionName)!;
  return { embedded, inner: { ...ctx, doc: embedded.doc, connection, offset: innerOffset(embedded, ctx.offset) } };
}

function mapRange(outer: AttributeDocument, embedded: EmbeddedAttribute, range: Range): Range {
  const inner = embedded.doc!;
  const start = inner.offsetAt(range.start);
  const end = inner.offsetAt(range.end);
  const mapped = mapDecodedRange(embedded.decoded, start, end - start);
  return outer.rangeOf(mapped.offset, mapped.length);
}

export function mapHover(outer: AttributeDocument, embedded: EmbeddedAttribute, hover: Hover | null): Hover | null {
  if (!hover) return null;
  return { ...hover, range: hover.range ? mapRange(outer, embedded, hover.range) : undefined };
}

export function mapCompletions(outer: AttributeDocument, embedded: EmbeddedAttribute, list: CompletionList): CompletionList {
  const items = list.items.map((item): CompletionItem => {
    const mapped: CompletionItem = { ...item };
    const edit = item.textEdit;
    if (edit && 'range' in edit) {
      mapped.textEdit = { range: mapRange(outer, embedded, edit.range), newText: escapeInsert(edit.newText) } as TextEdit;
    } else if (edit && 'insert' in edit) {
      mapped.textEdit = { insert: mapRange(outer, embedded, edit.insert), replace: mapRange(outer, embedded, edit.replace), newText: escapeInsert(edit.newText) };
    }
    if (item.insertText) mapped.insertText = escapeInsert(item.insertText);
    mapped.additionalTextEdits = undefined;
    return mapped;
  });
  return { isIncomplete: list.isIncomplete, items };
}

/** Text inserted into the export goes inside a JSON string: escape it (snippet `$` stay as they are). */
function escapeInsert(text: string): string {
  return encodeJsonStringContent(text);
}
