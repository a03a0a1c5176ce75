// Pulling from the fake tenant: the round trip (every attribute text unchanged), the folder written
// exactly as unpack writes an export of it, scenario 3 (ConnectionJSON omitted, ciphertext or
// plaintext: never a change, never a secret in a file), and local changes never overwritten
// without --force.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SecretToken } from '../../../server/src/core/runner/secret';
import { compareConnection, deployConnection, pullConnection, PullConflictError, EicProblemError } from '../../../server/src/core/eic';
import { buildPackage } from '../../../server/src/core/transport/node/package';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { unpackExportBytes } from '../../../server/src/core/transport/node/unpack';
import { api, attributeTexts, fakeEic, INTERCOM_TOKEN, noFindings, readFolder, tempFolder, type FakeEic } from './helpers';

let f: FakeEic;
before(async () => { f = await fakeEic(); });
after(() => f.close());
beforeEach(() => f.reset());

async function seed(dir = tempFolder()): Promise<string> {
  const r = await deployConnection(api(f).api, await readFolder(dir), {
    confirm: () => true, validate: noFindings, withConnectionJson: true, secrets: () => new SecretToken(INTERCOM_TOKEN),
  });
  assert.equal(r.stage, 'saved', r.refusals.join(' '));
  return dir;
}

const pull = (name: string, target: string, force?: boolean) => pullConnection(api(f).api, nodeFs, name, target, { force });

