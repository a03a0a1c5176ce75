/**
 * A zip written byte by byte, without the safety checks of a zip library: the transport tests
 * build the archives an attacker would (any name, symlinks, lying sizes), and the fake EIC its
 * export packages. Pure Node (zlib's deflate and CRC-32, independent of the engine's own).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  data?: Uint8Array | string;
  deflate?: boolean;
  /** Unix mode written into the external attributes (with "made by" Unix). */
  unixMode?: number;
  /** Declared uncompressed size, to build archives that lie about it. */
  declaredSize?: number;
  /** Declared CRC-32, to build archives whose checksum does not match the data. */
  declaredCrc?: number;
}

interface EntryFields {
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/**
 * The fields a local header and a central directory record share, in the same order (version
 * needed to extract … file name length), written from `at`: 4 in a local header, 6 in a record.
 */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(0, at + 6); // 00:00
  header.writeUInt16LE(0x21, at + 8); // 1980-01-01
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
}

/** The zip of the entries, in their order (stored, or deflated where an entry asks for it). */
export function buildRawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data ?? Buffer.alloc(0));
    const body = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const fields: EntryFields = {
      method: entry.deflate ? 8 : 0,
      crc: entry.declaredCrc ?? crc32(raw),
      compressedSize: body.length,
      size: entry.declaredSize ?? raw.length,
      nameLength: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, fields);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode !== undefined ? (3 << 8) | 20 : 20, 4);
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE(entry.unixMode !== undefined ? (entry.unixMode << 16) >>> 0 : 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}
