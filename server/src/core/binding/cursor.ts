/**
 * Where the cursor is relative to the bindings of a string: inside which `${…}`, on
 * which token, after which member chain. Shared by completion and hover.
 */
import type { AttributeDocument } from '../document';
import type { Binding, Token } from './model';
import { BoundString, boundStringAt, docOffset, indexAt } from './documentBindings';
import { isMemberOp } from './references';

export interface Cursor {
  readonly bs: BoundString;
  /** Index in the decoded value: the cursor stands before value[index]. */
  readonly index: number;
  /** The binding the cursor is in (between `${` and its `}`), if any. */
  readonly binding: Binding | undefined;
}

export function cursorAt(doc: AttributeDocument, offset: number): Cursor | undefined {
  const bs = boundStringAt(doc, offset);
  if (!bs) return undefined;
  let index = indexAt(bs, offset);
  if (docOffset(bs, index) < offset) index++;
  const binding = bs.bindings.find(b => index >= b.contentStart && index <= b.contentEnd);
  return { bs, index, binding };
}

/** The token that contains the character at index (for hover). */
export function tokenOver(binding: Binding, index: number): Token | undefined {
  return binding.tokens.find(t => t.start <= index && index < t.end);
}

export interface CompletionSpot {
  /** `root` after `${`, an operator, a bracket …; `member` after `.` / `?.`; `none` inside a string literal or number. */
  readonly kind: 'root' | 'member' | 'none';
  /** Start and end (indices) of the word the proposal replaces. */
  readonly start: number;
  readonly end: number;
  /** For `member`: the chain before the dot, root first (`['response', 'call1']`). */
  readonly chain: readonly string[];
}

/** What can be completed at the index inside the binding. */
export function completionSpot(binding: Binding, index: number): CompletionSpot {
  const tokens = binding.tokens;
  let k = tokens.findIndex(t => t.start < index && index <= t.end);
  let start = index;
  let end = index;
  if (k >= 0) {
    const t = tokens[k];
    if (t.kind === 'string' || t.kind === 'number') {
      if (index < t.end || t.kind === 'number' || !t.quote || !closesAt(t)) return { kind: 'none', start, end, chain: [] };
      k = -1;
    } else if (t.kind === 'ident') {
      start = t.start;
      end = t.end;
    } else {
      k = -1;
    }
  }
  // The last token before the word.
  let p = -1;
  for (let m = tokens.length - 1; m >= 0; m--) if (tokens[m].end <= start) { p = m; break; }
  if (p >= 0 && isMemberOp(tokens[p])) return { kind: 'member', start, end, chain: chainBefore(tokens, p) };
  return { kind: 'root', start, end, chain: [] };
}

function closesAt(t: Token): boolean {
  return t.end - t.start >= 2 * (t.quote?.length ?? 1);
}

/** The member chain ending just before the member operator at index p. */
function chainBefore(tokens: readonly Token[], p: number): string[] {
  const chain: string[] = [];
  let m = p - 1;
  while (m >= 0 && (tokens[m].kind === 'ident' || tokens[m].kind === 'string')) {
    chain.unshift(tokens[m].text);
    if (!isMemberOp(tokens[m - 1])) break;
    m -= 2;
  }
  return chain;
}
