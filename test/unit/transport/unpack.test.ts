/** Unpacking: zips and bare files, several connections, non-strict JSON, folder protection. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { assembleConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import { buildPackage } from '../../../server/src/core/transport/node/package';
import { FolderNotEmptyError, subfolderNames, unpackExportBytes } from '../../../server/src/core/transport/node/unpack';
import { parseConnectionMeta } from '../../../server/src/core/transport/connectionMeta';
import { buildRawZip, sampleExport, tempDir } from './helpers';

const STAMP = new Date(Date.UTC(2023, 8, 5, 12, 38, 50));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

test('a package unpacks back into the same attribute files and metadata', async t => {
  const dir = tempDir(t);
  const files = {
    'CreateTicketJSON.json': '{\r\n  "call": [\r\n    {\r\n      "name": "call1",\r\n      "url": "https://api.intercom.io/tickets"\r\n    }\r\n  ]\r\n}',
    'TicketStatusJSON.json': '{\n\t"call": [ ]\n}',
    'connection.meta.json': JSON.stringify({ connectionname: 'Intercom', templateName: 'Intercom', encrypted: { templateMandatoryData: 'daEnLks62aXyjzFDjc0ZFA/M3mlUVeh7XDxWWfHHt2A=' } }),
  };
  const folder = assembleConnectionFolder('/any/Intercom', Object.entries(files).map(([fileName, text]) => ({ fileName, text })));
  const pkg = await buildPackage(folder, { timestamp: STAMP, exportedBy: 'admin', system: 'tenant.example' });
  const target = path.join(dir, 'out');
  const result = await unpackExportBytes(nodeFs, pkg.zip, pkg.fileName, target);
  assert.equal(result.connections.length, 1);
  assert.equal(result.connections[0].folder, target);
  assert.deepEqual(readdirSync(target).sort(), ['CreateTicketJSON.json', 'TicketStatusJSON.json', 'connection.meta.json']);
  for (const name of ['CreateTicketJSON.json', 'TicketStatusJSON.json']) {
    assert.equal(readFileSync(path.join(target, name), 'utf8'), files[name as keyof typeof files]);
  }
  assert.equal(result.connections[0].templateMandatoryDataKept, true);
  const meta = parseConnectionMeta(readFileSync(path.join(target, 'connection.meta.json'), 'utf8'));
  assert.deepEqual(meta.errors, []);
  assert.equal(meta.meta.columns.connectionname, 'Intercom');
  assert.equal(meta.meta.encrypted.templateMandatoryData, 'daEnLks62aXyjzFDjc0ZFA/M3mlUVeh7XDxWWfHHt2A=');
  assert.equal(meta.meta.exportedFrom?.system, 'tenant.example');
  assert.equal(meta.meta.exportedFrom?.exportedOn, '2023-09-05 12:38:50');

  // And packaging the unpacked folder again gives the same package.
  const again = await buildPackage(assembleConnectionFolder(target, readdirSync(target).map(f => ({ fileName: f, text: readFileSync(path.join(target, f), 'utf8') }))),
    { timestamp: STAMP });
  assert.equal(again.entries[0].text, pkg.entries[0].text);
  assert.ok(Buffer.from(again.zip).equals(Buffer.from(pkg.zip)), 'exported-by and system come back from the metadata');
});

test('ciphertext is kept in the metadata, reported, and not written as a file', async t => {
  const dir = tempDir(t);
  const cipher = 'F094T0v6WHOpHcSzOqzN/G0EOXMVamwB8u2E9ttQNJNH/uqcgtvsw9t4/JqDJeCq';
  const text = JSON.stringify({ C: { connectionname: 'C', templateMandatoryData: null, EXTERNAL_ATTR: [
    { attributename: 'ConnectionJSON', encryptedattributevalue: cipher, formdata: null, credentialSaveStatus: false },
    { attributename: 'ImportAccountEntJSON', encryptedattributevalue: '{}', formdata: null, credentialSaveStatus: false },
  ] } });
  const result = await unpackExportBytes(nodeFs, utf8(text), 'Connection_x.json', dir);
  assert.deepEqual(result.connections[0].encrypted, ['ConnectionJSON']);
  assert.deepEqual(result.connections[0].files, ['ImportAccountEntJSON.json', 'connection.meta.json']);
  const meta = JSON.parse(readFileSync(path.join(dir, 'connection.meta.json'), 'utf8'));
  assert.equal(meta.encrypted.attributes.ConnectionJSON, cipher);
  assert.equal(meta.templateMandatoryData, null);
  assert.deepEqual(meta.attributeNames, ['ConnectionJSON', 'ImportAccountEntJSON'], 'a non-standard attribute list is recorded');
});

test('an export with several connections gives one sub-folder each, or the chosen one', async t => {
  const dir = tempDir(t);
  const two = JSON.stringify({
    ...JSON.parse(sampleExport('Alpha', '{"a":1}')),
    ...JSON.parse(sampleExport('../Beta', '{"b":2}')),
  });
  const all = await unpackExportBytes(nodeFs, utf8(two), 'Connection_2024.json', path.join(dir, 'all'));
  assert.deepEqual(all.connections.map(c => path.relative(dir, c.folder)), [path.join('all', 'Alpha'), path.join('all', '_Beta')]);
  assert.equal(readFileSync(path.join(dir, 'all', '_Beta', 'CreateAccountJSON.json'), 'utf8'), '{"b":2}');
  assert.ok(!existsSync(path.join(dir, 'Beta')), 'a connection name cannot lead outside the target');
  const meta = JSON.parse(readFileSync(path.join(dir, 'all', '_Beta', 'connection.meta.json'), 'utf8'));
  assert.equal(meta.connectionname, '../Beta', 'the real name is kept in the metadata');

  const one = await unpackExportBytes(nodeFs, utf8(two), 'Connection_2024.json', path.join(dir, 'one'), { connection: 'alpha' });
  assert.equal(one.connections.length, 1);
  assert.equal(one.connections[0].folder, path.join(dir, 'one'));
  assert.deepEqual(one.skipped, ['../Beta']);
  await assert.rejects(unpackExportBytes(nodeFs, utf8(two), 'x.json', path.join(dir, 'none'), { connection: 'Gamma' }), /no connection named "Gamma"; it has: "Alpha", "..\/Beta"/);
  assert.deepEqual(subfolderNames(['a/b', 'A_B', '..', 'CON', '']), ['a_b', 'A_B_2', 'connection_', 'connection_CON', 'connection__2']);
});

test('exports that are not strict JSON are read; broken ones fail with a position', async t => {
  const dir = tempDir(t);
  // Raw CR, LF and TAB inside the string value and a \' escape, as some tenants write them.
  const loose = '{"L":{"connectionname":"L","EXTERNAL_ATTR":[{"attributename":"CreateAccountJSON","encryptedattributevalue":"{\r\n\t\\"x\\": \\\'y\\\'\r\n}"}]}}';
  const result = await unpackExportBytes(nodeFs, utf8(loose), 'Connection_loose.json', dir);
  assert.equal(readFileSync(path.join(dir, 'CreateAccountJSON.json'), 'utf8'), '{\r\n\t"x": \'y\'\r\n}');
  assert.ok(result.notes.some(n => /not strict JSON/.test(n) && /raw control characters/.test(n)));
  assert.ok(result.notes.some(n => /\\' escapes/.test(n)));

  const broken = '{\n  "L": {\n    "connectionname": "L",\n    "EXTERNAL_ATTR": [ {"attributename" "x"} ]\n  }\n}';
  await assert.rejects(unpackExportBytes(nodeFs, utf8(broken), 'Connection_broken.json', path.join(dir, 'b')),
    /Connection_broken\.json line 4, column 41: expected ':' after the property name "attributename"/);
  await assert.rejects(unpackExportBytes(nodeFs, utf8('{"L": {"connectionname": "L"}}'), 'Connection_c.json', path.join(dir, 'c')),
    /no EXTERNAL_ATTR list/);
  const hostileName = '{"L":{"EXTERNAL_ATTR":[{"attributename":"../../evil","encryptedattributevalue":"{}"}]}}';
  await assert.rejects(unpackExportBytes(nodeFs, utf8(hostileName), 'Connection_d.json', path.join(dir, 'd')), /cannot be a file name/);
  assert.ok(!existsSync(path.join(dir, 'd')) && !existsSync(path.join(dir, '..', 'evil.json')));
});

test('a non-empty target folder is refused unless forced', async t => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'README.md'), 'mine');
  await assert.rejects(unpackExportBytes(nodeFs, utf8(sampleExport()), 'Connection_s.json', dir), FolderNotEmptyError);
  assert.deepEqual(readdirSync(dir), ['README.md']);
  writeFileSync(path.join(dir, 'UpdateAccountJSON.json'), '{}');
  const forced = await unpackExportBytes(nodeFs, utf8(sampleExport()), 'Connection_s.json', dir, { force: true });
  assert.equal(readFileSync(path.join(dir, 'README.md'), 'utf8'), 'mine');
  assert.ok(forced.notes.some(n => n.includes('UpdateAccountJSON.json') && n.includes('not part of this export')));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'target-file'), 'x');
  await assert.rejects(unpackExportBytes(nodeFs, utf8(sampleExport()), 'Connection_s.json', path.join(dir, 'target-file')), /not a folder/);
});

test('archive layouts seen in the wild: Windows paths, a folder, __MACOSX, other objects', async t => {
  const dir = tempDir(t);
  const windows = buildRawZip([
    { name: 'C:/saviynt_conf/saviynt/reports/Transport/Export/admin/Connection_2023-01-01_00-00-00(UTC).json', data: sampleExport('Win'), deflate: true },
    { name: 'C:\\saviynt_conf\\saviynt\\reports\\Transport\\Export\\admin\\ObjectSummary_2023-01-01_00-00-00(UTC).json', data: '{"Information":{"System":"win.example"}}' },
  ]);
  const w = await unpackExportBytes(nodeFs, windows, 'transport.zip', path.join(dir, 'w'));
  assert.equal(w.connections[0].name, 'Win');
  assert.ok(w.notes.some(n => /Windows absolute path/.test(n)));
  assert.deepEqual(readdirSync(path.join(dir, 'w')).sort(), ['CreateAccountJSON.json', 'connection.meta.json']);

  const rezipped = buildRawZip([
    { name: 'Intercom/' },
    { name: 'Intercom/Connection_2023-09-05_12-38-50(UTC).json', data: sampleExport('Re'), deflate: true },
    { name: '__MACOSX/Intercom/._Connection_2023-09-05_12-38-50(UTC).json', data: 'junk' },
    { name: 'Intercom/Workflow_x_2023-09-05_12-38-50(UTC).wf', data: '<wf/>' },
  ]);
  const r = await unpackExportBytes(nodeFs, rezipped, 'Intercom.zip', path.join(dir, 'r'));
  assert.equal(r.connections[0].name, 'Re');
  assert.deepEqual(r.otherEntries, ['Intercom/Workflow_x_2023-09-05_12-38-50(UTC).wf']);

  await assert.rejects(unpackExportBytes(nodeFs, buildRawZip([{ name: 'ObjectSummary_1.json', data: '{}' }]), 'empty.zip', path.join(dir, 'e')),
    /holds no Connection_<timestamp>\.json/);
});
