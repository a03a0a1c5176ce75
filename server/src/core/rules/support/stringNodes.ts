/**
 * Precise positions and edits inside JSON string values.
 *
 * A string node's `value` is decoded; its offsets in the document include the quotes and
 * every escape sequence. Findings that point at part of a value (a type suffix, a URL
 * placeholder, a token in a header) map decoded indices back to the document here.
 */
import type { ASTNode, StringASTNode } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import type { TextEdit } from '../../types';
import { decodeJsonString, DecodedString, encodeJsonStringContent, mapDecodedRange } from '../../text/jsonString';

export interface Span { offset: number; length: number }

/** The decoded content of a string node with its offset map, or undefined for a broken literal. */
export function decodedString(doc: AttributeDocument, node: StringASTNode): DecodedString | undefined {
  return doc.memo(`decoded:${node.offset}:${node.length}`, () => {
    const end = node.offset + node.length - 1;
    if (doc.text[node.offset] !== '"' || end <= node.offset || doc.text[end] !== '"') return undefined;
    return decodeJsonString(doc.text, node.offset + 1, end);
  });
}

/** Document span of `value[index .. index+length)` of a string node (the whole node when it cannot be mapped). */
export function spanIn(doc: AttributeDocument, node: StringASTNode, index: number, length: number): Span {
  const decoded = decodedString(doc, node);
  if (!decoded) return { offset: node.offset, length: node.length };
  if (length === 0) {
    const at = decoded.offsets[Math.max(0, Math.min(index, decoded.value.length))];
    return { offset: at, length: 0 };
  }
  return mapDecodedRange(decoded, index, length);
}

/** Span of the whole string content, without the quotes. */
export function contentSpan(node: StringASTNode): Span {
  return { offset: node.offset + 1, length: Math.max(0, node.length - 2) };
}

/** An edit that replaces `value[index .. index+length)` with `newValue` (encoded for JSON). */
export function editIn(doc: AttributeDocument, node: StringASTNode, index: number, length: number, newValue: string): TextEdit {
  const span = spanIn(doc, node, index, length);
  return { offset: span.offset, length: span.length, newText: encodeJsonStringContent(newValue) };
}

/** An edit that replaces a whole node (quotes included for strings) with raw JSON text. */
export function replaceNode(node: ASTNode, newText: string): TextEdit {
  return { offset: node.offset, length: node.length, newText };
}

/** An edit that replaces a string node by another string value. */
export function replaceString(node: ASTNode, value: string): TextEdit {
  return replaceNode(node, JSON.stringify(value));
}

/**
 * The `${ … }` regions of a decoded string: [start, end) index pairs, braces balanced,
 * single- and double-quoted Groovy literals skipped. An unclosed region runs to the end.
 */
export function bindingRegions(value: string): [number, number][] {
  const out: [number, number][] = [];
  let i = value.indexOf('${');
  while (i >= 0) {
    let depth = 0;
    let j = i + 1;
    let quote: string | undefined;
    for (; j < value.length; j++) {
      const c = value[j];
      if (quote) {
        if (c === '\\') { j++; continue; }
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === "'" ) { quote = c; continue; }
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    const end = Math.min(j + 1, value.length);
    out.push([i, end]);
    i = value.indexOf('${', end);
  }
  return out;
}

/** The value with every `${ … }` region replaced by spaces (same length), for lexical checks outside bindings. */
export function maskBindings(value: string): string {
  const regions = bindingRegions(value);
  if (!regions.length) return value;
  let out = '';
  let last = 0;
  for (const [s, e] of regions) {
    out += value.slice(last, s) + ' '.repeat(e - s);
    last = e;
  }
  return out + value.slice(last);
}

/** True when index lies inside a `${ … }` region. */
export function insideBinding(regions: [number, number][], index: number): boolean {
  for (let r = 0; r < regions.length; r++) {
    const region = regions[r];
    if (index >= region[0] && index < region[1]) return true;
  }
  return false;
}
