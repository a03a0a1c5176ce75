/**
 * Formatting (document and range), bounded so that no document can freeze or exhaust the server:
 *
 * - the client's options are validated (tabSize an integer from 1 to 8, insertSpaces a boolean);
 * - a document above the size limit, nested deeper than the parser handles, or whose formatted
 *   text would be too large (estimated in one linear pass before any work) is declined with a
 *   message instead of formatted;
 * - a result of many small edits comes back as one edit of the formatted text, so the answer is
 *   never larger than the text itself.
 * The formatter is jsonc-parser's (the one the JSON language service uses); line endings are kept.
 */
import { formattingEdits, type JsonTextEdit } from '../json/jsonText';
import type { TextEdit } from 'vscode-languageserver-types';
import { MAX_NESTING, maxNesting, type AttributeDocument } from '../document';
import type { Range } from '../text/positions';

export interface FormattingLimits {
  /** Longest document formatted (characters). */
  maxChars: number;
  /** Deepest nesting formatted (the parser's own limit). */
  maxDepth: number;
  /** Largest formatted text (characters), as estimated before formatting. */
  maxOutputChars: number;
  /** Above this many edits the answer is one edit of the formatted span. */
  maxEdits: number;
}

export const FORMAT_LIMITS: FormattingLimits = {
  maxChars: 1024 * 1024,
  maxDepth: MAX_NESTING,
  maxOutputChars: 16 * 1024 * 1024,
  maxEdits: 2000,
};

export interface FormatResult {
  edits: TextEdit[];
  /** Set when the document was not formatted: why, in words for the user. */
  declined?: string;
}

const MAX_TAB_SIZE = 8;
const DEFAULT_TAB_SIZE = 2;

/** The client's formatting options, validated: tabSize 1–8 (rounded), insertSpaces a boolean. */
export function formattingOptions(options: { tabSize?: unknown; insertSpaces?: unknown }): { tabSize: number; insertSpaces: boolean } {
  const raw = options.tabSize;
  const tabSize = typeof raw === 'number' && Number.isFinite(raw) ? Math.min(MAX_TAB_SIZE, Math.max(1, Math.round(raw))) : DEFAULT_TAB_SIZE;
  return { tabSize, insertSpaces: typeof options.insertSpaces === 'boolean' ? options.insertSpaces : true };
}

export function formatDocument(doc: AttributeDocument, options: { tabSize?: unknown; insertSpaces?: unknown }, range?: Range,
  limits: Partial<FormattingLimits> = {}): FormatResult {
  const max = { ...FORMAT_LIMITS, ...limits };
  const text = doc.text;
  const { tabSize, insertSpaces } = formattingOptions(options);
  const number = (n: number) => n.toLocaleString('en-US');
  if (text.length > max.maxChars) {
    return declined(`This document has ${number(text.length)} characters, more than the ${number(max.maxChars)} that are formatted; it was left as it is.`);
  }
  const depth = maxNesting(text, max.maxDepth);
  if (depth > max.maxDepth) {
    return declined(`This document nests ${number(depth)} levels deep; formatting stops at ${number(max.maxDepth)} levels, so it was left as it is.`);
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const estimate = formattedSizeBound(text, insertSpaces ? tabSize : 1, eol.length);
  if (estimate > max.maxOutputChars) {
    return declined(`Formatted, this document would be about ${number(estimate)} characters (more than ${number(max.maxOutputChars)}), `
      + 'so it was left as it is. A smaller tab size or less nesting makes it formattable.');
  }
  const span = range ? clampedSpan(doc, range) : undefined;
  const edits = formattingEdits(text, span, { tabSize, insertSpaces, eol, insertFinalNewline: false, keepLines: false });
  if (edits.length > max.maxEdits) return { edits: [collapse(doc, edits)] };
  return { edits: edits.map(e => ({ range: doc.rangeOf(e.offset, e.length), newText: e.content })) };
}

function declined(message: string): FormatResult {
  return { edits: [], declined: message };
}

/** The range as a text span, ordered and inside the document. */
function clampedSpan(doc: AttributeDocument, range: Range): { offset: number; length: number } {
  const a = doc.offsetAt(range.start);
  const b = doc.offsetAt(range.end);
  const start = Math.min(a, b);
  return { offset: start, length: Math.max(a, b) - start };
}

/** Many edits as one: the formatted text of the span they cover (edits are sorted and disjoint). */
function collapse(doc: AttributeDocument, edits: JsonTextEdit[]): TextEdit {
  const text = doc.text;
  const start = edits[0].offset;
  const end = edits[edits.length - 1].offset + edits[edits.length - 1].length;
  const pieces: string[] = [];
  let at = start;
  for (const e of edits) {
    pieces.push(text.slice(at, e.offset), e.content);
    at = e.offset + e.length;
  }
  pieces.push(text.slice(at, end));
  return { range: doc.rangeOf(start, end - start), newText: pieces.join('') };
}

/**
 * An upper bound of the formatted text's length, in one pass: the text plus, after every `{`, `[`
 * and `,` and before every `}` and `]` outside strings and comments, a line break and the
 * indentation of that depth, plus a space after every `:`.
 */
export function formattedSizeBound(text: string, indentWidth: number, eolLength: number): number {
  let total = text.length;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34 || d === 10 || d === 13) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      total += eolLength + depth * indentWidth;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 1;
      total += eolLength + depth * indentWidth;
    } else if (c === 123 || c === 91) {
      depth++;
      total += eolLength + depth * indentWidth;
    } else if (c === 125 || c === 93) {
      if (depth > 0) depth--;
      total += eolLength + depth * indentWidth;
    } else if (c === 44 /* , */) {
      total += eolLength + depth * indentWidth;
    } else if (c === 58 /* : */) {
      total++;
    }
  }
  return total;
}
