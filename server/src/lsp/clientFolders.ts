/**
 * The browser server's folder host: the attribute files of a connection's folder read through the
 * client (ReadFolderRequest; the browser client answers with vscode.workspace.fs), cached per
 * folder, read again after a change the client's file watcher reports. A folder the client cannot
 * read counts as holding no other file: the document is then checked per document.
 */
import type { Connection } from 'vscode-languageserver';
import { ReadFolderRequest, type ReadFolderParams, type ReadFolderResult } from '../../../common/src/protocol';
import { AttributeDocument } from '../core/document';
import { attributeForFileName } from '../core/attributes';
import { perDocumentFolderHost, type FolderHost, type FolderSnapshot, type FolderSource } from './folderHost';

interface Entry { snapshot?: FolderSnapshot; loading?: Promise<FolderSnapshot>; dirty: boolean }

/** Files larger than this are left out (as the Node host leaves out what it cannot read). */
const MAX_FILE_CHARS = 8 * 1024 * 1024;

export function clientFolderHost(connection: Connection, log: (message: string) => void): FolderHost {
  const host = perDocumentFolderHost;
  const entries = new Map<string, Entry>();

  async function read(folder: string, entry: Entry): Promise<FolderSnapshot> {
    let result: ReadFolderResult | null = null;
    try {
      result = await connection.sendRequest<ReadFolderResult | null>(ReadFolderRequest, { uri: folder } satisfies ReadFolderParams);
    } catch (error) {
      log(`Reading the folder ${folder} through the client failed (its files are checked one by one): ${String(error)}`);
    }
    const before = new Map((entry.snapshot?.files ?? []).map(f => [f.uri, f]));
    const files = (result?.files ?? [])
      .filter(f => typeof f?.uri === 'string' && typeof f.text === 'string' && f.text.length <= MAX_FILE_CHARS)
      .filter(f => attributeForFileName(host.basename(f.uri)) !== undefined)
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))
      .map(f => {
        const old = before.get(f.uri);
        const text = f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text;
        return old && old.doc.text === text ? old : { path: f.uri, uri: f.uri, doc: AttributeDocument.fromFile(f.uri, text, 0) };
      });
    const name = typeof result?.name === 'string' && result.name ? result.name : host.basename(folder);
    const changed = !entry.snapshot || name !== entry.snapshot.name || files.length !== before.size || files.some(f => before.get(f.uri) !== f);
    entry.snapshot = { folder, name, files, revision: (entry.snapshot?.revision ?? 0) + (changed ? 1 : 0) };
    return entry.snapshot;
  }

  const folders: FolderSource = {
    peek: folder => entries.get(folder)?.snapshot,
    load(folder) {
      let entry = entries.get(folder);
      if (!entry) entries.set(folder, entry = { dirty: false });
      const current = entry;
      if (current.loading) { current.dirty = true; return current.loading; }
      const run = async () => {
        let snapshot: FolderSnapshot;
        do { current.dirty = false; snapshot = await read(folder, current); } while (current.dirty);
        return snapshot;
      };
      current.loading = run().finally(() => { current.loading = undefined; });
      return current.loading;
    },
    invalidate(fileUri) {
      const entry = entries.get(host.dirname(fileUri));
      if (entry) entry.dirty = true;
    },
  };
  return { ...host, folders };
}
