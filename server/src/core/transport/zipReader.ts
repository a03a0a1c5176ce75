/**
 * Reads the object files of an EIC transport zip, defensively. The archive may come from
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
import * as yauzl from 'yauzl';
import { crc32 } from './crc32';

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

const WANTED = /^(Connection|ObjectSummary)_.*\.json$/i;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b
    && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

interface LowLevelYauzl {
  getFileNameLowLevel(flags: number, raw: Buffer, extraFields: Array<{ id: number; data: Buffer }>, strict: boolean): string;
}

const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

export function readTransportZip(bytes: Uint8Array, limitOverrides: Partial<ZipLimits> = {}): Promise<ZipReadResult> {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...limitOverrides };
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        const reason = (err?.message ?? 'unknown error').replace(/\.+$/, '');
        reject(new UnsafeArchiveError(`This is not a readable zip archive (${reason}); it was not unpacked.`));
        return;
      }
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        reject(new UnsafeArchiveError(`The archive has ${zip.entryCount} entries; an EIC transport package has a handful `
          + `(limit ${limits.maxEntries}). It was not unpacked.`));
        return;
      }
      const result: ZipReadResult = { files: [], otherEntries: [], notes: [] };
      let declaredTotal = 0;
      let inflatedTotal = 0;
      let failed = false;
      const fail = (message: string) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(new UnsafeArchiveError(`${message}. The archive was not unpacked.`));
      };
      zip.on('error', (e: Error) => fail(`The archive is damaged: ${e.message}`));
      zip.on('end', () => { if (!failed) resolve(result); });
      zip.on('entry', (entry: yauzl.Entry) => {
        const raw = entry.fileName as unknown as Buffer;
        const stored = (yauzl as unknown as LowLevelYauzl).getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
        const decision = classifyEntryName(stored);
        if (decision.action === 'reject') return fail(`Refused: ${decision.reason}`);
        const unixMode = (entry.externalFileAttributes >>> 16) & 0o170000;
        if ((entry.versionMadeBy >> 8) === 3 && unixMode === 0o120000) return fail(`Refused: entry "${stored}" is a symbolic link`);
        if (decision.action === 'skip') { zip.readEntry(); return; }
        if (decision.note) result.notes.push(decision.note);
        declaredTotal += entry.uncompressedSize;
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          return fail(`Refused: entry "${stored}" would unpack to ${entry.uncompressedSize} bytes (limit ${limits.maxEntryBytes})`);
        }
        if (declaredTotal > limits.maxTotalBytes) return fail(`Refused: the entries would unpack to more than ${limits.maxTotalBytes} bytes in total`);
        if (entry.uncompressedSize >= limits.ratioCheckFromBytes && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
          return fail(`Refused: entry "${stored}" is compressed ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))}:1, `
            + `which is how zip bombs look (limit ${limits.maxRatio}:1)`);
        }
        if (!WANTED.test(decision.name)) { result.otherEntries.push(stored); zip.readEntry(); return; }
        if (entry.isEncrypted()) return fail(`Refused: entry "${stored}" is password-protected`);
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return fail(`Cannot read entry "${stored}": ${streamErr?.message ?? 'no data'}`);
          const chunks: Buffer[] = [];
          let size = 0;
          let crc = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
            crc = crc32(chunk, crc);
            inflatedTotal += chunk.length;
            if (size > Math.min(entry.uncompressedSize, limits.maxEntryBytes) || inflatedTotal > limits.maxTotalBytes) {
              stream.destroy();
              fail(`Refused: entry "${stored}" inflates to more bytes than it declares or than the limits allow`);
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', (e: Error) => fail(/too (many|few) bytes/.test(e.message)
            ? `Refused: entry "${stored}" does not inflate to the size it declares (${e.message.replace(/\.+$/, '')})`
            : `Cannot read entry "${stored}": ${e.message.replace(/\.+$/, '')}`));
          stream.on('end', () => {
            if (failed) return;
            if (crc !== entry.crc32 >>> 0) {
              return fail(`Refused: entry "${stored}" is damaged or was edited after it was packed (its CRC-32 is `
                + `${hex(crc)}, the archive says ${hex(entry.crc32)})`);
            }
            result.files.push({ name: decision.name, entryName: stored, data: new Uint8Array(Buffer.concat(chunks)) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
