/**
 * The guards that keep the core pure fail on a deliberate violation: a core file that uses Node
 * fails the core tsconfig and the linter, a file other than core/json/jsonText.ts that imports
 * jsonc-parser fails the linter, and two files importing each other fail the cycle check.
 * The violations are written to a temporary folder inside server/src/core and removed afterwards.
 * Also: the pure SHA-256 matches Node's, and the bundled schema list names every file of schemas/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256, toHex } from '../../../server/src/core/text/sha256';
import { schemaFileNames } from '../../../server/src/core/schema/schemaStore';

const ROOT = path.resolve(__dirname, '../../..');
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function run(command: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: 50_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

/** Writes files into a fresh folder under server/src/core, runs `body`, and always removes the folder. */
function withTempCoreFiles(files: Record<string, string>, body: (dir: string) => void): void {
  const dir = path.join(ROOT, 'server/src/core', `zz-purity-tmp-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(fs.existsSync(dir), false, 'the temporary violation files are gone');
}

test('a core file that uses Node fails the core typecheck and the linter', () => {
  withTempCoreFiles({
    'usesNode.ts': "import * as fs from 'node:fs';\n"
      + "export const exists = fs.existsSync('.');\n"
      + "export const bytes = Buffer.from('x');\n"
      + "export const later = () => new Promise<void>(resolve => setImmediate(resolve));\n",
  }, dir => {
    const file = path.join(dir, 'usesNode.ts');
    const rel = path.relative(ROOT, file).split(path.sep).join('/');

    const tsc = run(bin('tsc'), ['-p', 'server/src/core', '--pretty', 'false']);
    assert.notEqual(tsc.status, 0, `tsc -p server/src/core accepted a core file that imports node:fs:\n${tsc.output}`);
    const errors = tsc.output.split('\n').filter(l => l.includes('zz-purity-tmp-'));
    assert.ok(errors.some(l => /node:fs/.test(l)), `the error names node:fs:\n${tsc.output}`);
    assert.ok(errors.some(l => /'Buffer'/.test(l)), `the error names Buffer:\n${tsc.output}`);
    assert.ok(errors.some(l => /'setImmediate'/.test(l)), `the error names setImmediate:\n${tsc.output}`);
    assert.equal(tsc.output.split('\n').filter(l => /error TS/.test(l) && !l.includes('zz-purity-tmp-')).length, 0,
      `only the temporary file has errors:\n${tsc.output}`);

    const lint = run(bin('eslint'), ['--no-warn-ignored', rel]);
    assert.equal(lint.status, 1, `eslint accepted a core file that imports node:fs:\n${lint.output}`);
    assert.match(lint.output, /'node:fs' import is restricted/);
    assert.match(lint.output, /no-restricted-imports/);
  });
});

test('the same import is allowed in a node/ folder of the core (the linter checks where, not what)', () => {
  withTempCoreFiles({ 'node/adapter.ts': "import * as fs from 'node:fs';\nexport const exists = fs.existsSync('.');\n" }, dir => {
    const lint = run(bin('eslint'), [path.relative(ROOT, path.join(dir, 'node', 'adapter.ts'))]);
    assert.equal(lint.status, 0, lint.output);
  });
});

test('jsonc-parser is imported by json/jsonText.ts alone: the core, the client, the LSP layer and tests go through it', () => {
  const violation = "import { parse } from 'jsonc-parser';\nexport const value = parse('{}');\n";
  const subpath = "import { createScanner } from 'jsonc-parser/lib/esm/main.js';\nexport const scanner = createScanner('{}');\n";
  withTempCoreFiles({ 'usesJsonc.ts': violation, 'usesJsoncSubpath.ts': subpath, 'usesJsonText.ts': "import { STRICT_JSON, parseJsonValue } from '../json/jsonText';\nexport const value = parseJsonValue('{}', STRICT_JSON);\n" }, dir => {
    const rel = (name: string) => path.relative(ROOT, path.join(dir, name)).split(path.sep).join('/');
    for (const name of ['usesJsonc.ts', 'usesJsoncSubpath.ts']) {
      const lint = run(bin('eslint'), ['--no-warn-ignored', rel(name)]);
      assert.equal(lint.status, 1, `eslint accepted a core file that imports jsonc-parser (${name}):\n${lint.output}`);
      assert.match(lint.output, /no-restricted-imports/);
      assert.match(lint.output, /server\/src\/core\/json\/jsonText\.ts/, 'the message names the module to use');
    }
    assert.equal(run(bin('eslint'), [rel('usesJsonText.ts')]).status, 0, 'the wrapper is what to import');
  });
  // Outside the core too: the rule of every other layer carries the same pattern (a later ESLint
  // block replaces an earlier one's list), checked on a client, an LSP and a test file name.
  for (const file of ['client/src/zz-purity-jsonc.ts', 'server/src/lsp/zz-purity-jsonc.ts', 'test/unit/zz-purity-jsonc.test.ts', 'bench/zz-purity-jsonc.ts']) {
    const lint = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', file], { cwd: ROOT, encoding: 'utf8', input: violation, timeout: 50_000 });
    assert.equal(lint.status, 1, `eslint accepted ${file} importing jsonc-parser:\n${lint.stdout}${lint.stderr}`);
    assert.match(lint.stdout, /'jsonc-parser' import is restricted/);
  }
  // And the one file allowed: jsonText.ts's own text lints clean (it imports jsonc-parser).
  const own = fs.readFileSync(path.join(ROOT, 'server/src/core/json/jsonText.ts'), 'utf8');
  assert.match(own, /from 'jsonc-parser'/);
  const ownLint = spawnSync(bin('eslint'), ['--stdin', '--stdin-filename', 'server/src/core/json/jsonText.ts'], { cwd: ROOT, encoding: 'utf8', input: own, timeout: 50_000 });
  assert.equal(ownLint.status, 0, `${ownLint.stdout}${ownLint.stderr}`);
});

test('two modules that import each other fail the cycle check', () => {
  const clean = run(process.execPath, ['scripts/check-cycles.mjs']);
  assert.equal(clean.status, 0, `the tree itself has no cycle:\n${clean.output}`);
  withTempCoreFiles({
    'cycleA.ts': "import { b } from './cycleB';\nexport const a = () => b() + 1;\n",
    'cycleB.ts': "import type { a } from './cycleA';\nexport const b = (): ReturnType<typeof a> => 1;\n",
  }, () => {
    const cycles = run(process.execPath, ['scripts/check-cycles.mjs']);
    assert.equal(cycles.status, 1, `check-cycles accepted a cycle:\n${cycles.output}`);
    assert.match(cycles.output, /1 import cycle/);
    assert.match(cycles.output, /zz-purity-tmp-\d+\/cycleA\.ts -> .*cycleB\.ts/);
    assert.match(cycles.output, /zz-purity-tmp-\d+\/cycleB\.ts -> .*cycleA\.ts/);
  });
});

test('the pure SHA-256 gives the digests Node gives', () => {
  for (const length of [0, 1, 3, 55, 56, 63, 64, 65, 119, 120, 1000, 70_000]) {
    const data = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
    assert.equal(toHex(sha256(data)), createHash('sha256').update(data).digest('hex'), `length ${length}`);
  }
  assert.equal(toHex(sha256(new TextEncoder().encode('abc'))), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('the bundled schemas are exactly the files of schemas/', () => {
  const files = fs.readdirSync(path.join(ROOT, 'schemas')).filter(n => n.endsWith('.schema.json')).sort();
  assert.deepEqual([...schemaFileNames()].sort(), files);
});