describe('pull', () => {
  it('round trip: a folder goes to the tenant and back with every attribute text unchanged', async () => {
    const source = await seed();
    const target = path.join(tempFolder('x', undefined), 'Intercom');
    const r = await pull('Intercom', target);
    const before = attributeTexts(source);
    delete before['ConnectionJSON.json']; // write-only: its ciphertext is in connection.meta.json
    assert.deepEqual(attributeTexts(target), before);
    assert.deepEqual(r.encrypted, ['ConnectionJSON']);
    const meta = JSON.parse(fs.readFileSync(path.join(target, 'connection.meta.json'), 'utf8'));
    assert.equal(meta.connectionname, 'Intercom');
    assert.equal(meta.encrypted.attributes.ConnectionJSON, f.connection('Intercom')!.ciphertext);
    assert.ok(!JSON.stringify(meta).includes(INTERCOM_TOKEN));
    const back = compareConnection(await readFolder(target), await api(f).api.connectionDetails('Intercom'));
    assert.equal(back.differs, false, 'the pulled folder is equal to the tenant');
  });

  it('writes the same files as unpacking a package of the same connection', async () => {
    const source = await seed();
    const pulled = path.join(tempFolder('p', undefined), 'Intercom');
    await pull('Intercom', pulled);
    const pkg = await buildPackage(await readFolder(pulled), { timestamp: new Date(Date.UTC(2026, 0, 1)) });
    const unpacked = path.join(tempFolder('u', undefined), 'Intercom');
    await unpackExportBytes(nodeFs, pkg.zip, pkg.fileName, unpacked);
    const names = (dir: string) => fs.readdirSync(dir).sort();
    assert.deepEqual(names(pulled), names(unpacked));
    for (const name of names(pulled)) {
      if (name === 'connection.meta.json') continue;
      assert.equal(fs.readFileSync(path.join(pulled, name), 'utf8'), fs.readFileSync(path.join(unpacked, name), 'utf8'), name);
    }
    const meta = (dir: string) => { const m = JSON.parse(fs.readFileSync(path.join(dir, 'connection.meta.json'), 'utf8')); delete m.exportedFrom; return m; };
    assert.deepEqual(meta(pulled).encrypted, meta(unpacked).encrypted);
    void source;
  });

  for (const mode of ['omit', 'ciphertext', 'plaintext'] as const) {
    it(`scenario 3: ConnectionJSON read back as "${mode}": not a change, no secret in a file`, async () => {
      await seed();
      f.configure({ connectionJsonReadback: mode });
      const target = path.join(tempFolder('m', undefined), 'Intercom');
      const r = await pull('Intercom', target);
      assert.equal(r.connectionJson, mode === 'omit' ? 'omitted' : mode);
      for (const name of fs.readdirSync(target)) {
        assert.ok(!fs.readFileSync(path.join(target, name), 'utf8').includes(INTERCOM_TOKEN), `${name} holds no token`);
      }
      const hasFile = fs.existsSync(path.join(target, 'ConnectionJSON.json'));
      assert.equal(hasFile, mode === 'plaintext', 'a readable ConnectionJSON is written, with placeholders');
      if (hasFile) assert.match(fs.readFileSync(path.join(target, 'ConnectionJSON.json'), 'utf8'), /<set the Intercom access token in EIC after import>/);
      const c = compareConnection(await readFolder(target), await api(f).api.connectionDetails('Intercom'));
      assert.equal(c.differs, false);
      const entry = c.entries.find(e => e.attribute === 'ConnectionJSON');
      if (mode !== 'omit') assert.equal(entry?.status, 'not-comparable');
      assert.ok(!c.entries.some(e => e.attribute === 'ConnectionJSON' && e.status !== 'not-comparable'));
    });
  }

  it('never overwrites a local change without force; formatting-only differences are left alone', async () => {
    const source = await seed();
    const tsFile = path.join(source, 'TicketStatusJSON.json');
    const edited = fs.readFileSync(tsFile, 'utf8').replace('"resolved"', '"closed"');
    fs.writeFileSync(tsFile, edited);
    const compact = JSON.stringify(JSON.parse(fs.readFileSync(path.join(source, 'ImportAccountEntJSON.json'), 'utf8')));
    fs.writeFileSync(path.join(source, 'ImportAccountEntJSON.json'), compact);
    await assert.rejects(pull('Intercom', source), (e: unknown) => {
      assert.ok(e instanceof PullConflictError);
      assert.deepEqual(e.conflicts.map(c => c.fileName), ['TicketStatusJSON.json']);
      assert.match(e.message, /--force/);
      return true;
    });
    assert.equal(fs.readFileSync(tsFile, 'utf8'), edited, 'nothing written');
    const forced = await pull('Intercom', source, true);
    assert.deepEqual(forced.overwritten, ['TicketStatusJSON.json']);
    assert.match(fs.readFileSync(tsFile, 'utf8'), /"resolved"/);
    assert.deepEqual(forced.keptLocal, ['ImportAccountEntJSON.json']);
    assert.match(forced.notes.join(' '), /ConnectionJSON\.json was left as it is: the tenant's ConnectionJSON is write-only \(its ciphertext is in connection\.meta\.json\)/);
    assert.equal(fs.readFileSync(path.join(source, 'ImportAccountEntJSON.json'), 'utf8'), compact);
  });

  it('pulling again after a save that only changed the ciphertext is not a conflict', async () => {
    const dir = await seed();
    const target = path.join(tempFolder('a', undefined), 'Intercom');
    await pull('Intercom', target);
    const before = f.connection('Intercom')!.ciphertext;
    const again = await deployConnection(api(f).api, await readFolder(dir), {
      confirm: () => true, validate: noFindings, withConnectionJson: true, secrets: () => new SecretToken(INTERCOM_TOKEN),
    });
    assert.equal(again.stage, 'saved');
    assert.notEqual(f.connection('Intercom')!.ciphertext, before);
    const r = await pull('Intercom', target);
    assert.deepEqual(r.overwritten, []);
    assert.deepEqual(r.written, ['connection.meta.json']);
    assert.equal(JSON.parse(fs.readFileSync(path.join(target, 'connection.meta.json'), 'utf8')).encrypted.attributes.ConnectionJSON, f.connection('Intercom')!.ciphertext);
  });

  it('a change made on the tenant is a difference too: the pull asks (force) before replacing the file', async () => {
    const dir = await seed();
    const target = path.join(tempFolder('t', undefined), 'Intercom');
    await pull('Intercom', target);
    fs.writeFileSync(path.join(dir, 'TicketStatusJSON.json'), '{"call": []}');
    await deployConnection(api(f).api, await readFolder(dir), { confirm: () => true, validate: noFindings });
    await assert.rejects(pull('Intercom', target), PullConflictError);
    await pull('Intercom', target, true);
    assert.equal(fs.readFileSync(path.join(target, 'TicketStatusJSON.json'), 'utf8'), '{"call": []}');
  });

  it('keeps the folder\'s own spelling of a file name', async () => {
    await seed();
    const target = path.join(tempFolder('c', undefined), 'Intercom');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'ticketstatusjson.json'), '{"old": true}');
    await pull('Intercom', target, true);
    assert.ok(fs.existsSync(path.join(target, 'ticketstatusjson.json')));
    assert.ok(!fs.readdirSync(target).includes('TicketStatusJSON.json'));
  });

  it('a connection that does not exist: a plain message with the closest name', async () => {
    await seed();
    await assert.rejects(pull('Intercon', tempFolder('n', undefined)), (e: unknown) => {
      assert.ok(e instanceof EicProblemError);
      assert.equal(e.problem.kind, 'not-found');
      assert.match(e.message, /has no connection named "Intercon"\. Did you mean "Intercom"\?/);
      return true;
    });
  });

  it('reads upper-case attribute keys (as some connectors return them)', async () => {
    await seed();
    f.configure({ attributeKeyCase: 'upper' });
    const target = path.join(tempFolder('k', undefined), 'Intercom');
    await pull('Intercom', target);
    assert.ok(fs.existsSync(path.join(target, 'TicketStatusJSON.json')), 'canonical file names');
    assert.ok(fs.existsSync(path.join(target, 'STATUS_THRESHOLD_CONFIG.json')));
  });
});
