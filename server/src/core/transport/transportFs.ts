/**
 * The small file-system surface the transport code needs. The VS Code client adapts
 * `workspace.fs` to it; the CLI uses the node:fs implementation in nodeFs.ts.
 * Paths are plain strings; joinPath() accepts both separators.
 */

export type FsEntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface FsEntry {
  name: string;
  kind: FsEntryKind;
}

export interface FsStat {
  kind: FsEntryKind;
  size: number;
}

export interface TransportFs {
  /** The entries directly inside a folder (no recursion, symlinks not followed). */
  readDir(path: string): Promise<FsEntry[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Creates or replaces a file. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Creates a folder and its parents; succeeds when it already exists. */
  mkdir(path: string): Promise<void>;
  /** Undefined when nothing exists at the path. Does not follow symlinks. */
  stat(path: string): Promise<FsStat | undefined>;
}

/** Joins path segments with '/', keeping a leading root and tolerating trailing separators. */
export function joinPath(base: string, ...segments: string[]): string {
  let out = base;
  for (const segment of segments) {
    if (!segment) continue;
    if (out === '') { out = segment; continue; }
    out = /[\\/]$/.test(out) ? out + segment : `${out}/${segment}`;
  }
  return out;
}

/** The last segment of a path written with either separator. */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8; a leading byte-order mark is kept (callers decide whether to strip it). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
