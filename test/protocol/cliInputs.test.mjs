// The bundled CLI against bad input files: named pipes, /dev/zero, folders where a file is
// expected, huge and unreadable files, --out onto a file, an empty folder. Every command answers
// at once with a message in words (never hangs, never a raw error code), and the right exit code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './lspClient.mjs';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const IS_ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

let tmp;
let fifo;
let hasFifo = false;

before(() => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-cli-inputs-'));
  fs.chmodSync(tmp, 0o755);
  if (IS_ROOT) {
    // The runs as nobody need a CLI nobody can read: the clone may sit in a folder only root can
    // enter (mktemp -d makes one), so the bundle and the schemas it finds beside it are copied here.
    fs.mkdirSync(path.join(tmp, 'app', 'dist'), { recursive: true, mode: 0o755 });
    fs.copyFileSync(CLI, path.join(tmp, 'app', 'dist', 'cli.js'));
    fs.cpSync(path.join(ROOT, 'schemas'), path.join(tmp, 'app', 'schemas'), { recursive: true });
    for (const p of [path.join(tmp, 'app'), path.join(tmp, 'app', 'dist'), path.join(tmp, 'app', 'schemas')]) fs.chmodSync(p, 0o755);
  }
  fifo = path.join(tmp, 'pipe.json');
  hasFifo = spawnSync('mkfifo', [fifo]).status === 0;
  if (!hasFifo) console.log('# mkfifo is not available here: the named-pipe cases are skipped');
});

after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the bundled CLI; a hang fails the test (killed after 15 s). */
function cli(args, options = {}) {
  const started = Date.now();
  const cliPath = options.uid !== undefined ? path.join(tmp, 'app', 'dist', 'cli.js') : CLI;
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? tmp, encoding: 'utf8', timeout: 15_000, env: { ...process.env, ...options.env },
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
  });
  assert.notEqual(r.signal, 'SIGTERM', `saviynt-rest ${args.join(' ')} hung (killed after 15 s)`);
  const out = `${r.stdout}\n${r.stderr}`;
  assert.doesNotMatch(out, /\bE(ACCES|EXIST|NOENT|ISDIR|NOTDIR|PERM)\b/, 'no raw error code');
  assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  return { code: r.status, out, ms: Date.now() - started };
}

function folder(name, files) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

/** A file the CLI cannot read: owned by root with mode 600 while the CLI runs as nobody (or mode 000 when not root). */
function unreadable(file) {
  fs.chmodSync(file, IS_ROOT ? 0o600 : 0o000);
  return IS_ROOT ? { uid: NOBODY } : {};
}

const CREATE = '{"call":[{"name":"call1","connection":"acctAuth","url":"https://api.intercom.io/contacts","httpMethod":"POST"}]}';

test('call refuses a named pipe, /dev/zero and a folder at once', { skip: !hasFifo && false }, () => {
  if (hasFifo) {
    const r = cli(['call', fifo]);
    assert.equal(r.code, 2);
    assert.match(r.out, /pipe\.json: is a named pipe \(FIFO\), not a regular file/);
    const vars = cli(['call', path.join(folder('vars', { 'TicketStatusJSON.json': '{"call":[]}' }), 'TicketStatusJSON.json'), '--vars-file', fifo]);
    assert.equal(vars.code, 2);
    assert.match(vars.out, /--vars-file .*pipe\.json: is a named pipe/);
  }
  const zero = cli(['call', '/dev/zero']);
  assert.equal(zero.code, 2);
  assert.match(zero.out, /\/dev\/zero: is a device, not a regular file/);
  const dir = cli(['call', tmp]);
  assert.equal(dir.code, 2);
  assert.match(dir.out, /is a folder, not a file/);
});

test('call: a huge file is refused without being read; an unreadable one says "permission denied"', () => {
  const big = path.join(tmp, 'big', 'TicketStatusJSON.json');
  fs.mkdirSync(path.dirname(big), { recursive: true });
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 200 * 1024 * 1024); // sparse: costs no disk
  const r = cli(['call', big]);
  assert.equal(r.code, 2);
  assert.match(r.out, /is 200 MiB, more than the 64 MiB that are read/);
  assert.ok(r.ms < 10_000, `${r.ms} ms`);

  const locked = path.join(folder('locked-call', { 'TicketStatusJSON.json': '{"call":[]}' }), 'TicketStatusJSON.json');
  const denied = cli(['call', locked], unreadable(locked));
  assert.equal(denied.code, 2);
  assert.match(denied.out, /TicketStatusJSON\.json: permission denied/);
  assert.doesNotMatch(denied.out, /no such file/);
});

test('check: one unreadable file is reported and the run goes on (exit 1); a pipe given directly is a usage error (exit 2)', () => {
  const dir = folder('check-mixed', { 'CreateAccountJSON.json': CREATE, 'UpdateAccountJSON.json': '{"call":[{"name":"call1",}]}' });
  const locked = path.join(dir, 'CreateAccountJSON.json');
  const r = cli(['check', dir, '--format', 'json'], unreadable(locked));
  assert.equal(r.code, 1, r.out);
  const findings = JSON.parse(r.out.slice(0, r.out.lastIndexOf(']') + 1));
  const unreadableFinding = findings.find(f => f.code === 'file-unreadable');
  assert.ok(unreadableFinding, 'the unreadable file is a finding');
  assert.match(unreadableFinding.file, /CreateAccountJSON\.json$/);
  assert.match(unreadableFinding.message, /permission denied/);
  assert.equal(unreadableFinding.severity, 'error');
  assert.ok(findings.some(f => f.file.endsWith('UpdateAccountJSON.json') && f.code === 'json-trailing-comma'), 'the other file was still checked');

  if (hasFifo) {
    const direct = cli(['check', fifo]);
    assert.equal(direct.code, 2);
    assert.match(direct.out, /pipe\.json: is a named pipe \(FIFO\), not a file or folder/);
    const withPipe = folder('check-pipe', { 'UpdateAccountJSON.json': '{"call":[]}' });
    assert.equal(spawnSync('mkfifo', [path.join(withPipe, 'CreateAccountJSON.json')]).status, 0);
    const inFolder = cli(['check', withPipe]);
    assert.equal(inFolder.code, 1);
    assert.match(inFolder.out, /CreateAccountJSON\.json:1:1: error \[file-unreadable\] .*named pipe/);
  }
  const zero = cli(['check', '/dev/zero']);
  assert.equal(zero.code, 2);
  assert.match(zero.out, /is a device/);
});

