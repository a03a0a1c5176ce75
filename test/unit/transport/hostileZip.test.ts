/**
 * Hostile archives: each must be refused with a message saying why, and nothing may be
 * written — neither in the target nor outside it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { unpackExportBytes } from '../../../server/src/core/transport/node/unpack';
import { UnsafeArchiveError, classifyEntryName } from '../../../server/src/core/transport/zipReader';
import { buildRawZip, sampleExport, tempDir, type RawEntry } from './helpers';

const CONN = 'Connection_2024-01-01_00-00-00(UTC).json';

async function expectRefused(t: Parameters<typeof tempDir>[0], entries: RawEntry[] | Uint8Array, pattern: RegExp): Promise<void> {
  const dir = tempDir(t);
  const target = path.join(dir, 'sandbox', 'target');
  const bytes = entries instanceof Uint8Array ? entries : buildRawZip(entries);
  await assert.rejects(unpackExportBytes(nodeFs, bytes, 'hostile.zip', target), (error: unknown) => {
    assert.ok(error instanceof UnsafeArchiveError, `expected UnsafeArchiveError, got ${String(error)}`);
    assert.match(error.message, pattern);
    assert.match(error.message, /not unpacked/);
    return true;
  });
  assert.ok(!existsSync(target), 'nothing is written into the target');
  assert.deepEqual(readdirSync(dir), [], 'nothing is written next to it either');
}

test('path traversal is refused', async t => {
  await expectRefused(t, [{ name: `../../${CONN}`, data: sampleExport() }], /climbs out of the target folder/);
  await expectRefused(t, [{ name: CONN, data: sampleExport() }, { name: 'a/../../evil.json', data: '{}' }], /climbs out/);
  await expectRefused(t, [{ name: `..\\${CONN}`, data: sampleExport() }], /climbs out/);
});

test('absolute paths are refused (a Windows drive path is reduced to its name instead)', async t => {
  await expectRefused(t, [{ name: `/etc/${CONN}`, data: sampleExport() }], /absolute path/);
  await expectRefused(t, [{ name: `//server/share/${CONN}`, data: sampleExport() }], /absolute path/);
  await expectRefused(t, [{ name: `C:${CONN}`, data: sampleExport() }], /drive-relative/);
  assert.deepEqual(classifyEntryName(`D:\\exports\\${CONN}`), {
    action: 'use', name: CONN, note: `entry "D:\\exports\\${CONN}" is stored with a Windows absolute path; only its name "${CONN}" is used`,
  });
});

test('symbolic links are refused', async t => {
  await expectRefused(t, [{ name: CONN, data: '/etc/passwd', unixMode: 0o120777 }], /symbolic link/);
});

test('control characters in names are refused', async t => {
  await expectRefused(t, [{ name: `Connection_\u0000.json`, data: sampleExport() }], /control characters/);
});

test('too many entries are refused before anything is read', async t => {
  const entries: RawEntry[] = [{ name: CONN, data: sampleExport() }];
  for (let i = 0; i < 1000; i++) entries.push({ name: `f${i}.txt`, data: 'x' });
  await expectRefused(t, entries, /1001 entries.*limit 1000/);
});

test('zip bombs are refused: huge entries, huge totals, extreme ratios, lying sizes', async t => {
  const zeros = (mb: number) => new Uint8Array(mb * 1024 * 1024);
  await expectRefused(t, [{ name: CONN, data: zeros(21), deflate: true }], /would unpack to 22020096 bytes \(limit 20971520\)/);
  await expectRefused(t, [
    { name: 'Workflow_a.wf', data: zeros(19) },
    { name: 'Workflow_b.wf', data: zeros(19) },
    { name: 'Workflow_c.wf', data: zeros(19) },
  ], /more than 52428800 bytes in total/);
  await expectRefused(t, [{ name: CONN, data: zeros(5), deflate: true }], /compressed \d+:1, which is how zip bombs look/);
  // Declares 100 bytes but inflates to much more.
  await expectRefused(t, [{ name: CONN, data: new Uint8Array(200_000), deflate: true, declaredSize: 100 }], /does not inflate to the size it declares|inflates to more bytes than it declares/);
});

test('garbage that starts like a zip is refused cleanly', async t => {
  const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
  await expectRefused(t, bytes, /not a readable zip archive/);
});
