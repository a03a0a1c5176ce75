/**
 * The bindings of one attribute document, scanned once per document version.
 *
 * Each JSON string value is decoded with its exact offset map (decodeJsonString), the
 * decoded value is scanned, and every index of the expression model can be turned back
 * into the document offset of the character (or escape sequence) that produced it.
 */
import type { AttributeDocument } from '../document';
import type { StringASTNode } from '../json/ast';
import { decodeJsonString } from '../text/jsonString';
import { documentIndex } from '../json/documentIndex';
import { detached } from '../text/detached';
import type { Binding } from './model';
import { scanTemplate } from './scanner';
import { classifySite, StringSite } from './sites';

export interface BoundString {
  readonly node: StringASTNode;
  /** Document offset of the first character after the opening quote. */
  readonly contentStart: number;
  /** Document offset of the closing quote (the end of the text when the string is not closed). */
  readonly contentEnd: number;
  /** The raw string has its closing quote. */
  readonly terminated: boolean;
  /** The decoded value: what EIC evaluates. */
  readonly value: string;
  /** offsets[i] = document offset of value[i]; absent when the raw text has no escapes (offset = contentStart + i). */
  readonly offsets?: Int32Array;
  readonly site: StringSite;
  readonly bindings: readonly Binding[];
}

/** Document offset of index i of the decoded value (i may equal value.length). */
export function docOffset(bs: BoundString, index: number): number {
  const i = Math.max(0, Math.min(index, bs.value.length));
  return bs.offsets ? bs.offsets[i] : bs.contentStart + i;
}

/** Document span of the decoded range [start, end). */
export function docSpan(bs: BoundString, start: number, end: number): { offset: number; length: number } {
  const offset = docOffset(bs, start);
  return { offset, length: Math.max(0, docOffset(bs, end) - offset) };
}

/** The decoded index whose character sits at (or covers) the document offset. */
export function indexAt(bs: BoundString, offset: number): number {
  if (!bs.offsets) return Math.max(0, Math.min(offset - bs.contentStart, bs.value.length));
  let lo = 0;
  let hi = bs.value.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs.offsets[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Every string value of the document that holds at least one `${`, scanned. */
export function documentBindings(doc: AttributeDocument): readonly BoundString[] {
  return doc.memo('binding.strings', () => {
    const out: BoundString[] = [];
    if (doc.kind !== 'attribute' || !doc.root) return out;
    const text = doc.text;
    // Candidate positions, found by the engine's native search: `${`, and `\u` escapes that might encode one.
    let nextDollar = text.indexOf('${');
    let nextUnicode = text.indexOf('\\u');
    if (nextDollar === -1 && nextUnicode === -1) return out;
    const cache = stringCache(doc);
    const grammar = doc.attribute?.grammar;
    for (const node of documentIndex(doc).stringValues) {
      const start = node.offset + 1;
      const end = node.offset + node.length;
      while (nextDollar !== -1 && nextDollar < start) nextDollar = text.indexOf('${', start);
      while (nextUnicode !== -1 && nextUnicode < start) nextUnicode = text.indexOf('\\u', start);
      const candidate = (nextDollar !== -1 && nextDollar < end) || (nextUnicode !== -1 && nextUnicode < end);
      if (!candidate) continue;
      let bs = cache.get(node);
      if (!bs) cache.set(node, (bs = scanStringNode(text, node, grammar)));
      if (bs.bindings.length) out.push(bs);
    }
    return out;
  });
}

/** The scanned string for a string value node (computed once per node and version). */
export function boundString(doc: AttributeDocument, node: StringASTNode): BoundString {
  const cache = stringCache(doc);
  let bs = cache.get(node);
  if (!bs) {
    bs = scanStringNode(doc.text, node, doc.attribute?.grammar);
    cache.set(node, bs);
  }
  return bs;
}

function stringCache(doc: AttributeDocument): WeakMap<StringASTNode, BoundString> {
  return doc.memo('binding.stringCache', () => new WeakMap<StringASTNode, BoundString>());
}

/** The scanned string value node containing the document offset, if any (cursor inside the quotes). */
export function boundStringAt(doc: AttributeDocument, offset: number): BoundString | undefined {
  if (doc.kind !== 'attribute') return undefined;
  const node = doc.json.getNodeFromOffset(offset, true);
  if (node?.type !== 'string') return undefined;
  if (node.parent?.type === 'property' && node.parent.keyNode === node) return undefined;
  const bs = boundString(doc, node);
  return offset >= bs.contentStart && offset <= bs.contentEnd ? bs : undefined;
}

/** The binding whose `${…}` contains the document offset (between `${` and the closing `}` inclusive). */
export function bindingAt(bs: BoundString, offset: number): Binding | undefined {
  for (const b of bs.bindings) {
    const start = docOffset(bs, b.contentStart);
    const end = docOffset(bs, b.contentEnd);
    if (offset >= start && offset <= end) return b;
  }
  return undefined;
}

/** Scans one string literal of `text` (the node spans the quotes). */
export function scanStringNode(text: string, node: StringASTNode, grammar: string | undefined): BoundString {
  const contentStart = node.offset + 1;
  const last = node.offset + node.length - 1;
  const terminated = node.length >= 2 && text.charCodeAt(last) === 34 && !escapedAt(text, last, contentStart);
  const contentEnd = terminated ? last : node.offset + node.length;
  let value: string;
  let offsets: Int32Array | undefined;
  if (!hasBackslash(text, contentStart, contentEnd)) {
    value = text.slice(contentStart, contentEnd);
  } else {
    const decoded = decodeJsonString(text, contentStart, contentEnd);
    value = decoded.value;
    offsets = decoded.offsets;
  }
  const site = classifySite(node, grammar);
  return { node, contentStart, contentEnd, terminated, value, offsets, site, bindings: scannedBindings(value) };
}

/**
 * Scans of decoded values, shared across nodes and document versions: a large import repeats the
 * same few values (`${access_token}`, a nextUrlPath expression) hundreds of times, and a document
 * changed by one keystroke keeps all its other values. The model is immutable (indices into the
 * value only), so equal values share one frozen result. Bounded in entries and in value length.
 */
const scanCache = new Map<string, readonly Binding[]>();
const MAX_CACHED_VALUE = 4096;
const MAX_CACHE_ENTRIES = 20000;

function scannedBindings(value: string): readonly Binding[] {
  if (value.length > MAX_CACHED_VALUE) return scanTemplate(value);
  let bindings = scanCache.get(value);
  if (!bindings) {
    // The scan of a detached copy: its token texts must not keep this version's text alive.
    const key = detached(value);
    bindings = Object.freeze(scanTemplate(key));
    if (scanCache.size >= MAX_CACHE_ENTRIES) scanCache.clear();
    scanCache.set(key, bindings);
  }
  return bindings;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 92) return true;
  return false;
}

function escapedAt(text: string, index: number, floor: number): boolean {
  let backslashes = 0;
  for (let k = index - 1; k >= floor && text.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}
