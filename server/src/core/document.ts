/**
 * An attribute document: the text of one connection attribute, parsed once.
 *
 * Everything the rules need is computed lazily and kept with the document, so a
 * document version is parsed exactly once whatever number of features ask for it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode, JSONDocument } from 'vscode-json-languageservice';
import { AttributeInfo, attributeForFileName, findAttribute, isExportFileName } from './attributes';
import { attributeDocumentUri, jsonService } from './json/jsonService';
import type { Position, Range } from './text/positions';

export type DocumentKind = 'attribute' | 'export' | 'unknown';

export class AttributeDocument {
  /** The TextDocument handed to vscode-json-languageservice (internal URI selects the schema). */
  readonly jsonTextDocument: TextDocument;
  private _json: JSONDocument | undefined;
  private readonly _memo = new Map<string, unknown>();

  constructor(
    /** The document's own URI or path, as the caller knows it. */
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly attribute: AttributeInfo | undefined,
    readonly kind: DocumentKind,
  ) {
    this.jsonTextDocument = TextDocument.create(attributeDocumentUri(attribute?.name), 'json', version, text);
  }

  /** Creates a document, deriving the attribute from the file name (case-insensitive). */
  static fromFile(uri: string, text: string, version = 0, attributeName?: string): AttributeDocument {
    const decodedUri = safeDecode(uri);
    const attribute = attributeName ? findAttribute(attributeName) : attributeForFileName(decodedUri);
    const kind: DocumentKind = attribute ? 'attribute' : isExportFileName(decodedUri) ? 'export' : 'unknown';
    return new AttributeDocument(uri, text, version, attribute, kind);
  }

  get json(): JSONDocument {
    if (!this._json) this._json = jsonService().parseJSONDocument(this.jsonTextDocument);
    return this._json;
  }

  get root(): ASTNode | undefined {
    return this.json.root;
  }

  positionAt(offset: number): Position {
    return this.jsonTextDocument.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.jsonTextDocument.offsetAt(position);
  }

  rangeOf(offset: number, length: number): Range {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }

  /** Per-document memo for derived data (binding scans, call lists …), computed once per version. */
  memo<T>(key: string, compute: () => T): T {
    if (!this._memo.has(key)) this._memo.set(key, compute());
    return this._memo.get(key) as T;
  }
}

function safeDecode(uri: string): string {
  try { return decodeURIComponent(uri); } catch { return uri; }
}
