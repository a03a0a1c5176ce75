/**
 * The yauzl implementation of ZipReader (see ../zipReader.ts for what is checked and why):
 * entry names, symlinks, encryption, sizes, ratios and every entry's CRC-32.
 */
import * as yauzl from 'yauzl';
import { crc32 } from '../crc32';
import {
  DEFAULT_ZIP_LIMITS, UnsafeArchiveError, WANTED_ENTRY, classifyEntryName, type ZipLimits, type ZipReadResult,
} from '../zipReader';

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
        if (!WANTED_ENTRY.test(decision.name)) { result.otherEntries.push(stored); zip.readEntry(); return; }
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
