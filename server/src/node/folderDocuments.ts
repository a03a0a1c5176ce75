/**
 * The attribute files of connection folders as the language server sees them on disk (Node only),
 * read asynchronously so that no request waits on the file system: `load` reads a folder (only
 * files whose modification time or size changed), `peek` answers at once from what was read.
 */
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { attributeForFileName } from '../core/attributes';
import { AttributeDocument } from '../core/document';
import { METADATA_FILE, stripBom } from './connectionFolder';

import type { FolderSnapshot, FolderSource } from '../lsp/folderHost';

export type { FolderSnapshot };

interface CachedFile { path: string; uri: string; mtimeMs: number; size: number; doc: AttributeDocument }

interface FolderEntry {
  snapshot?: FolderSnapshot;
  files: Map<string, CachedFile>;
  loading?: Promise<FolderSnapshot>;
  /** Set when a change arrived during a load: that load is followed by another. */
  dirty: boolean;
}

export class FolderDocuments implements FolderSource {
  private readonly folders = new Map<string, FolderEntry>();

  constructor(private readonly uriOf: (filePath: string) => string) {}

  /** What was read of the folder so far; undefined before its first load finished. */
  peek(folder: string): FolderSnapshot | undefined {
    return this.folders.get(folder)?.snapshot;
  }

  /** Reads the folder (again); concurrent calls share one read, and a change during it causes another. */
  load(folder: string): Promise<FolderSnapshot> {
    let entry = this.folders.get(folder);
    if (!entry) {
      entry = { files: new Map(), dirty: false };
      this.folders.set(folder, entry);
    }
    const current = entry;
    if (current.loading) {
      current.dirty = true;
      return current.loading;
    }
    const run = async (): Promise<FolderSnapshot> => {
      let snapshot: FolderSnapshot;
      do {
        current.dirty = false;
        snapshot = await this.read(folder, current);
      } while (current.dirty);
      return snapshot;
    };
    current.loading = run().finally(() => { current.loading = undefined; });
    return current.loading;
  }

  /** Marks one file as changed on disk; the next load reads it again (or finds it gone). */
  invalidate(filePath: string): void {
    const entry = this.folders.get(path.dirname(filePath));
    if (!entry) return;
    const cached = entry.files.get(filePath);
    if (cached) cached.mtimeMs = Number.NaN;
    entry.dirty = true;
  }

  /** Drops a folder altogether (nothing of it is shown any more). */
  forget(folder: string): void {
    this.folders.delete(folder);
  }

  private async read(folder: string, entry: FolderEntry): Promise<FolderSnapshot> {
    let names: string[];
    try { names = await fsp.readdir(folder); } catch { names = []; }
    const attributeNames = names.filter(n => attributeForFileName(n) !== undefined).sort();
    const files = new Map<string, CachedFile>();
    let changed = entry.snapshot === undefined || attributeNames.length !== entry.files.size;
    for (const name of attributeNames) {
      const filePath = path.join(folder, name);
      const cached = await this.readFile(filePath, entry.files.get(filePath));
      if (!cached) continue;
      if (cached !== entry.files.get(filePath)) changed = true;
      files.set(filePath, cached);
    }
    for (const old of entry.files.keys()) if (!files.has(old)) changed = true;
    entry.files = files;
    const name = await this.connectionName(folder, names);
    if (entry.snapshot && name !== entry.snapshot.name) changed = true;
    const revision = (entry.snapshot?.revision ?? 0) + (changed ? 1 : 0);
    entry.snapshot = {
      folder, name, revision,
      files: [...files.values()].map(f => ({ path: f.path, uri: f.uri, doc: f.doc })),
    };
    return entry.snapshot;
  }

  private async readFile(filePath: string, cached: CachedFile | undefined): Promise<CachedFile | undefined> {
    try {
      const stat = await fsp.stat(filePath);
      if (!stat.isFile()) return undefined;
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
      const text = stripBom(await fsp.readFile(filePath, 'utf8'));
      const uri = this.uriOf(filePath);
      return { path: filePath, uri, mtimeMs: stat.mtimeMs, size: stat.size, doc: AttributeDocument.fromFile(uri, text, 0) };
    } catch {
      return undefined;
    }
  }

  private async connectionName(folder: string, names: string[]): Promise<string> {
    const fallback = path.basename(path.resolve(folder));
    if (!names.includes(METADATA_FILE)) return fallback;
    try {
      const meta = JSON.parse(await fsp.readFile(path.join(folder, METADATA_FILE), 'utf8'));
      if (meta && typeof meta.connectionname === 'string' && meta.connectionname) return meta.connectionname;
    } catch { /* unreadable metadata: the folder's name */ }
    return fallback;
  }
}
