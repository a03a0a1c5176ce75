/**
 * Text damaged by copying from web pages and rich-text editors (mistakes 1.6, 1.8):
 * - `smart-quote`: typographic quotes (“ ” ‘ ’) where JSON or Groovy needs straight quotes;
 * - `markdown-link`: a Markdown link `[https://x](https://x)` pasted into a value;
 * - `object-object`: the text "[object Object]" — a JavaScript serialisation accident, not a value;
 * - `code-fragment-key`: a key that is a piece of an expression (a `"` inside `${…}` ended the string early, mistake 1.4).
 */
import type { StringASTNode } from '../json/ast';
import { keyOf } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { bindingRegions, editIn, insideBinding, spanIn } from './support/stringNodes';
import { schemaRejectsKey } from './support/schemaCoverage';

/** Typographic quotes. */
const SMART_QUOTE = /[\u2018-\u201F\u2032\u2033]/;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const CURLY_SINGLE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const MARKDOWN_LINK = /\[([^\]\n]+)\]\(\s*(?:\\?"|')?([^)"'\s]+)(?:\\?"|')?\s*\)/g;

function isKey(node: StringASTNode): boolean {
  const parent = node.parent;
  return parent?.type === 'property' && parent.keyNode === node;
}

/** For each index of a JSON text: true when it lies inside a (straight-quoted) JSON string. */
function jsonStringMask(text: string): boolean[] {
  const mask: boolean[] = new Array(text.length).fill(false);
  let inside = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inside) {
      mask[i] = true;
      if (c === '\\') { mask[i + 1] = true; i++; continue; }
      if (c === '"') inside = false;
    } else if (c === '"') {
      inside = true;
      mask[i] = true;
    }
  }
  return mask;
}

