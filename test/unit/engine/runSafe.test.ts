/** Every LSP handler is safe: an exception becomes a logged empty result (requests) or a logged error (notifications). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { guarded, runSafe } from '../../../server/src/lsp/runSafe';
import { REPO_ROOT } from '../../support/corpus';

test('runSafe: an exception is logged and the fallback answered; guarded: logged, not thrown', async () => {
  const logs: string[] = [];
  const result = await runSafe({ log: m => logs.push(m), turn: () => Promise.resolve() }, 'hover', 'fallback', undefined, () => { throw new Error('boom'); });
  assert.equal(result, 'fallback');
  assert.match(logs[0], /^hover failed: Error: boom/);
  const handler = guarded((m: string) => logs.push(m), 'didOpen', (_x: number) => { throw new TypeError('bad'); });
  assert.doesNotThrow(() => handler(1));
  assert.match(logs[1], /^didOpen failed: TypeError: bad/);
});

test('every handler the server registers goes through runSafe or guarded', () => {
  // startServer registers its handlers from several files of the LSP layer: read them all.
  const lsp = path.join(REPO_ROOT, 'server', 'src', 'lsp');
  const source = fs.readdirSync(lsp).filter(f => f.endsWith('.ts')).map(f => fs.readFileSync(path.join(lsp, f), 'utf8')).join('\n');
  const registrations = [...source.matchAll(/(connection|documents)\.(on[A-Za-z]+)\(([^\n]*\n?[^\n]*)/g)];
  assert.ok(registrations.length >= 15, `${registrations.length} registrations`);
  const unsafe = registrations
    .filter(m => m[2] !== 'onInitialize') // answers the handshake itself, with its own try
    .filter(m => !/runSafe\(|guarded\(/.test(m[3]))
    .map(m => `${m[1]}.${m[2]}`);
  assert.deepEqual(unsafe, []);
});
