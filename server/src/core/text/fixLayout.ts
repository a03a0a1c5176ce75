/**
 * Inserted text laid out the way the document is laid out. Rules build their fixes as compact JSON
 * (`{"nextUrl":{"nextUrlPath":"…"}}`); in a document written over several lines such text is
 * spread over lines with the document's own indentation unit and line ending before it reaches
 * the editor. Edits inside a string (an escaped httpParams body) and edits into objects written
 * on one line are left as they are.
 */
import type { ASTNode } from 'vscode-json-languageservice';
import type { AttributeDocument } from '../document';
import type { TextEdit } from '../types';

export interface DocumentLayout {
  /** One level of indentation: a tab, or the document's usual number of spaces. */
  readonly indentUnit: string;
  readonly eol: string;
}

/** Lines looked at to guess the indentation (the start of a document tells). */
const SAMPLE_LINES = 400;

/** The indentation unit of a text: tabs when most indented lines start with one, else the most common step in spaces (2 by default). */
export function detectIndentUnit(text: string): string {
  const steps = new Map<number, number>();
  let tabs = 0;
  let spaces = 0;
  let previous = 0;
  let start = 0;
  for (let line = 0; line < SAMPLE_LINES && start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let i = start;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    const blank = i >= end || text[i] === '\r';
    if (!blank) {
      if (text[start] === '\t') tabs++;
      else if (i > start) {
        spaces++;
        const width = i - start;
        if (width > previous) steps.set(width - previous, (steps.get(width - previous) ?? 0) + 1);
        previous = width;
      } else previous = 0;
      if (text[start] === '\t') previous = 0;
    }
    start = end + 1;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let count = 0;
  for (const [step, n] of steps) if (n > count || (n === count && step < best)) { best = step; count = n; }
  return ' '.repeat(Math.min(Math.max(best, 1), 8));
}

export function documentLayout(doc: AttributeDocument): DocumentLayout {
  return doc.memo('fixLayout', () => ({ indentUnit: detectIndentUnit(doc.text), eol: doc.text.includes('\r\n') ? '\r\n' : '\n' }));
}

/** The edit with its inserted JSON spread over lines as the document is written; unchanged where that does not apply. */
export function layoutEdit(doc: AttributeDocument, edit: TextEdit): TextEdit {
  if (!/[{[]/.test(edit.newText) || !doc.text.includes('\n')) return edit;
  const container = containerAt(doc, edit.offset, edit.length);
  // Into an object written on one line, only text that brings its own line breaks is spread out.
  if (container === 'string' || (container && !spansLines(doc, container) && !edit.newText.includes('\n'))) return edit;
  const layout = documentLayout(doc);
  const newText = expandCompactContainers(edit.newText, lineIndentAt(doc.text, edit.offset), layout);
  return newText === edit.newText ? edit : { ...edit, newText };
}

/** 'string' when the edit lies inside a string literal; else the innermost object or array around it. */
function containerAt(doc: AttributeDocument, offset: number, length: number): ASTNode | 'string' | undefined {
  const root = doc.json.root;
  if (!root) return undefined;
  let node: ASTNode | undefined = doc.json.getNodeFromOffset(offset, true);
  if (node?.type === 'string' && offset > node.offset && offset < node.offset + node.length) return 'string';
  while (node) {
    const covers = node.offset <= offset && offset + length <= node.offset + node.length;
    const replaced = node.offset === offset && node.length === length;
    if ((node.type === 'object' || node.type === 'array') && covers && !replaced) return node;
    node = node.parent;
  }
  return undefined;
}

function spansLines(doc: AttributeDocument, node: ASTNode): boolean {
  const text = doc.text;
  const end = node.offset + node.length;
  const lf = text.indexOf('\n', node.offset);
  return lf !== -1 && lf < end;
}

/** The indentation of the line that holds `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n') start--;
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/**
 * Rewrites every compact (one-line) object in `text`, and every array holding objects or arrays,
 * over several lines. `baseIndent` is the indentation of the line the text starts on; a line
 * break inside `text` sets it anew for what follows.
 */
export function expandCompactContainers(text: string, baseIndent: string, layout: DocumentLayout): string {
  let out = '';
  let lineIndent = baseIndent;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (c === '\n') {
      let j = i + 1;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      lineIndent = text.slice(i + 1, j);
      out += text.slice(i, j);
      i = j;
    } else if (c === '{' || c === '[') {
      const end = containerEnd(text, i);
      const value = text.slice(i, end);
      out += end > i && !value.includes('\n') ? pretty(value, lineIndent, layout) : value;
      i = Math.max(end, i + 1);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function stringEnd(text: string, quote: number): number {
  let j = quote + 1;
  while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, text.length);
}

/** Index after the bracket that closes the one at `open` (the text's end when it is not closed). */
function containerEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') { i = stringEnd(text, i) - 1; continue; }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') { depth--; if (depth === 0) return i + 1; }
  }
  return text.length;
}

type Token = { kind: 'open' | 'close' | 'comma' | 'colon' | 'atom'; text: string };

function tokens(value: string): Token[] {
  const list: Token[] = [];
  for (let i = 0; i < value.length;) {
    const c = value[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') { i++; continue; }
    if (c === '"') { const end = stringEnd(value, i); list.push({ kind: 'atom', text: value.slice(i, end) }); i = end; continue; }
    if (c === '{' || c === '[') { list.push({ kind: 'open', text: c }); i++; continue; }
    if (c === '}' || c === ']') { list.push({ kind: 'close', text: c }); i++; continue; }
    if (c === ',') { list.push({ kind: 'comma', text: c }); i++; continue; }
    if (c === ':') { list.push({ kind: 'colon', text: c }); i++; continue; }
    let j = i + 1;
    while (j < value.length && !/[\s"{}[\],:]/.test(value[j])) j++;
    list.push({ kind: 'atom', text: value.slice(i, j) });
    i = j;
  }
  return list;
}

/** One JSON value over several lines: objects always, arrays when they hold a container; `[]`, `{}` and `[1, 2]` stay on one line. */
function pretty(value: string, base: string, layout: DocumentLayout): string {
  const list = tokens(value);
  const { indentUnit: unit, eol } = layout;
  let out = '';
  let depth = 0;
  /** For each open bracket: whether its content goes on lines of its own. */
  const spread: boolean[] = [];
  for (let k = 0; k < list.length; k++) {
    const t = list[k];
    const indent = () => base + unit.repeat(depth);
    if (t.kind === 'open') {
      const close = matchingClose(list, k);
      const empty = list[k + 1]?.kind === 'close';
      const holdsContainer = list.slice(k + 1, close).some(x => x.kind === 'open');
      const lines = !empty && (t.text === '{' || holdsContainer);
      spread.push(lines);
      out += t.text;
      depth++;
      if (lines) out += eol + indent();
    } else if (t.kind === 'close') {
      depth--;
      const lines = spread.pop();
      if (lines) out += eol + indent();
      out += t.text;
    } else if (t.kind === 'comma') {
      out += spread[spread.length - 1] ? ',' + eol + indent() : ', ';
    } else if (t.kind === 'colon') {
      out += ': ';
    } else {
      out += t.text;
    }
  }
  return out;
}

function matchingClose(list: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < list.length; k++) {
    if (list[k].kind === 'open') depth++;
    else if (list[k].kind === 'close' && --depth === 0) return k;
  }
  return list.length;
}
