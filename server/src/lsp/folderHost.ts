/**
 * How the language server finds the other files of a connection: the host's answer. Node reads
 * the folder of a file: URI from disk (node/folderHost.ts). The browser build (browserServer.ts)
 * has no disk: it asks the client (clientFolders.ts), with the URI path operations of
 * perDocumentFolderHost below. The LSP layer sees only this interface, so it stays free of Node.
 */
import type { AttributeDocument } from '../core/document';

export interface FolderSnapshot {
  readonly folder: string;
  /** `connectionname` of connection.meta.json, else the folder's name. */
  readonly name: string;
  /** The attribute files (`<Attribute>.json`, any case), sorted by file name, parsed. */
  readonly files: readonly { readonly path: string; readonly uri: string; readonly doc: AttributeDocument }[];
  /** Grows by one each time the folder's content (a file, its name) changed. */
  readonly revision: number;
}

/** The files of folders as last read; `load` reads (again), `peek` answers at once. */
export interface FolderSource {
  peek(folder: string): FolderSnapshot | undefined;
  load(folder: string): Promise<FolderSnapshot>;
  /** Marks one file as changed; the next load reads it again. */
  invalidate(filePath: string): void;
}

export interface FolderHost {
  readonly folders: FolderSource;
  /** The folder key of a document URI (a file path in Node); undefined when no folder is known for it. */
  toPath(uri: string): string | undefined;
  normalize(filePath: string): string;
  dirname(filePath: string): string;
  basename(filePath: string): string;
}

/**
 * Per document: no file is read. A URI's folder is the URI up to its last slash, so the open
 * editors of one folder still form a connection; closed siblings are not seen.
 */
export const perDocumentFolderHost: FolderHost = {
  folders: {
    peek: folder => emptySnapshot(folder),
    load: async folder => emptySnapshot(folder),
    invalidate: () => {},
  },
  toPath: uri => (/^[a-z][a-z0-9+.-]*:/i.test(uri) ? uri : undefined),
  normalize: uri => uri.replace(/(.)\/+$/, '$1'),
  dirname: uri => { const i = uri.lastIndexOf('/'); return i > 0 ? uri.slice(0, i) : uri; },
  basename: uri => { let name = uri.slice(uri.lastIndexOf('/') + 1); try { name = decodeURIComponent(name); } catch { /* as written */ } return name; },
};

function emptySnapshot(folder: string): FolderSnapshot {
  return { folder, name: perDocumentFolderHost.basename(folder), files: [], revision: 0 };
}
