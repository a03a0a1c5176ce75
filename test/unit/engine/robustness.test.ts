/**
 * Thousands of random mutations of real corpus files (truncations, swapped characters,
 * deleted quotes, huge strings, random bytes) never make the engine throw, and every
 * finding stays inside the document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { singleDocumentConnection } from '../../../server/src/core/connection';
import { HAS_CORPUS, NO_CORPUS_MESSAGE, corpusFiles, prng, readCorpus } from '../../support/corpus';
import { analyze, complete, hover, documentSymbols, findDefinitions, codeLenses } from '../../support/engine';

type Mutation = (text: string, rnd: () => number) => string;

const pick = (n: number, rnd: () => number) => Math.floor(rnd() * n);

export const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, r) => t.slice(0, pick(t.length + 1, r)),
  swap: (t, r) => { const i = pick(Math.max(1, t.length - 1), r); return t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2); },
  deleteQuote: (t, r) => { const qs = [...t.matchAll(/"/g)]; if (!qs.length) return t; const i = qs[pick(qs.length, r)].index!; return t.slice(0, i) + t.slice(i + 1); },
  deleteChar: (t, r) => { const i = pick(t.length, r); return t.slice(0, i) + t.slice(i + 1); },
  insertPunct: (t, r) => { const i = pick(t.length + 1, r); return t.slice(0, i) + '{}[]",:\\$'[pick(9, r)] + t.slice(i); },
  hugeString: (t, r) => { const i = pick(t.length + 1, r); return t.slice(0, i) + '"' + 'x${user.a'.repeat(2000 + pick(5000, r)) + '"' + t.slice(i); },
  randomBytes: (t, r) => { const i = pick(t.length + 1, r); let s = ''; for (let k = 0; k < 20; k++) s += String.fromCharCode(pick(0xffff, r)); return t.slice(0, i) + s + t.slice(i); },
  unclosedBinding: (t, r) => { const i = t.indexOf('}', pick(t.length, r)); return i < 0 ? t + '${' : t.slice(0, i) + t.slice(i + 1); },
  duplicate: (t, r) => { const i = pick(t.length, r); const j = Math.min(t.length, i + pick(200, r)); return t.slice(0, j) + t.slice(i, j) + t.slice(j); },
};

export function mutate(text: string, rnd: () => number): string {
  const names = Object.keys(MUTATIONS);
  let out = text;
  const rounds = 1 + pick(3, rnd);
  for (let k = 0; k < rounds; k++) out = MUTATIONS[names[pick(names.length, rnd)]](out, rnd);
  return out;
}

test('thousands of mutated corpus documents never crash the engine', { skip: !HAS_CORPUS && NO_CORPUS_MESSAGE, timeout: 240_000 }, async () => {
  const files = corpusFiles();
  const rnd = prng(20261128);
  const iterations = Number(process.env.FUZZ_ITERATIONS ?? 2000);
  for (let n = 0; n < iterations; n++) {
    const file = files[pick(files.length, rnd)];
    const text = mutate(readCorpus(file), rnd);
    const doc = AttributeDocument.fromFile(file, text, n);
    const where = `iteration ${n} (${file})`;
    const findings = await analyze(doc);
    for (const f of findings) {
      assert.ok(f.offset >= 0 && f.offset + f.length <= text.length, `${where}: finding ${f.code} out of range`);
      assert.ok(f.message.length > 0, where);
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${where}: fix out of range`);
    }
    if (n % 10 === 0) {
      const offset = pick(text.length + 1, rnd);
      const ctx = { doc, offset, connection: singleDocumentConnection(doc), settings: {} };
      await complete(ctx);
      await hover(ctx);
      findDefinitions(ctx);
      documentSymbols(doc);
      codeLenses(doc, ctx.connection);
    }
  }
});
