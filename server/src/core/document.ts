/**
 * An attribute document: the text of one connection attribute, parsed once.
 *
 * Everything the rules need is computed lazily and kept with the document, so a
 * document version is parsed exactly once whatever number of features ask for it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode, JSONDocument } from 'vscode-json-languageservice';
import { AttributeInfo, attributeForFileName, findAttribute, isExportFileName } from './attributes';
import { recognizeContent } from './contentRecognition';
import { attributeDocumentUri, jsonService } from './json/jsonService';
import { parseStrictJson } from './json/strictParse';
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
    text: string,
    readonly version: number,
    readonly attribute: AttributeInfo | undefined,
    readonly kind: DocumentKind,
  ) {
    this.jsonTextDocument = TextDocument.create(attributeDocumentUri(attribute?.name), 'json', version, text);
  }

  /** The document's text: the one copy, held by the TextDocument the JSON service reads. */
  get text(): string {
    return this.jsonTextDocument.getText();
  }

  /**
   * Creates a document, deriving the attribute from the file name (case-insensitive); a file whose
   * name says neither (`Intercom.json`, `import.json`) is recognised by its content when it can be.
   */
  static fromFile(uri: string, text: string, version = 0, attributeName?: string): AttributeDocument {
    const decodedUri = safeDecode(uri);
    const attribute = attributeName ? findAttribute(attributeName) : attributeForFileName(decodedUri);
    if (attribute) return new AttributeDocument(uri, text, version, attribute, 'attribute');
    if (attributeName === undefined && isExportFileName(decodedUri)) return new AttributeDocument(uri, text, version, undefined, 'export');
    const recognized = attributeName === undefined ? recognizeContent(text) : undefined;
    if (recognized?.kind === 'export') return new AttributeDocument(uri, text, version, undefined, 'export');
    if (recognized?.kind === 'attribute') return new AttributeDocument(uri, text, version, recognized.attribute, 'attribute');
    return new AttributeDocument(uri, text, version, undefined, 'unknown');
  }

  get json(): JSONDocument {
    if (!this._json) this._json = parseSafely(this);
    return this._json;
  }

  /** True once the text has been parsed (reading `json` then costs nothing). */
  get isParsed(): boolean {
    return this._json !== undefined;
  }

  /** Set when the text could not be parsed into a tree (too deeply nested): the reason. */
  parseFailure: string | undefined;

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
    let value = this._memo.get(key);
    if (value === undefined && !this._memo.has(key)) {
      value = compute();
      this._memo.set(key, value);
    }
    return value as T;
  }

  /** True when `memo(key, …)` has already been computed for this version. */
  hasMemo(key: string): boolean {
    return this._memo.has(key);
  }
}

/** Deeper nesting than this is refused: the recursive parser would exhaust the stack. */
export const MAX_NESTING = 400;

function parseSafely(doc: AttributeDocument): JSONDocument {
  const service = jsonService();
  const depth = maxNesting(doc.text);
  if (depth > MAX_NESTING) {
    doc.parseFailure = `Too deeply nested to check: this document nests objects and lists ${depth} levels deep; more than ${MAX_NESTING} levels cannot be checked.`;
    return service.newJSONDocument(undefined, []);
  }
  try {
    // Plain strict JSON (nearly every document) is read by the fast parser into the service's own
    // tree shape; anything else by the service's parser, which reports what it finds.
    const root = parseStrictJson(doc.text);
    if (root) return service.newJSONDocument(root, []);
    return service.parseJSONDocument(doc.jsonTextDocument);
  } catch (error) {
    doc.parseFailure = `Unreadable JSON: the document could not be parsed: ${error instanceof Error ? error.message : String(error)}`;
    return service.newJSONDocument(undefined, []);
  }
}

/**
 * Maximum bracket nesting outside strings, in one linear pass; a text with fewer than `limit`
 * opening brackets in all cannot nest deeper than that, and is not scanned (returns 0).
 */
export function maxNesting(text: string, limit = MAX_NESTING): number {
  let openers = 0;
  for (let i = text.indexOf('{'); i !== -1 && openers <= limit; i = text.indexOf('{', i + 1)) openers++;
  for (let i = text.indexOf('['); i !== -1 && openers <= limit; i = text.indexOf('[', i + 1)) openers++;
  if (openers <= limit) return 0;
  const length = text.length;
  let depth = 0, max = 0;
  // Next quote, backslash and line break at or after a position (length when there is none),
  // found by the engine's search and kept until passed: strings are skipped, not read char by char.
  let nextQuote = -1, nextBackslash = -1, nextLf = -1, nextCr = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      // Inside a string: a backslash escapes the next character; a quote or a line break ends it.
      let j = i + 1;
      for (;;) {
        if (nextQuote < j) { nextQuote = text.indexOf('"', j); if (nextQuote === -1) nextQuote = length; }
        if (nextBackslash < j) { nextBackslash = text.indexOf('\\', j); if (nextBackslash === -1) nextBackslash = length; }
        if (nextLf < j) { nextLf = text.indexOf('\n', j); if (nextLf === -1) nextLf = length; }
        if (nextCr < j) { nextCr = text.indexOf('\r', j); if (nextCr === -1) nextCr = length; }
        const stop = Math.min(nextQuote, nextBackslash, nextLf, nextCr);
        if (stop >= length) return max;
        if (stop === nextBackslash) { j = stop + 2; continue; }
        i = stop; // the quote or line break that ends the string
        break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
    }
  }
  return max;
}

function safeDecode(uri: string): string {
  try { return decodeURIComponent(uri); } catch { return uri; }
}
