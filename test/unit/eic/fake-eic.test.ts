// The fake EIC itself follows eic-api.md §6: three body encodings on every v5 endpoint, the
// inconsistent key casing and types of the real answers, Basic log-in, pagination, delete,
// version gating, the knobs, and scenario 7 (transport import of a missing path, then a real one,
// polled to completion).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { DEFAULT_USER, fakeEic, type FakeEic } from './helpers';
import { writeZip } from '../../fake-eic/zip';

let f: FakeEic;
let token: string;
before(async () => { f = await fakeEic(); });
after(() => f.close());
beforeEach(async () => {
  f.reset();
  token = (await (await post('/ECM/api/login', { username: DEFAULT_USER.username, password: DEFAULT_USER.password }, 'json', false)).json()).access_token;
});

type Kind = 'json' | 'multipart' | 'form';

async function post(path: string, fields: Record<string, unknown>, kind: Kind = 'json', auth = true, method = 'POST', extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra };
  if (auth) headers.Authorization = `Bearer ${token}`;
  let body: string | FormData;
  if (kind === 'json') { body = JSON.stringify(fields); headers['Content-Type'] = 'application/json'; }
  else if (kind === 'form') { body = new URLSearchParams(fields as Record<string, string>).toString(); headers['Content-Type'] = 'application/x-www-form-urlencoded'; }
  else { const fd = new FormData(); for (const [k, v] of Object.entries(fields)) fd.append(k, String(v)); body = fd; }
  return fetch(`${f.url}${path}`, { method, headers, body });
}

