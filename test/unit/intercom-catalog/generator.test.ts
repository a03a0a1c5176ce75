/**
 * The committed catalog is small, well-formed and up to date with the generator; the generator
 * leaves it alone where ../shared is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'scripts/gen-intercom-catalog.mjs');
const CATALOG = path.join(ROOT, 'server/src/core/intercom/catalog.generated.json');
const SPECS = path.resolve(ROOT, '../shared/intercom-openapi');
const HAS_SPECS = fs.existsSync(path.join(SPECS, '2.16/api.intercom.io.yaml'));
const NO_SPECS = `skipped: ${SPECS} is missing (the committed catalog is used as is)`;

function runGenerator(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
}

test('catalog JSON stays within its size budget (150 KB)', () => {
  const size = fs.statSync(CATALOG).size;
  assert.ok(size < 150 * 1024, `catalog is ${size} bytes`);
});

test('catalog JSON is deterministic in form: sorted keys, every reference resolves', () => {
  const text = fs.readFileSync(CATALOG, 'utf8');
  const json = JSON.parse(text) as {
    endpoints: Record<string, Record<string, unknown>>;
    shapes: Record<string, { f: Record<string, string | string[]> }>;
  };
  for (const group of [json.endpoints, json.shapes]) {
    const keys = Object.keys(group);
    assert.deepEqual(keys, [...keys].sort());
  }
  const refs = new Set<string>();
  const collect = (value: unknown) => {
    for (const s of [value].flat()) if (typeof s === 'string') for (const m of s.matchAll(/@([^|<>?=]+)/g)) refs.add(m[1]);
  };
  for (const e of Object.values(json.endpoints)) {
    collect(e.res);
    collect(e.body);
  }
  for (const s of Object.values(json.shapes)) for (const t of Object.values(s.f)) collect(t);
  // Shapes beyond the depth limit may be left out; the endpoint roots never are.
  for (const e of Object.values(json.endpoints)) {
    for (const s of [e.res, e.body].flat()) {
      const m = typeof s === 'string' ? /^(?:[\d.,-]+=)?@([^|<>?=]+)$/.exec(s) : null;
      if (m) assert.ok(json.shapes[m[1]], `root shape ${m[1]} exists`);
    }
  }
  assert.ok(refs.size > 100);
});

test('catalog JSON: the rule facts are compact and well-formed (statuses, page sizes, search facts, body groups)', () => {
  const json = JSON.parse(fs.readFileSync(CATALOG, 'utf8')) as {
    endpoints: Record<string, { ok?: string | string[]; pp?: string | string[] }>;
    search: Record<string, { f: Record<string, unknown>; op: Record<string, unknown>; lim?: unknown }>;
    shapes: Record<string, { o?: string[]; e?: Record<string, string | string[]> }>;
  };
  const values = (v: string | string[] | undefined) => [v ?? []].flat().map(x => x.replace(/^[\d.,-]+=/, ''));
  for (const [key, e] of Object.entries(json.endpoints)) {
    for (const ok of values(e.ok)) assert.match(ok, /^(none|2\d\d(,2\d\d)*)$/, `${key} ok`);
    assert.ok(!values(e.ok).includes('200'), `${key}: 200 alone is the default and not stored`);
    for (const pp of values(e.pp)) assert.match(pp, /^\d*\/\d*$/, `${key} pp`);
  }
  const keys = Object.keys(json.search);
  assert.deepEqual(keys, [...keys].sort());
  assert.deepEqual(keys, ['POST /contacts/search', 'POST /conversations/search', 'POST /tickets/search']);
  for (const [key, s] of Object.entries(json.search)) {
    assert.ok(Object.keys(s.f).length >= 10 && Object.keys(s.op).length >= 10, key);
    assert.ok(s.lim, `${key} limits`);
  }
  for (const [name, shape] of Object.entries(json.shapes)) {
    for (const g of values(shape.o)) assert.match(g, /^(any|one):[\w+]+(\|[\w+]+)+$/, `${name} o`);
  }
});

test('--check passes against the committed catalog', { skip: !HAS_SPECS && NO_SPECS }, () => {
  const r = runGenerator(['--check']);
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /up to date/);
});

test('--check fails when the committed catalog differs', { skip: !HAS_SPECS && NO_SPECS }, () => {
  // Point the generator at a copy of one version only: the result must differ from the committed file.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intercom-specs-'));
  try {
    fs.mkdirSync(path.join(dir, '2.16'));
    fs.copyFileSync(path.join(SPECS, '2.16/api.intercom.io.yaml'), path.join(dir, '2.16/api.intercom.io.yaml'));
    const r = runGenerator(['--check'], { INTERCOM_OPENAPI_DIR: dir });
    assert.equal(r.status, 1, r.stdout);
    assert.match(r.stderr, /out of date/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('without the OpenAPI folder the generator exits 0 and leaves the catalog untouched', () => {
  const before = fs.readFileSync(CATALOG, 'utf8');
  const mtime = fs.statSync(CATALOG).mtimeMs;
  const missing = path.join(os.tmpdir(), `no-intercom-openapi-${process.pid}`);
  for (const args of [[], ['--check']]) {
    const r = runGenerator(args, { INTERCOM_OPENAPI_DIR: missing });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /no OpenAPI descriptions/);
  }
  assert.equal(fs.readFileSync(CATALOG, 'utf8'), before);
  assert.equal(fs.statSync(CATALOG).mtimeMs, mtime);
});