function checkSmartQuotes(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  if (!SMART_QUOTE.test(value)) return;
  const { doc } = ctx;
  if (isKey(node)) {
    const cleaned = value.replace(CURLY_DOUBLE, '').replace(CURLY_SINGLE, '');
    ctx.report({ offset: node.offset, length: node.length, severity: 'warning', code: 'smart-quote',
      message: `Typographic quotes in a key (“ ” ‘ ’), probably copied from a web page: EIC looks the key up as "${cleaned}" without them, so this key is ignored.`,
      fixes: [{ title: `Rename to "${cleaned}"`, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(cleaned) }], isPreferred: true }] });
    return;
  }
  const regions = bindingRegions(value);
  const trimmed = value.trim();
  const jsonBody = keyOf(node) === 'httpParams' || /^[{[]/.test(trimmed);
  const wrapped = /^[\u201C\u201E]/.test(trimmed) && /[\u201D\u201F]$/.test(trimmed) && (trimmed.match(CURLY_DOUBLE) ?? []).length === 2;
  const edits: TextEdit[] = [];
  let first = -1;
  const mark = (index: number, replacement: string) => {
    if (first < 0) first = index;
    edits.push(editIn(doc, node, index, 1, replacement));
  };
  const inJsonString = jsonBody ? jsonStringMask(value) : undefined;
  for (const m of value.matchAll(CURLY_DOUBLE)) {
    const i = m.index!;
    if (insideBinding(regions, i)) mark(i, "'");
    else if (inJsonString && !inJsonString[i]) mark(i, '"');
    else if (wrapped) mark(i, '');
  }
  for (const m of value.matchAll(CURLY_SINGLE)) {
    if (insideBinding(regions, m.index!)) mark(m.index!, "'");
  }
  if (first < 0) return;
  const where = jsonBody ? 'in this JSON body' : wrapped ? 'around this value' : 'inside this ${…} expression';
  ctx.report({ ...spanIn(doc, node, first, 1), severity: 'warning', code: 'smart-quote',
    message: `Typographic quotes (“ ” ‘ ’) ${where}, probably copied from a forum post or a document: JSON needs straight double quotes and Groovy straight single quotes, so EIC cannot parse this${wrapped ? ' and sends the quotes along with the value' : ''}.`,
    fixes: [{ title: 'Replace with straight quotes', edits, isPreferred: true }] });
}

function checkMarkdownLink(ctx: RuleContext, node: StringASTNode): void {
  if (!node.value.includes('](')) return;
  for (const m of node.value.matchAll(MARKDOWN_LINK)) {
    // Only links to web addresses: Groovy `list[0](…)` and JSON arrays are not Markdown.
    if (!/^(https?:\/\/|www\.)/i.test(m[2]) && !/^(https?:\/\/|www\.)/i.test(m[1])) continue;
    const target = /^(https?:\/\/|www\.)/i.test(m[2]) ? m[2] : m[1];
    const inUrl = keyOf(node) === 'url';
    ctx.report({ ...spanIn(ctx.doc, node, m.index!, m[0].length), severity: inUrl ? 'error' : 'warning', code: 'markdown-link',
      message: `Markdown link in a value: the syntax "[…](…)" was pasted here (copied from a README or a rendered page); EIC takes the text literally${inUrl ? ', so the URL is invalid' : ''}. Write just "${target}".`,
      fixes: [{ title: `Replace with "${target}"`, edits: [editIn(ctx.doc, node, m.index!, m[0].length, target)], isPreferred: true }] });
  }
}

function checkObjectObject(ctx: RuleContext, node: StringASTNode): void {
  const index = node.value.indexOf('[object Object]');
  if (index < 0) return;
  const fixes: Fix[] = [];
  if (keyOf(node) === 'httpParams' && node.value.trim() === '[object Object]') {
    fixes.push({ title: 'Replace with an empty body "{}"', edits: [{ offset: node.offset, length: node.length, newText: '"{}"' }] });
  }
  ctx.report({ ...spanIn(ctx.doc, node, index, '[object Object]'.length), severity: 'error', code: 'object-object',
    message: 'Lost content: "[object Object]" is what a JavaScript page prints when it fails to serialise an object — the real content was lost when this was copied. Write the actual value (for httpParams, the JSON body or form fields).',
    fixes });
}

/** Text typical of Groovy code, never of a key name: concatenation, a query fragment, a call or a ternary. */
const CODE_FRAGMENT = /\$\{|'\s*\+|\+\s*'|^[&?][\w-]+=|[\w)]\s*\?\s*['\w]|\)\s*\.|\.\w+\(/;

/** A character every CODE_FRAGMENT match needs: most keys have none, and this test is cheaper. */
const CODE_FRAGMENT_CHAR = /[$+?&()]/;

function checkCodeFragmentKey(ctx: RuleContext, node: StringASTNode): void {
  const key = node.value;
  if (!CODE_FRAGMENT_CHAR.test(key) || !CODE_FRAGMENT.test(key)) return;
  const object = node.parent?.parent;
  if (object && schemaRejectsKey(ctx, object, key)) return; // the schema already reports the unknown key
  ctx.report({ offset: node.offset, length: node.length, severity: 'warning', code: 'code-fragment-key',
    message: 'Expression fragment as a key: this key looks like a piece of a ${…} expression; a double quote inside the expression probably ended the JSON string early, so the rest became a new key. Use single quotes for Groovy strings inside ${…} (or escape the quote as \\").' });
}

export const textHygieneRule: Rule = {
  id: 'text-hygiene',
  run(ctx) {
    // What the document's text cannot contain, no string of it contains (a \u escape could spell
    // anything, so any \u keeps every check on): those checks are skipped for the whole document.
    const text = ctx.doc.text;
    const escapes = text.includes('\\u');
    const quotes = escapes || SMART_QUOTE.test(text);
    const links = escapes || text.includes('](');
    const objects = escapes || text.includes('[object Object]');
    for (const node of documentIndex(ctx.doc).strings) {
      if (quotes) checkSmartQuotes(ctx, node);
      if (isKey(node)) { checkCodeFragmentKey(ctx, node); continue; }
      if (links) checkMarkdownLink(ctx, node);
      if (objects) checkObjectObject(ctx, node);
    }
  },
};
