/**
 * The server's view of documents: open editors (exact text and version) and the
 * other attribute files of the same connection folder, read by the host when not open (from disk,
 * asynchronously, in Node: node/folderHost; through the client in the browser: lsp/clientFolders).
 * Parses are cached per URI and version.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AttributeDocument, attributeForFileName, ConnectionView, StaticConnection } from '../core/index';
import type { FolderHost, FolderSnapshot, FolderSource } from './folderHost';

export class DocumentStore {
  private readonly parsed = new Map<string, AttributeDocument>();
  readonly folders: FolderSource;
  /**
   * Called when a folder read finished with new content: the lower-case attribute names of the
   * files that changed (added, edited, removed), or '*' when the connection's name changed.
   */
  onFolderChanged: (folder: string, changed: readonly string[] | '*') => void = () => {};

  constructor(private readonly documents: TextDocuments<TextDocument>, private readonly host: FolderHost) {
    this.folders = host.folders;
  }

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

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  /** The document of an open editor, else the attribute file as last read from disk (undefined for other URIs). */
  async openOrDisk(uri: string): Promise<AttributeDocument | undefined> {
    const open = this.get(uri);
    if (open) return open;
    const filePath = this.host.toPath(uri);
    if (!filePath) return undefined;
    const folder = this.host.dirname(filePath);
    const snapshot = this.folders.peek(folder) ?? await this.refresh(folder);
    return snapshot.files.find(f => this.host.toPath(f.uri) === filePath)?.doc;
  }

  forget(uri: string): void {
    this.parsed.delete(uri);
  }

  /** A file changed on disk: its folder is read again (asynchronously). */
  fileChanged(uri: string): void {
    const filePath = this.host.toPath(uri);
    if (!filePath) return;
    this.folders.invalidate(filePath);
    const folder = this.host.dirname(filePath);
    if (this.folders.peek(folder)) this.refresh(folder);
  }

  /** A file: URI as a file path (undefined for other schemes). */
  pathOf(uri: string): string | undefined {
    const filePath = this.host.toPath(uri);
    return filePath ? this.host.normalize(filePath).replace(/(.)[\\/]+$/, '$1') : undefined;
  }

  /** The folder that holds a document, as a file path (undefined for non-file URIs). */
  folderOf(uri: string): string | undefined {
    const filePath = this.host.toPath(uri);
    return filePath ? this.host.dirname(filePath) : undefined;
  }

  /** Reads a folder (again); `onFolderChanged` follows when content read before has changed. */
  async refresh(folder: string): Promise<FolderSnapshot> {
    const before = this.folders.peek(folder);
    const snapshot = await this.folders.load(folder);
    if (before !== undefined && snapshot.revision !== before.revision) this.onFolderChanged(folder, changedAttributes(before, snapshot));
    return snapshot;
  }

  /** The lower-case attribute name of a document's file (undefined for other files). */
  attributeOf(uri: string): string | undefined {
    const filePath = this.host.toPath(uri);
    return filePath ? attributeForFileName(filePath)?.name.toLowerCase() : undefined;
  }

  /** Resolves once the folder of an attribute document has been read (at once when it was). */
  async ready(doc: AttributeDocument): Promise<void> {
    const folder = doc.kind === 'attribute' ? this.folderOf(doc.uri) : undefined;
    if (folder && !this.folders.peek(folder)) await this.refresh(folder);
  }

  /**
   * The connection a document belongs to: open siblings as edited, the others as last read from
   * disk. A folder not read yet is read in the background (the connection then has only the open files).
   */
  connectionFor(doc: AttributeDocument): ConnectionView {
    const folder = this.folderOf(doc.uri);
    if (!folder || doc.kind !== 'attribute') return new StaticConnection('', [doc]);
    const snapshot = this.folders.peek(folder);
    if (!snapshot) void this.refresh(folder);
    const docs: AttributeDocument[] = [doc];
    const seen = new Set([doc.attribute!.name.toLowerCase()]);
    const add = (sibling: AttributeDocument | undefined) => {
      const name = sibling?.kind === 'attribute' ? sibling.attribute?.name.toLowerCase() : undefined;
      if (!sibling || !name || seen.has(name)) return;
      seen.add(name);
      docs.push(sibling);
    };
    for (const file of snapshot?.files ?? []) add(this.get(file.uri) ?? file.doc);
    for (const uri of this.openSiblings(doc.uri)) add(this.get(uri));
    return new StaticConnection(snapshot?.name ?? this.host.basename(folder), docs, folder);
  }

  /** The attribute files of a folder on disk that no editor has open, as last read. */
  closedFiles(folder: string): { uri: string; doc: AttributeDocument }[] {
    return (this.folders.peek(folder)?.files ?? []).filter(f => !this.isOpen(f.uri)).map(f => ({ uri: f.uri, doc: f.doc }));
  }

  /** URIs of open documents in the same folder as `uri` (the ones to re-validate after a change). */
  openSiblings(uri: string): string[] {
    const folder = this.folderOf(uri);
    if (!folder) return [];
    return this.documents.keys().filter(other => other !== uri && this.folderOf(other) === folder);
  }

  /** URIs of every open document. */
  openUris(): string[] {
    return this.documents.keys();
  }

  /** URIs of the open documents of a folder. */
  openIn(folder: string): string[] {
    return this.documents.keys().filter(uri => this.folderOf(uri) === folder);
  }
}

/** What differs between two reads of a folder (by text): the attribute names of the files, or '*' for the connection's name. */
function changedAttributes(before: FolderSnapshot, after: FolderSnapshot): readonly string[] | '*' {
  if (before.name !== after.name) return '*';
  const texts = (s: FolderSnapshot) => new Map(s.files.map(f => [f.doc.attribute?.name.toLowerCase() ?? f.path, f.doc.text]));
  const old = texts(before);
  const now = texts(after);
  const names = new Set<string>();
  for (const [name, text] of now) if (old.get(name) !== text) names.add(name);
  for (const name of old.keys()) if (!now.has(name)) names.add(name);
  return [...names];
}
