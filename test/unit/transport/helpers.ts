/** Shared helpers for the transport tests: temp folders, the corpus, a raw zip builder. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** ../shared next to the repository (absent on some clones: corpus tests then skip). */
export const SHARED = path.resolve(__dirname, '../../../../shared');
export const CORPUS_EXPORTS = path.join(SHARED, 'saviynt-corpus/exports');
export const CORPUS_CONNECTIONS = path.join(SHARED, 'saviynt-corpus/connections');
export const HAS_CORPUS = existsSync(CORPUS_EXPORTS) && existsSync(CORPUS_CONNECTIONS);
export const NO_CORPUS_REASON = `the reference corpus is not at ${CORPUS_EXPORTS} (../shared is absent on this clone)`;

export function tempDir(t: { after(fn: () => void): void }, prefix = 'transport-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The zip checksum: zlib's, independent of the engine's own (which zipCrc.test.ts compares with it). */
export { crc32 } from 'node:zlib';

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

/**
 * Builds a zip byte by byte, without the safety checks of a zip library, so that the
 * tests can make the archives an attacker would: any name, symlinks, lying sizes.
 */
export function buildRawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data ?? Buffer.alloc(0));
    const body = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.declaredCrc ?? crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const method = entry.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode !== undefined ? (3 << 8) | 20 : 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
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

/** A minimal, valid single-connection export file text. */
export function sampleExport(name = 'Sample', createAccount = '{\r\n  "call": []\r\n}'): string {
  return JSON.stringify({
    [name]: {
      connectionname: name, connectiondescription: 'd', externalconnectiontype: 'REST', status: 1,
      EXTERNAL_ATTR: [
        { formdata: null, credentialSaveStatus: false, attributename: 'CreateAccountJSON', encryptedattributevalue: createAccount },
      ],
    },
  }, null, 2);
}
