/**
 * The fast parser (server/src/core/json/strictParse.ts) must build exactly the tree the JSON
 * service's parser builds, and only for texts the service reads without any problem: compared node
 * by node (type, offset, length, value, isInteger, colonOffset, parent, children, own keys in order)
 * on every corpus file, the examples, the e2e workspace, generated bench documents and thousands of
 * text mutations (characters dropped, doubled or replaced, comments, trailing commas, repeated
 * keys, escapes, odd blanks, numbers); and it must take the clean ones, or it would be dead code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ASTNode } from 'vscode-json-languageservice';
import { jsonService } from '../../../server/src/core/json/jsonService';
import { parseStrictJson, parseStrictJsonIndexed } from '../../../server/src/core/json/strictParse';
import { buildIndex, indexOf } from '../../../server/src/core/json/documentIndex';
import { AttributeDocument } from '../../../server/src/core/document';
import { corpusFiles, prng, readCorpus, REPO_ROOT } from '../../support/corpus';
import { importAccountEnt } from '../../../bench/generate';

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (entry.name.endsWith('.json')) out.push(fs.readFileSync(full, 'utf8'));
  }
  return out;
}

function samples(): string[] {
  return [
    ...corpusFiles().map(readCorpus),
    ...jsonFiles(path.join(REPO_ROOT, 'examples')),
    ...jsonFiles(path.join(REPO_ROOT, 'test', 'e2e', 'workspace')),
    importAccountEnt(20_000),
    importAccountEnt(100_000),
  ];
}

const EDITS = ['', ',', ' ', '\u00a0', '\t', '\n', '\r\n', '"', '\\', '\\u00e9', '\\x', '\\u12', '//c\n', '/*c*/', ':', '{', '}', '[', ']',
  '0', '01', '-', '-0', '1.', '.5', '1e', '1e+2', '2E-3', '1.0', 'true', 'tru', 'null', 'nul', 'falsey', '\u0001', '\ufeff', '"//": 1,', '"a": 1, "a": 2,', 'x'];

/** One random edit of the text (possibly several characters). */
function mutateText(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.3) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  if (kind < 0.45) { // repeat a key that is already in the document
    const m = /"([A-Za-z]+)"\s*:/.exec(text.slice(at));
    if (m) { const i = at + m.index; return text.slice(0, i) + `"${m[1]}": 0, ` + text.slice(i); }
  }
  if (kind < 0.55) { // a trailing comma before some closing bracket
    const i = text.slice(at).search(/[}\]]/);
    if (i >= 0) return text.slice(0, at + i) + ',' + text.slice(at + i);
  }
  return text.slice(0, at) + EDITS[Math.floor(random() * EDITS.length)] + text.slice(at);
}

function compare(fast: ASTNode, slow: ASTNode, pairs: Map<ASTNode, ASTNode>, where: string): void {
  pairs.set(fast, slow);
  assert.deepEqual(Object.keys(fast), Object.keys(slow), `${where}: keys`);
  assert.equal(fast.type, slow.type, `${where}: type`);
  assert.equal(fast.offset, slow.offset, `${where}: offset`);
  assert.equal(fast.length, slow.length, `${where}: length`);
  assert.equal(pairs.get(fast.parent!) ?? fast.parent, slow.parent, `${where}: parent`);
  const f = fast as unknown as Record<string, unknown>;
  const s = slow as unknown as Record<string, unknown>;
  for (const key of ['value', 'isInteger', 'colonOffset']) assert.ok(Object.is(f[key], s[key]), `${where}: ${key} ${String(f[key])} vs ${String(s[key])}`);
  assert.equal(String(fast), String(slow), `${where}: toString`);
  const fc = fast.children ?? [];
  const sc = slow.children ?? [];
  assert.equal(fc.length, sc.length, `${where}: children`);
  for (let i = 0; i < fc.length; i++) compare(fc[i], sc[i], pairs, `${where}/${i}`);
}

test('the fast parser builds the service parser\'s tree for every strict text, and gives up on every other', () => {
  const service = jsonService();
  const random = prng(15);
  let accepted = 0, declined = 0, declinedClean = 0, total = 0;
  const check = (text: string) => {
    total++;
    const slow = service.parseJSONDocument(TextDocument.create('saviynt-attr:///x.json', 'json', 1, text)) as unknown as { root: ASTNode | undefined; syntaxErrors: unknown[]; comments: unknown[] };
    const fast = parseStrictJson(text);
    if (!fast) {
      declined++;
      if (slow.syntaxErrors.length === 0 && slow.comments.length === 0) declinedClean++;
      return;
    }
    accepted++;
    assert.equal(slow.syntaxErrors.length, 0, `accepted a text with syntax problems: ${JSON.stringify(text.slice(0, 200))}`);
    assert.equal(slow.comments.length, 0, 'accepted a text with comments');
    assert.ok(slow.root);
    compare(fast, slow.root, new Map(), 'root');
  };
  for (const text of samples()) {
    check(text);
    const mutations = text.length > 50_000 ? 4 : 12;
    for (let i = 0; i < mutations; i++) {
      let mutated = mutateText(text, random);
      if (random() < 0.3) mutated = mutateText(mutated, random);
      check(mutated);
    }
  }
  for (const edge of ['', ' ', '0', '-0', '1e400', '"\\ud800"', '"\\u0041\\n\\/"', '[]', '{}', '{"//": 1, "//": 2}', '{"a":1,"a":2}', 'true ', ' null', '[1,]', '{"a":1}x', '\ufeff{}', '[1e5, 2.50, -3E+1]']) check(edge);
  assert.ok(total > 1000, `only ${total} texts`);
  assert.ok(accepted > total / 5, `the fast parser took only ${accepted} of ${total}`);
  assert.ok(declined - declinedClean > total / 5, `too few texts with problems: ${declined - declinedClean}`);
  // Clean texts it leaves to the service (odd blanks, repeated "//" keys …) must stay rare.
  assert.ok(declinedClean < accepted / 5, `declined ${declinedClean} clean texts`);
});

