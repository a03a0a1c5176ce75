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
  /** True when the scan stopped at its limit before the end of the value. */
  readonly truncated?: boolean;
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

/**
 * Most bindings one document has scanned: memory and time stay bounded whatever the document (a
 * 1 MB value of `${` would otherwise be half a million bindings). Four times the 5 MB benchmark
 * import; real attribute files have a few hundred.
 */
export const MAX_BINDINGS_PER_DOCUMENT = 50_000;

/** What the scan left out once it reached MAX_BINDINGS_PER_DOCUMENT. */
export interface BindingTruncation {
  /** `${` in the rest of the document, not scanned. */
  unscanned: number;
  /** Document offset of the first one. */
  offset: number;
}

/** An incremental scan of a document's string values (so that a long scan can pause). */
class DocumentBindingScan {
  readonly out: BoundString[] = [];
  truncation: BindingTruncation | undefined;
  private readonly nodes: readonly StringASTNode[];
  private next = 0;
  private budget = MAX_BINDINGS_PER_DOCUMENT;
  private nextDollar: number;
  private nextUnicode: number;
  private readonly cache: WeakMap<StringASTNode, BoundString>;

  constructor(private readonly doc: AttributeDocument) {
    const text = doc.text;
    this.nextDollar = text.indexOf('${');
    this.nextUnicode = text.indexOf('\\u');
    const candidates = doc.kind === 'attribute' && doc.root && (this.nextDollar !== -1 || this.nextUnicode !== -1);
    this.nodes = candidates ? documentIndex(doc).stringValues : [];
    this.cache = stringCache(doc);
  }

  get done(): boolean {
    return this.next >= this.nodes.length;
  }

  /** Scans up to `count` string values. */
  step(count: number): void {
    const text = this.doc.text;
    const grammar = this.doc.attribute?.grammar;
    for (const stop = Math.min(this.nodes.length, this.next + count); this.next < stop; this.next++) {
      const node = this.nodes[this.next];
      const start = node.offset + 1;
      const end = node.offset + node.length;
      // Candidate positions, found by the engine's native search: `${`, and `\u` escapes that might encode one.
      while (this.nextDollar !== -1 && this.nextDollar < start) this.nextDollar = text.indexOf('${', start);
      while (this.nextUnicode !== -1 && this.nextUnicode < start) this.nextUnicode = text.indexOf('\\u', start);
      const candidate = (this.nextDollar !== -1 && this.nextDollar < end) || (this.nextUnicode !== -1 && this.nextUnicode < end);
      if (!candidate) continue;
      if (this.budget <= 0) return this.truncate(this.nextDollar !== -1 && this.nextDollar < end ? this.nextDollar : start);
      let bs = this.cache.get(node);
      if (!bs) {
        bs = scanStringNode(text, node, grammar, this.budget);
        if (!bs.truncated) this.cache.set(node, bs);
      }
      this.budget -= bs.bindings.length;
      if (bs.bindings.length) this.out.push(bs);
      if (bs.truncated) {
        const last = bs.bindings[bs.bindings.length - 1];
        this.next++;
        return this.truncate(last ? docOffset(bs, last.reentry ?? last.end) : start);
      }
    }
  }

  /** Stops the scan at a document offset, counting the `${` left in the document. */
  private truncate(offset: number): void {
    const text = this.doc.text;
    let unscanned = 0;
    let first = -1;
    for (let i = text.indexOf('${', offset); i !== -1; i = text.indexOf('${', i + 2)) {
      if (first === -1) first = i;
      unscanned++;
    }
    if (unscanned) this.truncation = { unscanned, offset: first };
    this.next = this.nodes.length;
  }
}

/** Every string value of the document that holds at least one `${`, scanned (bounded: see MAX_BINDINGS_PER_DOCUMENT). */
export function documentBindings(doc: AttributeDocument): readonly BoundString[] {
  return doc.memo('binding.strings', () => {
    const scan = new DocumentBindingScan(doc);
    scan.step(Infinity);
    doc.memo('binding.truncation', () => scan.truncation);
    return scan.out;
  });
}

/**
 * documentBindings in slices: after each group of strings `pause` may let other work run and
 * answers true to stop (the result is then not kept). Resolves false when stopped.
 */
export async function documentBindingsPaced(doc: AttributeDocument, pause: () => Promise<boolean>): Promise<boolean> {
  if (doc.hasMemo('binding.strings')) return true;
  const scan = new DocumentBindingScan(doc);
  while (!scan.done) {
    scan.step(256);
    if (await pause()) return false;
  }
  doc.memo('binding.truncation', () => scan.truncation);
  doc.memo('binding.strings', () => scan.out);
  return true;
}

/** What the document's binding scan left out, if it reached its limit. */
export function bindingTruncation(doc: AttributeDocument): BindingTruncation | undefined {
  documentBindings(doc);
  return doc.memo<BindingTruncation | undefined>('binding.truncation', () => undefined);
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

/** Scans one string literal of `text` (the node spans the quotes), at most `maxBindings` bindings. */
export function scanStringNode(text: string, node: StringASTNode, grammar: string | undefined, maxBindings = MAX_BINDINGS_PER_DOCUMENT): BoundString {
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
  const bindings = scannedBindings(value, maxBindings);
  const truncated = bindings.length >= maxBindings && moreBindingsAfter(value, bindings[bindings.length - 1]);
  return { node, contentStart, contentEnd, terminated, value, offsets, site, bindings, ...(truncated ? { truncated } : {}) };
}

function moreBindingsAfter(value: string, last: Binding | undefined): boolean {
  return value.indexOf('${', last ? last.reentry ?? last.end : 0) !== -1;
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

function scannedBindings(value: string, maxBindings: number): readonly Binding[] {
  // A short value has fewer than maxBindings bindings unless the budget is nearly used up.
  if (value.length > MAX_CACHED_VALUE || maxBindings < MAX_CACHED_VALUE) return scanTemplate(value, maxBindings);
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
