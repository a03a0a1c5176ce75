/**
 * Reading connection folders from disk (Node only): the attribute files of a folder,
 * its connection name, and a cache that re-reads a file only when it changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { attributeForFileName } from '../core/attributes';
import { AttributeDocument } from '../core/document';
import { StaticConnection } from '../core/connection';
import { MAX_TEXT_FILE_BYTES, readInputText } from './inputFiles';

export const METADATA_FILE = 'connection.meta.json';

/** The attribute files (`<Attribute>.json`, any case) directly inside a folder. */
export function listAttributeFiles(folder: string): string[] {
  let names: string[];
  try { names = fs.readdirSync(folder); } catch { return []; }
  return names
    .filter(n => attributeForFileName(n) !== undefined)
    .sort()
    .map(n => path.join(folder, n));
}

/** The connection's name: `connectionname` from the metadata file, else the folder's name. */
export function connectionName(folder: string): string {
  try {
    const meta = JSON.parse(readInputText(path.join(folder, METADATA_FILE)));
    if (meta && typeof meta.connectionname === 'string' && meta.connectionname) return meta.connectionname;
  } catch { /* no or unreadable metadata: use the folder name */ }
  return path.basename(path.resolve(folder));
}

interface CachedFile { mtimeMs: number; size: number; doc: AttributeDocument }

/** Caches parsed attribute documents read from disk, keyed by path, invalidated by mtime/size. */
export class DiskDocumentCache {
  private readonly files = new Map<string, CachedFile>();

  read(filePath: string, uri: string = filePath): AttributeDocument | undefined {
    let stat: fs.Stats;
    try { stat = fs.statSync(filePath); } catch { this.files.delete(filePath); return undefined; }
    // Only regular files of a sane size: a named pipe or a device must never block the server.
    if (!stat.isFile() || stat.size > MAX_TEXT_FILE_BYTES) { this.files.delete(filePath); return undefined; }
    const cached = this.files.get(filePath);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.doc.uri === uri) return cached.doc;
    let text: string;
    try { text = readInputText(filePath); } catch { return undefined; }
    const doc = AttributeDocument.fromFile(uri, text, 0);
    this.files.set(filePath, { mtimeMs: stat.mtimeMs, size: stat.size, doc });
    return doc;
  }

  invalidate(filePath: string): void {
    this.files.delete(filePath);
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Loads a whole connection folder from disk (used by the CLI). */
export function loadConnectionFolder(folder: string, cache = new DiskDocumentCache()): StaticConnection {
  const docs = listAttributeFiles(folder)
    .map(f => cache.read(f))
    .filter((d): d is AttributeDocument => d !== undefined);
  return new StaticConnection(connectionName(folder), docs, folder);
}
