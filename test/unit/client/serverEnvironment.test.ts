/** The language server's environment: the host's, with its code cache, without what only slows its start. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_CACHE_ENV } from '../../../common/src/protocol';
import { languageServerEnvironment } from '../../../common/src/serverEnvironment';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('the server gets the host environment and its code-cache directory, without NODE_EXTRA_CA_CERTS', () => {
  const base = { PATH: '/usr/bin', HOME: '/home/a', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', HTTPS_PROXY: 'http://proxy:3128' };
  const env = languageServerEnvironment(base, '/home/a/.storage/code-cache');
  assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/home/a', HTTPS_PROXY: 'http://proxy:3128', [CODE_CACHE_ENV]: '/home/a/.storage/code-cache' });
  assert.equal(base.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt', 'the host environment is not changed');
  // Windows spells environment names as they were set, and reads them in any case.
  assert.deepEqual(languageServerEnvironment({ Path: 'C:\\Windows', Node_Extra_CA_Certs: 'C:\\certs.pem' }, 'C:\\cache'), { Path: 'C:\\Windows', [CODE_CACHE_ENV]: 'C:\\cache' });
});

test('the extension and the benchmark start the server with that environment', () => {
  for (const file of ['client/src/extension.ts', 'bench/lsp.ts']) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    assert.match(source, /languageServerEnvironment\(process\.env,/, `${file} builds the server's environment with languageServerEnvironment`);
    assert.doesNotMatch(source, /\{\s*\.\.\.process\.env/, `${file} spreads process.env itself`);
  }
});

test('the server opens no TLS connection: its bundle has no https or tls client', () => {
  // Why dropping the certificates is safe (dist/ exists: npm test builds first). The only fetch in
  // the bundle is @vscode/l10n's loader for translation bundles named by URL; the server names none.
  const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'serverMain.js'), 'utf8');
  for (const module of ['tls', 'https', 'http2']) {
    assert.ok(!new RegExp(`require\\("(node:)?${module}"\\)`).test(bundle), `dist/serverMain.js requires ${module}`);
  }
});

test('Node reads the certificate file when it starts, and not when the variable is dropped', () => {
  // A file that does not exist: Node warns as it tries to read it, before any script runs.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ca-'));
  const missing = path.join(dir, 'missing.pem');
  const stderrOf = (env: Record<string, string | undefined>) => spawnSync(process.execPath, ['-e', '0'], { env: env as NodeJS.ProcessEnv, encoding: 'utf8' }).stderr;
  assert.match(stderrOf({ ...process.env, NODE_EXTRA_CA_CERTS: missing }), /extra certs/i);
  assert.equal(stderrOf(languageServerEnvironment({ ...process.env, NODE_EXTRA_CA_CERTS: missing }, dir)), '');
  fs.rmSync(dir, { recursive: true, force: true });
});
