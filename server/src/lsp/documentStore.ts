/**
 * The server's view of documents: open editors (exact text and version) and the
 * other attribute files of the same connection folder, read from disk when not open.
 * Parses are cached per URI and version.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AttributeDocument } from '../core/document';
import { ConnectionView, StaticConnection } from '../core/connection';
import { connectionName, DiskDocumentCache, listAttributeFiles } from '../node/connectionFolder';

export class DocumentStore {
  private readonly parsed = new Map<string, AttributeDocument>();
  private readonly disk = new DiskDocumentCache();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** The parsed document for an open editor, cached by version. */
  get(uri: string): AttributeDocument | undefined {
    const textDocument = this.documents.get(uri);
    if (!textDocument) return undefined;
    const cached = this.parsed.get(uri);
    if (cached && cached.version === textDocument.version) return cached;
    const doc = AttributeDocument.fromFile(uri, textDocument.getText(), textDocument.version);
    this.parsed.set(uri, doc);
    return doc;
  }

  /** The document of an open editor, else the attribute file on disk (undefined for other URIs). */
  openOrDisk(uri: string): AttributeDocument | undefined {
    const open = this.get(uri);
    if (open) return open;
    const filePath = toPath(uri);
    return filePath ? this.disk.read(filePath, uri) : undefined;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  fileChanged(uri: string): void {
    const filePath = toPath(uri);
    if (filePath) this.disk.invalidate(filePath);
  }

  /** The folder that holds a document, as a file path (undefined for non-file URIs). */
  folderOf(uri: string): string | undefined {
    const filePath = toPath(uri);
    return filePath ? path.dirname(filePath) : undefined;
  }

  /** The connection a document belongs to: open siblings as edited, the others from disk. */
  connectionFor(doc: AttributeDocument): ConnectionView {
    const folder = this.folderOf(doc.uri);
    if (!folder || doc.kind !== 'attribute') return new StaticConnection('', [doc]);
    const docs: AttributeDocument[] = [doc];
    const seen = new Set([doc.attribute!.name.toLowerCase()]);
    for (const file of listAttributeFiles(folder)) {
      const uri = URI.file(file).toString();
      const sibling = this.get(uri) ?? this.disk.read(file, uri);
      const name = sibling?.attribute?.name.toLowerCase();
      if (!sibling || !name || seen.has(name)) continue;
      seen.add(name);
      docs.push(sibling);
    }
    return new StaticConnection(connectionName(folder), docs, folder);
  }

  /** URIs of open documents in the same folder as `uri` (the ones to re-validate after a change). */
  openSiblings(uri: string): string[] {
    const folder = this.folderOf(uri);
    if (!folder) return [];
    return this.documents.keys().filter(other => other !== uri && this.folderOf(other) === folder);
  }
}

function toPath(uri: string): string | undefined {
  try {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? parsed.fsPath : undefined;
  } catch {
    return undefined;
  }
}
