/**
 * The yazl implementation of ZipWriter: flat, deflated, DOS timestamps, no extra fields, and
 * deterministic (entries sorted by name, one entry time written in UTC whatever the time zone).
 */
import { ZipFile } from 'yazl';
import type { ZipInput, ZipWriteOptions } from '../zipWriter';

/**
 * yazl turns a Date into DOS date/time fields with the local-time getters. This Date
 * answers them with UTC values, so the fields hold the UTC time on every machine (EIC's
 * entry times are UTC too).
 */
class UtcFieldsDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
}

export function writeZip(entries: ZipInput[], mtime: Date, options: ZipWriteOptions = {}): Promise<Uint8Array> {
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw new Error(`Two package entries are named ${e.name}.`);
    names.add(e.name);
  }
  const sorted = [...entries].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const zip = new ZipFile();
  const stamp = new UtcFieldsDate(mtime.getTime());
  for (const entry of sorted) {
    zip.addBuffer(Buffer.from(entry.data), entry.name, {
      mtime: stamp, mode: 0o100644, forceDosTimestamp: true, compress: options.compress !== false,
    });
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    zip.end();
  });
}
