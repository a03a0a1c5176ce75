/**
 * `npm run bench:stages [-- <bytes>]`: where the time of one full analysis goes, step by step
 * (parse, schema validation, shared index, bindings, each rule), medians over warm runs.
 * A development aid for docs/PERFORMANCE.md; `npm run bench` gives the ratios.
 */
import { AttributeDocument, createEngine, defaultRules, singleDocumentConnection } from '../server/src/core/index';
import { schemaFindings } from '../server/src/core/schema/schemaFindings';
import { documentIndex } from '../server/src/core/json/documentIndex';
import { documentBindings } from '../server/src/core/binding/documentBindings';
import { importAccountEnt } from './generate';

const bytes = Number(process.argv[2] ?? 1e6);
const runs = Number(process.argv[3] ?? 15);
const text = importAccountEnt(bytes);
const samples = new Map<string, number[]>();
const add = (name: string, ms: number) => { let s = samples.get(name); if (!s) samples.set(name, s = []); s.push(ms); };
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** One engine per rule, so that each rule's time is measured on its own. */
const perRule = defaultRules.map(rule => ({ id: rule.id, engine: createEngine({}, { rules: [rule] }) }));

const fresh = process.argv.includes('--fresh');
/** With --fresh every run reads new strings (no cache of an earlier run helps). */
const variant = (n: number) => fresh ? text.replace(/custom_attributes\.field/g, `custom_attributes.v${n}field`).replace(/custom_attributes\?\.a/g, `custom_attributes?.v${n}a`).replace(/&call=/g, `&v${n}call=`) : text;

async function once(version: number): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const doc = AttributeDocument.fromFile('bench/ImportAccountEntJSON.json', variant(version), version);
  let t = now(); doc.json; add('parse', now() - t);
  t = now(); await schemaFindings(doc, true); add('schema', now() - t);
  t = now(); documentIndex(doc); add('index', now() - t);
  t = now(); documentBindings(doc); add('bindings(shared)', now() - t);
  const connection = singleDocumentConnection(doc);
  const grammar = doc.attribute?.grammar;
  let all = 0;
  for (const { id, engine } of perRule) {
    const rule = engine.rules[0];
    if (rule.grammars && (!grammar || !rule.grammars.includes(grammar))) continue;
    t = now(); engine.ruleFindings(doc, { connection }); const ms = now() - t; all += ms; add(id, ms);
  }
  add('all rules', all);
}

async function main(): Promise<void> {
  for (let i = 0; i < 5; i++) await once(i);
  samples.clear();
  for (let i = 0; i < runs; i++) await once(100 + i);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rows = [...samples].map(([name, xs]) => [name, median(xs), Math.min(...xs)] as const).sort((a, b) => b[1] - a[1]);
  console.log(`${text.length} chars, ${runs} runs: median and fastest`);
  for (const [name, ms, min] of rows) console.log(`${name.padEnd(34)} ${ms.toFixed(2).padStart(8)} ms ${min.toFixed(2).padStart(8)} ms`);
}
main();