test('a document\'s tree comes from the fast parser when the text is strict, with no syntax problems', () => {
  const doc = AttributeDocument.fromFile('ImportAccountEntJSON.json', importAccountEnt(5_000), 1);
  assert.ok(doc.root);
  assert.notEqual(doc.root.constructor.name, 'ObjectASTNodeImpl');
  const broken = AttributeDocument.fromFile('ImportAccountEntJSON.json', '{"accountParams": {},}', 1);
  assert.equal(broken.root?.type, 'object');
  assert.equal(broken.root?.constructor.name, 'ObjectASTNodeImpl');
});

test('the fast parser gives up beyond the nesting limit, and the document still reports the depth', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
  assert.ok(parseStrictJson(nested(400), 400));
  assert.equal(parseStrictJson(nested(401), 400), undefined);
  assert.equal(parseStrictJson('{"a":' + nested(400) + '}', 400), undefined);
  const deep = AttributeDocument.fromFile('ImportAccountEntJSON.json', '{"a":' + nested(600) + '}', 1);
  assert.equal(deep.root, undefined);
  assert.match(deep.parseFailure ?? '', /601 levels deep/);
  const ok = AttributeDocument.fromFile('ImportAccountEntJSON.json', '{"a":' + nested(399) + '}', 1);
  assert.equal(ok.root?.type, 'object');
  assert.equal(ok.parseFailure, undefined);
});

test('the index gathered while parsing is the index of a walk over the tree', () => {
  const random = prng(7);
  const texts = [...samples().slice(0, 300), '"just a string"', '[]', '{"a": ["x", {"b": "y"}, 1], "c": {"d": {"e": "f"}}}'];
  let compared = 0;
  for (const base of texts) {
    for (const text of [base, mutateText(base, random)]) {
      const strict = parseStrictJsonIndexed(text);
      if (!strict) continue;
      compared++;
      const walked = buildIndex(strict.root);
      const gathered = indexOf(strict.lists);
      assert.deepEqual(gathered.properties.map(p => p.offset), walked.properties.map(p => p.offset));
      assert.ok(gathered.properties.every((p, i) => p === walked.properties[i]));
      assert.deepEqual([...gathered.propertyEnd], [...walked.propertyEnd]);
      assert.ok(gathered.strings.length === walked.strings.length && gathered.strings.every((s, i) => s === walked.strings[i]));
      assert.ok(gathered.stringValues.length === walked.stringValues.length && gathered.stringValues.every((s, i) => s === walked.stringValues[i]));
    }
  }
  // Without the public corpus (a clone without ../shared) the examples and generated texts remain.
  const floor = corpusFiles().length > 0 ? 200 : 100;
  assert.ok(compared > floor, `only ${compared} compared`);
});

test('a text that ends inside a string, right after a backslash, is left to the service (never a tree)', () => {
  for (const text of ['"abc\\', '"\\', '{"a":"b\\', '["x", "\\', '"\\\\\\']) {
    assert.equal(parseStrictJson(text), undefined, JSON.stringify(text));
  }
  for (const text of ['"\u0001"', '{"a":"tab\there"}', '"line\nbreak"']) {
    assert.equal(parseStrictJson(text), undefined, `a control character: ${JSON.stringify(text)}`);
  }
  const tree = parseStrictJson('["x\\"y", "\\\\", "é\\u00e9"]');
  assert.deepEqual(tree?.children?.map(n => n.type === 'string' ? n.value : n.type), ['x"y', '\\', 'éé']);
});

test('key names are shared between properties and versions, past the table\'s bound too, and repeats are still declined', () => {
  const service = jsonService();
  const serviceTree = (text: string) => (service.parseJSONDocument(TextDocument.create('saviynt-attr:///x.json', 'json', 1, text)) as unknown as { root: ASTNode }).root;
  const objectOf = (names: string[]) => `{${names.map((n, i) => `"${n}": ${i}`).join(', ')}}`;
  // More distinct names than the shared table holds (it starts again), each key still its own name.
  const many = Array.from({ length: 25_000 }, (_, i) => `column${i}`);
  const text = objectOf(many);
  for (const version of [1, 2]) {
    const fast = parseStrictJson(text);
    assert.ok(fast, `version ${version} taken`);
    compare(fast, serviceTree(text), new Map(), 'root');
  }
  // A repeated key is the service's to report, in small objects (compared), large ones and very large ones (a set).
  for (const size of [5, 30, 100]) {
    const names = Array.from({ length: size }, (_, i) => `k${i}`);
    assert.ok(parseStrictJson(objectOf(names)), `${size} distinct keys taken`);
    assert.equal(parseStrictJson(objectOf([...names, names[size - 3]])), undefined, `${size} keys and a repeat declined`);
    assert.equal(parseStrictJson(objectOf([names[1], ...names])), undefined, `a repeat of the first of ${size} keys declined`);
  }
});
