/**
 * The fake Intercom's start banner tells the user what the README tells them (issue 14, item 10):
 * leave the connection's URLs alone and set saviyntRest.intercom.baseUrl and
 * saviyntRest.http.allowedHosts; from the CLI, --base-url and --allow-host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

function banner(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/fake-intercom/main.ts'), '--port', '0'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { child.kill(); reject(new Error(`no banner within 30 s: ${out}`)); }, 30_000);
    child.stdout.on('data', d => {
      out += String(d);
      if (out.includes('Press Ctrl-C')) { clearTimeout(timer); child.kill(); resolve(out); }
    });
    child.on('error', reject);
  });
}

test('the banner names the settings the README names, with the URL and host it listens on', async () => {
  const text = await banner();
  const url = /listening on (http:\/\/[^\s]+)/.exec(text)?.[1];
  assert.ok(url, text);
  const host = new URL(url).host;
  assert.ok(text.includes(`"saviyntRest.intercom.baseUrl": "${url}"`), text);
  assert.ok(text.includes(`"saviyntRest.http.allowedHosts": ["${host}"]`), text);
  assert.ok(text.includes(`--base-url ${url} --allow-host ${host}`), text);
  assert.ok(!/wherever a connection or test call names/.test(text), 'no advice to edit the connection\'s URLs');
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  for (const setting of ['saviyntRest.intercom.baseUrl', 'saviyntRest.http.allowedHosts']) assert.ok(readme.includes(setting), `README names ${setting}`);
});
