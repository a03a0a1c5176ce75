/**
 * The outline of an attribute document: JSON structure, with calls shown by their
 * `name` and import calls, entitlement types and authentications by their key.
 */
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { jsonService } from '../json/jsonService';
import type { AttributeDocument } from '../document';

export function documentSymbols(doc: AttributeDocument, limit = 5000): DocumentSymbol[] {
  const symbols = jsonService().findDocumentSymbols2(doc.jsonTextDocument, doc.json, { resultLimit: limit });
  renameArrayItems(doc, symbols);
  return symbols;
}

/** Array items that are objects with a `name` (calls) are shown as `call1 (POST)` instead of `0`. */
function renameArrayItems(doc: AttributeDocument, symbols: DocumentSymbol[]): void {
  for (const symbol of symbols) {
    if (symbol.children?.length) {
      if (/^\d+$/.test(symbol.name)) {
        const name = symbol.children.find(c => c.name === 'name')?.detail;
        const method = symbol.children.find(c => c.name === 'httpMethod')?.detail;
        if (name) symbol.name = `${name}${method ? ` (${method})` : ''}`;
      }
      renameArrayItems(doc, symbol.children);
    }
  }
}
