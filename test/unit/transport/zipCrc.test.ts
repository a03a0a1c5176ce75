/** unpack verifies the CRC-32 of every entry it reads (yauzl does not) and refuses a damaged or edited one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { unpackExportBytes } from '../../../server/src/core/transport/node/unpack';
import { UnsafeArchiveError } from '../../../server/src/core/transport/zipReader';
import { crc32 as coreCrc32 } from '../../../server/src/core/transport/crc32';
import { crc32 } from 'node:zlib';
import { buildRawZip, sampleExport, tempDir } from './helpers';

const CONN = 'Connection_2024-01-01_00-00-00(UTC).json';

async function refused(t: Parameters<typeof tempDir>[0], bytes: Uint8Array): Promise<string> {
  const target = path.join(tempDir(t), 'target');
  let message = '';
  await assert.rejects(unpackExportBytes(nodeFs, bytes, 'damaged.zip', target), (error: unknown) => {
    assert.ok(error instanceof UnsafeArchiveError, String(error));
    message = error.message;
    return true;
  });
  assert.ok(!existsSync(target), 'nothing is written');
  return message;
}

test('the CRC-32 implementation matches the standard check values and zlib', () => {
  const enc = new TextEncoder();
  assert.equal(coreCrc32(new Uint8Array()), 0);
  assert.equal(coreCrc32(enc.encode('123456789')), 0xcbf43926);
  assert.equal(coreCrc32(enc.encode('The quick brown fox jumps over the lazy dog')), 0x414fa339);
  const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff);
  assert.equal(coreCrc32(big), crc32(big));
  // Incremental use gives the same result.
  assert.equal(coreCrc32(big.subarray(50_000), coreCrc32(big.subarray(0, 50_000))), crc32(big));
});

test('a stored entry edited after packing is refused, naming the entry', async t => {
  const bytes = buildRawZip([{ name: CONN, data: sampleExport() }]);
  const at = Buffer.from(bytes).indexOf('"connectiondescription": "d"');
  assert.ok(at > 0);
  bytes[at + '"connectiondescription": "'.length] = 'e'.charCodeAt(0); // same size, other content
  const message = await refused(t, bytes);
  assert.match(message, new RegExp(`entry "${CONN.replace(/[()]/g, '\\$&')}" is damaged or was edited`));
  assert.match(message, /CRC-32/);
});

test('a deflated entry whose checksum does not match is refused', async t => {
  const data = sampleExport();
  const message = await refused(t, buildRawZip([{ name: CONN, data, deflate: true, declaredCrc: (crc32(Buffer.from(data)) ^ 1) >>> 0 }]));
  assert.match(message, /is damaged or was edited/);
});

test('an intact archive still unpacks', async t => {
  const target = path.join(tempDir(t), 'target');
  const result = await unpackExportBytes(nodeFs, buildRawZip([{ name: CONN, data: sampleExport(), deflate: true }]), 'good.zip', target);
  assert.equal(result.connections.length, 1);
});