test('check examples --frobnicate exits 2 (strict options, bundled CLI)', () => {
  const r = cli(['check', 'examples', '--frobnicate'], { cwd: ROOT });
  assert.equal(r.code, 2);
  assert.match(r.out, /unknown option --frobnicate/);
});

test('preview-import: an unreadable import file says so; --out onto a file is a clear usage error', () => {
  const dir = folder('preview-locked', { 'ImportAccountEntJSON.json': '{"accountParams":{}}' });
  const env = { CLI_INPUTS_TOKEN: 'tok_x_123456789' };
  const locked = path.join(dir, 'ImportAccountEntJSON.json');
  const r = cli(['preview-import', dir, '--token-env', 'CLI_INPUTS_TOKEN'], { env, ...unreadable(locked) });
  assert.equal(r.code, 2);
  assert.match(r.out, /ImportAccountEntJSON\.json: permission denied/);
  fs.chmodSync(locked, 0o644);

  const file = path.join(tmp, 'not-a-folder.txt');
  fs.writeFileSync(file, 'x');
  const out = cli(['preview-import', dir, '--token-env', 'CLI_INPUTS_TOKEN', '--format', 'csv', '--out', file], { env });
  assert.equal(out.code, 2);
  assert.match(out.out, /--out .*not-a-folder\.txt is a file, not a folder/);
  const missing = cli(['preview-import', path.join(tmp, 'nowhere'), '--token-env', 'CLI_INPUTS_TOKEN'], { env });
  assert.equal(missing.code, 2);
  assert.match(missing.out, /nowhere: no such folder/);
});

test('package: an empty folder, a pipe as attribute file, an output path under a file', () => {
  const empty = folder('empty-conn', {});
  const r = cli(['package', empty, '-o', path.join(tmp, 'e.zip')]);
  assert.equal(r.code, 1);
  assert.match(r.out, /holds no attribute files, so there is nothing to package/);
  assert.ok(!fs.existsSync(path.join(tmp, 'e.zip')));

  if (hasFifo) {
    const piped = folder('piped-conn', {});
    assert.equal(spawnSync('mkfifo', [path.join(piped, 'CreateAccountJSON.json')]).status, 0);
    const p = cli(['package', piped, '-o', path.join(tmp, 'p.zip')]);
    assert.equal(p.code, 1);
    assert.match(p.out, /CreateAccountJSON\.json: not a regular file/);
  }

  const conn = folder('good-conn', { 'CreateAccountJSON.json': CREATE });
  const blocker = path.join(tmp, 'blocker');
  fs.writeFileSync(blocker, 'x');
  const under = cli(['package', conn, '-o', path.join(blocker, 'out.zip')]);
  assert.equal(under.code, 1);
  assert.match(under.out, /blocker is a file, not a folder/);
});

test('unpack: /dev/zero and a named pipe are refused at once; -o onto a file is a clear message', () => {
  const zero = cli(['unpack', '/dev/zero', '-o', path.join(tmp, 'z')]);
  assert.equal(zero.code, 1);
  assert.match(zero.out, /\/dev\/zero is not a regular file \(a named pipe or a device\)/);
  if (hasFifo) {
    const p = cli(['unpack', fifo, '-o', path.join(tmp, 'f')]);
    assert.equal(p.code, 1);
    assert.match(p.out, /pipe\.json is not a regular file/);
  }
  const conn = folder('to-pack', { 'CreateAccountJSON.json': CREATE });
  assert.equal(cli(['package', conn, '-o', path.join(tmp, 'good.zip')]).code, 0);
  const file = path.join(tmp, 'target-file');
  fs.writeFileSync(file, 'x');
  const r = cli(['unpack', path.join(tmp, 'good.zip'), '-o', file]);
  assert.equal(r.code, 1);
  assert.match(r.out, /target-file exists and is not a folder; choose another target/);
});

test('the host refusal names --allow-host, never the VS Code setting', () => {
  const dir = folder('host', { 'TicketStatusJSON.json': JSON.stringify({ call: [{ name: 'call1', url: 'https://api.intercom.io/tickets/1', httpMethod: 'GET', httpHeaders: { Authorization: '${access_token}' } }] }) });
  const env = { CLI_INPUTS_TOKEN: 'tok_x_123456789' };
  for (const args of [
    ['call', path.join(dir, 'TicketStatusJSON.json'), '--base-url', 'http://127.0.0.1:9', '--token-env', 'CLI_INPUTS_TOKEN'],
    ['call', path.join(dir, 'TicketStatusJSON.json'), '--base-url', 'http://127.0.0.1:9', '--token-env', 'CLI_INPUTS_TOKEN', '--format', 'json'],
  ]) {
    const r = cli(args, { env });
    assert.equal(r.code, 1);
    assert.match(r.out, /--allow-host 127\.0\.0\.1:9/);
    assert.doesNotMatch(r.out, /saviyntRest\.http\.allowedHosts/);
  }
});