/** A GET with a JSON body, as transportPackageStatus documents it (fetch cannot send one). */
function getWithBody(path: string, fields: Record<string, string>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(fields);
    const req = http.request(`${f.url}${path}`, { method: 'GET', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, res => {
      let text = '';
      res.on('data', c => { text += c; });
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const save = (fields: Record<string, string>, kind: Kind = 'multipart', extra?: Record<string, string>) =>
  post('/ECM/api/v5/testConnection', { connectiontype: 'REST', saveconnection: 'Y', ...fields }, kind, true, 'POST', extra);

describe('fake EIC', () => {
  it('accepts JSON, multipart and form-urlencoded bodies on the v5 endpoints', async () => {
    for (const kind of ['json', 'multipart', 'form'] as Kind[]) {
      const r = await save({ connectionName: `C_${kind}`, ImportUserJSON: `{"k":"${kind}"}`, ConnectionJSON: '{"a":1}' }, kind);
      assert.equal(r.status, 200, kind);
      const details = await (await post('/ECM/api/v5/getConnectionDetails', { connectionname: `C_${kind}` }, kind)).json();
      assert.equal(details.connectionattributes.ImportUserJSON, `{"k":"${kind}"}`);
    }
  });

  it('keeps the casing and types of the real answers', async () => {
    const saved = await (await save({ connectionName: 'X', ConnectionJSON: '{}' })).json();
    assert.deepEqual(Object.keys(saved).sort(), ['connectionKey', 'errorCode', 'msg']);
    assert.equal(saved.errorCode, '0');
    const list = await (await post('/ECM/api/v5/getConnections', {}, 'multipart')).json();
    assert.equal(list.errorCode, '0');
    assert.equal(list.ConnectionList[0].CONNECTIONNAME, 'X');
    assert.equal(list.ConnectionList[0].STATUS, 1);
    assert.match(list.ConnectionList[0].CREATEDON, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const details = await (await post('/ECM/api/v5/getConnectionDetails', { connectionname: 'X' })).json();
    assert.equal(details.errorcode, 0);
    assert.equal(typeof details.connectionkey, 'number');
    assert.equal(details.connectionattributes.isTimeoutSupported, true);
    assert.equal(details.connectionattributes.ImportUserJSON, null, 'never set: null');
    const missing = await post('/ECM/api/v5/getConnectionDetails', { connectionname: 'nope' });
    assert.equal(missing.status, 412);
    assert.deepEqual(await missing.json(), { errorcode: 1, msg: 'Connection not found' });
    const del = await (await post('/ECM/api/v5/deleteConnection', { connectionkey: [String(saved.connectionKey)], updateuser: 'admin' }, 'json', true, 'DELETE')).json();
    assert.deepEqual(del, { connections: [{ [saved.connectionKey]: 'Connection Deleted Sucessfully' }], errorcode: '0', msg: 'success' });
  });

  it('logs in with Authorization: Basic too; other v5 calls need a valid bearer token', async () => {
    const basic = Buffer.from(`${DEFAULT_USER.username}:${DEFAULT_USER.password}`).toString('base64');
    const r = await fetch(`${f.url}/ECM/api/login`, { method: 'POST', headers: { Authorization: `Basic ${basic}` } });
    assert.equal(r.status, 200);
    assert.equal((await r.json()).expires_in, 1800);
    const bad = await fetch(`${f.url}/ECM/api/v5/getConnections`, { method: 'POST', headers: { Authorization: 'Bearer nope' } });
    assert.equal(bad.status, 401);
    assert.deepEqual(await bad.json(), { msg: 'Unauthorized', errorCode: '1' });
  });

  it('pages getConnections with string offset/max and reports totalCount', async () => {
    for (let i = 0; i < 5; i++) await save({ connectionName: `P${i}`, ConnectionJSON: '{}' });
    const page = await (await post('/ECM/api/v5/getConnections', { offset: '2', max: '2' }, 'multipart')).json();
    assert.deepEqual(page.ConnectionList.map((c: { CONNECTIONNAME: string }) => c.CONNECTIONNAME), ['P2', 'P3']);
    assert.deepEqual([page.displayCount, page.totalCount], [2, 5]);
  });

  it('gates attributes by version, merges or replaces on update, and honours response: standard', async () => {
    f.configure({ eicVersion: '24.10' });
    const gated = await save({ connectionName: 'G', ApplicationDiscoveryJSON: '{}' });
    assert.equal(gated.status, 412);
    assert.match((await gated.json()).msg, /^Invalid attribute ApplicationDiscoveryJSON/);
    f.configure({ eicVersion: '25.B' });
    assert.equal((await save({ connectionName: 'G', ApplicationDiscoveryJSON: '{}', ConnectionJSON: '{}' })).status, 200);
    await save({ connectionName: 'G', ImportUserJSON: '{"a":1}' });
    assert.equal(f.connection('G')!.fields.get('ApplicationDiscoveryJSON'), '{}', 'merge keeps what was not sent');
    f.configure({ updateMode: 'replace' });
    await save({ connectionName: 'G', ImportUserJSON: '{"a":2}' });
    assert.equal(f.connection('G')!.fields.get('ApplicationDiscoveryJSON'), undefined, 'replace drops it');
    assert.equal(f.connection('G')!.connectionJson, undefined);
    const std = await (await save({ connectionName: 'G', ConnectionJSON: '{}' }, 'multipart', { response: 'standard' })).json();
    assert.equal(std.connectionStatus, 'SUCCESS');
    f.configure({ stdResponse: false, targetTestFails: true });
    const plain = await (await save({ connectionName: 'G', ConnectionJSON: '{}' }, 'multipart', { response: 'standard' })).json();
    assert.deepEqual(plain, { connectionKey: f.connection('G')!.key, errorCode: '0', msg: 'Connection Failed' });
  });

  it('returns ConnectionJSON by the read-back knob: omitted, ciphertext (new per save) or plaintext', async () => {
    await save({ connectionName: 'S', ConnectionJSON: '{"password":"p"}' });
    const read = async () => (await (await post('/ECM/api/v5/getConnectionDetails', { connectionname: 'S' })).json()).connectionattributes;
    const first = (await read()).ConnectionJSON;
    assert.match(first, /^[A-Za-z0-9+/]+=*$/);
    assert.equal((await read()).ConnectionJSON, first, 'stable until the next save');
    await save({ connectionName: 'S', ImportUserJSON: '{}' });
    assert.notEqual((await read()).ConnectionJSON, first);
    f.configure({ connectionJsonReadback: 'omit' });
    assert.ok(!('ConnectionJSON' in await read()));
    f.configure({ connectionJsonReadback: 'plaintext' });
    assert.equal((await read()).ConnectionJSON, '{"password":"p"}');
  });

  it('rejects unknown knobs and wrong types', () => {
    assert.throws(() => f.configure({ nope: 1 } as never), /unknown knob "nope"/);
    assert.throws(() => f.configure({ eicVersion: '26.A' } as never), /must be one of/);
    assert.throws(() => f.configure({ tokenTtlSeconds: '5' } as never), /must be number/);
  });

  it('scenario 7: importing a missing package is a 412; a real one is queued and polled to completion', async () => {
    const missing = await post('/ECM/api/v5/importTransportPackage', { packagetoimport: '/saviynt_shared/none.zip' });
    assert.equal(missing.status, 412);
    assert.equal((await missing.json()).errorcode, 1);
    const doc = { Imported: { connectionname: 'Imported', externalconnectiontype: 'REST', EXTERNAL_ATTR: [{ attributename: 'ImportUserJSON', encryptedattributevalue: '{"x":1}' }] } };
    const zip = writeZip([{ name: 'Connection_2026-01-01_00-00-00(UTC).json', data: Buffer.from(JSON.stringify(doc)) }]);
    const fd = new FormData();
    fd.append('pathLocation', 'Datafiles');
    fd.append('file', new Blob([new Uint8Array(zip)]), 'pkg.zip');
    const up = await fetch(`${f.url}/ECM/api/v5/uploadSchemaFile`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: fd });
    assert.deepEqual(await up.json(), { errorCode: '0', msg: 'file Save Successfully' });
    const path = '/saviynt_shared/saviynt/Datafiles/pkg.zip';
    assert.equal((await post('/ECM/api/v5/importTransportPackage', { packagetoimport: path })).status, 412, 'Datafiles import is off by default');
    f.configure({ allowImportFromDatafiles: true });
    const queued = await (await post('/ECM/api/v5/importTransportPackage', { packagetoimport: path })).json();
    assert.equal(queued.errorcode, 0);
    const status = (fields: Record<string, string>) => getWithBody('/ECM/api/v5/transportPackageStatus', fields);
    assert.deepEqual(await status({ operation: 'import' }), { errorCode: 1, msg: 'Invalid request Payload', msgDescription: 'Requestid cannot be blank' });
    assert.equal((await status({ operation: 'import', requestid: queued.requestId })).msg, 'In Progress');
    f.advanceClock(5);
    assert.equal((await status({ operation: 'import', requestid: queued.requestId })).msg, 'Success');
    assert.equal(f.connection('Imported')!.fields.get('ImportUserJSON'), '{"x":1}');
  });

  it('exports connections into a zip on its server file system', async () => {
    await save({ connectionName: 'E', ImportUserJSON: '{"e":1}', ConnectionJSON: '{}' });
    const bad = await post('/ECM/api/v5/exportTransportPackage', { exportonline: 'false' });
    assert.equal(bad.status, 412);
    const r = await (await post('/ECM/api/v5/exportTransportPackage', { exportonline: 'false', exportpath: '/saviynt_shared/out', objectstoexport: { connection: ['E'] } })).json();
    assert.match(r.fileName, /^transport_admin_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\(UTC\)\.zip$/);
    f.advanceClock(3);
    const query = new URLSearchParams({ operation: 'export', filename: r.fileName });
    const done = await (await fetch(`${f.url}/ECM/api/v5/transportPackageStatus?${query}`, { headers: { Authorization: `Bearer ${token}` } })).json();
    assert.equal(done.msg, 'Success', 'query parameters work too');
    assert.ok(f.store.files.has(`/saviynt_shared/out/${r.fileName}`));
  });
});
