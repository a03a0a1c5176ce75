/** Formatting with the JSON service's formatter (keeps the document's line endings). */
import type { TextEdit } from 'vscode-languageserver-types';
import { jsonService } from '../json/jsonService';
import type { AttributeDocument } from '../document';
import type { Range } from '../text/positions';

export function format(doc: AttributeDocument, options: { tabSize: number; insertSpaces: boolean }, range?: Range): TextEdit[] {
  const eol = /\r\n/.test(doc.text) ? '\r\n' : '\n';
  return jsonService().format(doc.jsonTextDocument, range, { ...options, insertFinalNewline: false, keepLines: false, eol } as never);
}
