/**
 * Every real export in the corpus: unpack gives the corpus attribute files byte for byte,
 * packaging the unpacked folder gives back every attribute value and the same envelope, and
 * the EIC-style writer reproduces the exports' own bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { unpackExportBytes } from '../../../server/src/core/transport/node/unpack';
import { packageConnectionFolder } from '../../../server/src/core/transport/node/package';
import { parseLenientJson, type JsonValue } from '../../../server/src/core/transport/lenientJson';
import { writeEicJson, type EicJson } from '../../../server/src/core/transport/eicJsonWriter';
import { CORPUS_CONNECTIONS, CORPUS_EXPORTS, HAS_CORPUS, NO_CORPUS_REASON, tempDir } from './helpers';

const exportFiles = HAS_CORPUS ? readdirSync(CORPUS_EXPORTS).filter(f => f.endsWith('.json')).sort() : [];
const STAMP = new Date(Date.UTC(2024, 4, 1, 9, 30, 0));

type Conn = { columns: Record<string, unknown>; attrs: [string, string | null][] };

function readConnections(text: string): Map<string, Conn> {
  const root = JSON.parse(text) as Record<string, Record<string, unknown>>;
  const out = new Map<string, Conn>();
  for (const [name, conn] of Object.entries(root)) {
    const { EXTERNAL_ATTR, ...columns } = conn;
    const attrs = (EXTERNAL_ATTR as { attributename: string; encryptedattributevalue: string | null }[])
      .map(e => [e.attributename, e.encryptedattributevalue] as [string, string | null]);
    out.set(name, { columns, attrs });
  }
  return out;
}

test('the corpus is present (otherwise the corpus tests below are skipped)', { skip: HAS_CORPUS ? false : NO_CORPUS_REASON }, () => {
  assert.ok(exportFiles.length >= 30, `expected the ~36 corpus exports, found ${exportFiles.length}`);
});

for (const file of exportFiles) {
  const app = file.replace(/\.json$/, '');
  test(`round trip of the ${app} export`, async t => {
    const dir = tempDir(t);
    const original = readFileSync(path.join(CORPUS_EXPORTS, file));
    const target = path.join(dir, app);
    const unpacked = await unpackExportBytes(nodeFs, new Uint8Array(original), file, target);
    assert.equal(unpacked.connections.length, 1);
    const conn = unpacked.connections[0];

    // 1. Unpack equals the corpus connection folder byte for byte (when the corpus has one).
    const corpusFolder = path.join(CORPUS_CONNECTIONS, app);
    const written = conn.files.filter(f => f !== 'connection.meta.json').sort();
    if (existsSync(corpusFolder)) {
      assert.deepEqual(written, readdirSync(corpusFolder).sort(), 'same attribute files as the corpus folder');
      for (const f of written) {
        assert.ok(readFileSync(path.join(target, f)).equals(readFileSync(path.join(corpusFolder, f))), `${f} differs from the corpus file`);
      }
    }
    // ConnectionJSON is ciphertext in every REST export: kept aside, never written as a file.
    const originalConns = readConnections(original.toString('utf8'));
    const source = [...originalConns.values()][0];
    const secret = source.attrs.find(([n]) => n === 'ConnectionJSON');
    if (secret && secret[1]) {
      assert.ok(conn.encrypted.includes('ConnectionJSON'));
      assert.ok(!written.includes('ConnectionJSON.json'));
    }

    // 2. Packaging the folder gives back every value and the same envelope.
    const isRest = source.columns.externalconnectiontype === 'REST';
    const result = await packageConnectionFolder(nodeFs, target, { timestamp: STAMP, allowErrors: !isRest });
    if (isRest) assert.deepEqual(result.checkMessages, [], 'real REST exports pass the JSON syntax check');
    const repackaged = readConnections(result.entries[0].text);
    assert.deepEqual([...repackaged.keys()], [...originalConns.keys()]);
    for (const [name, before] of originalConns) {
      const after = repackaged.get(name)!;
      assert.deepEqual(after.columns, before.columns, 'same columns and values');
      assert.deepEqual(after.attrs.map(a => a[0]), before.attrs.map(a => a[0]), 'same attributes in the same order');
      for (let i = 0; i < before.attrs.length; i++) {
        assert.ok(after.attrs[i][1] === before.attrs[i][1], `${before.attrs[i][0]} value changed`);
      }
    }
    assert.deepEqual(result.secretPlaceholders, [], 'ciphertext is not mistaken for a literal secret');
  });
}

/** Rebuilds a parsed export with Maps in file order, so the writer can be compared byte for byte. */
function asEicJson(value: JsonValue): EicJson {
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, asEicJson(v)]));
  if (Array.isArray(value)) return value.map(asEicJson);
  return value;
}

test('the EIC-style writer reproduces the corpus exports byte for byte', { skip: HAS_CORPUS ? false : NO_CORPUS_REASON }, () => {
  const mismatches: string[] = [];
  for (const file of exportFiles) {
    const text = readFileSync(path.join(CORPUS_EXPORTS, file), 'utf8');
    if (writeEicJson(asEicJson(parseLenientJson(text).value)) !== text) mismatches.push(file);
  }
  // signalsciences.json was re-formatted by hand after export (arrays start on the key's line).
  assert.deepEqual(mismatches, ['signalsciences.json']);
});
