/**
 * What reading an EIC transport zip decides, independent of the zip library (the reader itself,
 * which needs inflate, is host code: node/zipReader.ts). A reader reads defensively. The archive may come from
 * anywhere, so before anything is used:
 *
 * - entry names that climb out (`..`), POSIX or UNC absolute paths, control characters,
 *   symlink entries and encrypted entries reject the whole archive;
 * - a Windows absolute path (`C:/saviynt_conf/…/Connection_….json`, as one real export
 *   stores them) is reduced to its base name; so is any folder inside the zip;
 * - `__MACOSX/` and `._*` entries (macOS re-zips) and folders are skipped;
 * - the number of entries, each entry's size, the total size and the compression ratio are
 *   limited, and the limits are enforced on the bytes actually inflated, not only on the
 *   sizes the archive declares;
 * - every entry read is checked against the CRC-32 the archive stores for it (yauzl does not),
 *   so a damaged or edited entry rejects the archive instead of unpacking silently.
 *
 * Nothing is written anywhere: only file contents are returned, keyed by base name.
 */

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio accepted for entries above ratioCheckFromBytes. */
  maxRatio: number;
  ratioCheckFromBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
};

export class UnsafeArchiveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeArchiveError';
  }
}

export interface ZipFileRead {
  /** Base name used from now on. */
  name: string;
  /** The name as stored in the archive. */
  entryName: string;
  data: Uint8Array;
}

export interface ZipReadResult {
  files: ZipFileRead[];
  /** Entries that were not read (other EIC object types, stray files), by stored name. */
  otherEntries: string[];
  notes: string[];
}

type NameDecision =
  | { action: 'use'; name: string; note?: string }
  | { action: 'skip'; reason: string }
  | { action: 'reject'; reason: string };

/** Decides what to do with an entry name (exported for tests). */
export function classifyEntryName(stored: string): NameDecision {
  if (/[\u0000-\u001f]/.test(stored)) return { action: 'reject', reason: `entry name ${JSON.stringify(stored)} contains control characters` };
  const name = stored.replace(/\\/g, '/');
  if (name.split('/').includes('..')) {
    return { action: 'reject', reason: `entry "${stored}" climbs out of the target folder with ".."` };
  }
  if (name.startsWith('/')) return { action: 'reject', reason: `entry "${stored}" has an absolute path` };
  if (name.endsWith('/')) return { action: 'skip', reason: 'folder' };
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (name.split('/').includes('__MACOSX') || base.startsWith('._')) return { action: 'skip', reason: 'macOS metadata' };
  if (base === '' || base === '.') return { action: 'skip', reason: 'no file name' };
  if (/^[A-Za-z]:\//.test(name)) {
    return { action: 'use', name: base, note: `entry "${stored}" is stored with a Windows absolute path; only its name "${base}" is used` };
  }
  if (/^[A-Za-z]:/.test(name)) return { action: 'reject', reason: `entry "${stored}" has a drive-relative Windows path` };
  return { action: 'use', name: base };
}

/** The entries a reader returns; others are listed by name only. */
export const WANTED_ENTRY = /^(Connection|ObjectSummary)_.*\.json$/i;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b
    && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** Reads a transport zip's wanted entries within the limits (rejecting with UnsafeArchiveError). */
export type ZipReader = (bytes: Uint8Array, limits?: Partial<ZipLimits>) => Promise<ZipReadResult>;
