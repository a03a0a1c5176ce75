/**
 * Scanner of `${…}` bindings in one decoded string value.
 *
 * Finds each `${`, then tokenizes enough Groovy to find the `}` that closes it: nested
 * braces (closures `{ v -> … }`, statement blocks), single-, double- and triple-quoted
 * string literals (a `}` inside a string does not close anything), GString
 * interpolation inside double-quoted literals, comments. One linear pass; no recursion,
 * so deeply nested input cannot exhaust the stack.
 */
import type { Binding, BindingProblem, Token } from './model';
import { extractReferences } from './references';

const THREE_CHAR_OPS = new Set(['..<', '==~', '<=>', '>>>', '**=', '<<=', '>>=']);
const TWO_CHAR_OPS = new Set([
  '?.', '*.', '.&', '.@', '?:', '->', '==', '!=', '<=', '>=', '&&', '||', '++', '--',
  '+=', '-=', '*=', '/=', '%=', '<<', '>>', '=~', '**', '..', '::',
]);
/** Characters that start a two- or three-character operator. */
const OPERATOR_STARTS = new Set([...TWO_CHAR_OPS, ...THREE_CHAR_OPS].map(o => o.charCodeAt(0)));

function operatorAt(value: string, j: number): string {
  const single = value[j];
  if (!OPERATOR_STARTS.has(value.charCodeAt(j))) return single;
  const three = value.slice(j, j + 3);
  if (THREE_CHAR_OPS.has(three)) return three;
  const two = value.slice(j, j + 2);
  return TWO_CHAR_OPS.has(two) ? two : single;
}

interface Opener {
  ch: '(' | '[' | '{' | '$';
  index: number;
  /** For `$` (an interpolation inside a double-quoted literal): the literal to resume. */
  quote?: string;
  stringOpen?: number;
}

/** The bindings of a decoded string value, in order (at most `maxBindings`). */
export function scanTemplate(value: string, maxBindings = Infinity): Binding[] {
  const out: Binding[] = [];
  let i = value.indexOf('${');
  while (i !== -1 && out.length < maxBindings) {
    if (isEscaped(value, i)) {
      i = value.indexOf('${', i + 2);
      continue;
    }
    const binding = scanBinding(value, i);
    out.push(binding);
    i = value.indexOf('${', binding.reentry ?? binding.end);
  }
  return out;
}

/** True when the `$` at index i is escaped with a backslash (`\${` is a literal in a GString). */
function isEscaped(value: string, i: number): boolean {
  let backslashes = 0;
  for (let k = i - 1; k >= 0 && value.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 1;
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c >= 0xc0;
}
function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 12;
}

/** Scans the binding whose `${` is at `start`. */
export function scanBinding(value: string, start: number): Binding {
  const n = value.length;
  const tokens: Token[] = [];
  const problems: BindingProblem[] = [];
  const stack: Opener[] = [];
  let j = start + 2;
  let quote: string | undefined;
  let stringOpen = 0;   // index of the opening quote of the current literal
  let pieceStart = 0;   // start of the current literal piece (token start)
  let contentStart = 0; // start of the current piece's content
  let closed = false;
  let contentEnd = n;
  let end = n;
  let reentry: number | undefined;

  while (j < n) {
    const c = value.charCodeAt(j);
    if (quote !== undefined) {
      if (c === 92 /* \ */) { j += 2; continue; }
      if (c === 36 && quote[0] === '"' && value.charCodeAt(j + 1) === 123) {
        tokens.push({ kind: 'string', text: value.slice(contentStart, j), start: pieceStart, end: j, quote });
        stack.push({ ch: '$', index: j, quote, stringOpen });
        quote = undefined;
        j += 2;
        continue;
      }
      if (c === quote.charCodeAt(0) && (quote.length === 1 || value.startsWith(quote, j))) {
        tokens.push({ kind: 'string', text: value.slice(contentStart, j), start: pieceStart, end: j + quote.length, quote });
        j += quote.length;
        quote = undefined;
        continue;
      }
      j++;
      continue;
    }
    if (isSpace(c)) { j++; continue; }
    if (c === 125 /* } */) {
      let k = stack.length - 1;
      while (k >= 0 && (stack[k].ch === '(' || stack[k].ch === '[')) k--;
      for (let m = stack.length - 1; m > k; m--) {
        problems.push({ kind: 'unclosed-bracket', start: stack[m].index, end: stack[m].index + 1, text: stack[m].ch });
      }
      stack.length = k + 1;
      if (k < 0) {
        closed = true;
        contentEnd = j;
        end = j + 1;
        break;
      }
      const opener = stack.pop()!;
      if (opener.ch === '$') {
        quote = opener.quote;
        stringOpen = opener.stringOpen!;
        pieceStart = j + 1;
        contentStart = j + 1;
      } else {
        tokens.push({ kind: 'close', text: '}', start: j, end: j + 1 });
      }
      j++;
      continue;
    }
    if (c === 123 /* { */ || c === 40 /* ( */ || c === 91 /* [ */) {
      const ch = value[j] as Opener['ch'];
      stack.push({ ch, index: j });
      tokens.push({ kind: 'open', text: ch, start: j, end: j + 1 });
      j++;
      continue;
    }
    if (c === 41 /* ) */ || c === 93 /* ] */) {
      const want = c === 41 ? '(' : '[';
      const top = stack[stack.length - 1];
      if (top?.ch === want) {
        stack.pop();
      } else if (top && (top.ch === '(' || top.ch === '[') && stack[stack.length - 2]?.ch === want) {
        problems.push({ kind: 'unclosed-bracket', start: top.index, end: top.index + 1, text: top.ch });
        stack.length -= 2;
      } else {
        problems.push({ kind: 'unexpected-close', start: j, end: j + 1, text: value[j] });
      }
      tokens.push({ kind: 'close', text: value[j], start: j, end: j + 1 });
      j++;
      continue;
    }
    if (c === 36 && value.charCodeAt(j + 1) === 123) {
      // A new `${` in code: the previous binding was never closed.
      reentry = j;
      break;
    }
    if (c === 39 /* ' */ || c === 34 /* " */) {
      const ch = value[j];
      quote = value.startsWith(ch + ch + ch, j) ? ch + ch + ch : ch;
      stringOpen = j;
      pieceStart = j;
      contentStart = j + quote.length;
      j += quote.length;
      continue;
    }
    if (c === 47 /* / */ && value.charCodeAt(j + 1) === 47) {
      while (j < n && value.charCodeAt(j) !== 10 && value.charCodeAt(j) !== 13) j++;
      continue;
    }
    if (c === 47 && value.charCodeAt(j + 1) === 42 /* * */) {
      const close = value.indexOf('*/', j + 2);
      j = close === -1 ? n : close + 2;
      continue;
    }
    if (isIdentStart(c)) {
      let k = j + 1;
      while (k < n && isIdentPart(value.charCodeAt(k))) {
        // `$` followed by `{` is a new binding, not part of the name.
        if (value.charCodeAt(k) === 36 && value.charCodeAt(k + 1) === 123) break;
        k++;
      }
      tokens.push({ kind: 'ident', text: value.slice(j, k), start: j, end: k });
      j = k;
      continue;
    }
    if (isDigit(c)) {
      let k = j + 1;
      while (k < n && (isIdentPart(value.charCodeAt(k)) || (value.charCodeAt(k) === 46 && isDigit(value.charCodeAt(k + 1))))) k++;
      tokens.push({ kind: 'number', text: value.slice(j, k), start: j, end: k });
      j = k;
      continue;
    }
    const op = operatorAt(value, j);
    tokens.push({ kind: 'op', text: op, start: j, end: j + op.length });
    j += op.length;
  }

  if (quote !== undefined) {
    problems.push({ kind: 'unclosed-quote', start: stringOpen, end: stringOpen + quote.length, text: quote });
  }
  if (!closed) {
    // Bracket problems inside an unclosed binding are consequences, not causes.
    for (let k = problems.length - 1; k >= 0; k--) if (problems[k].kind !== 'unclosed-quote') problems.splice(k, 1);
  }
  const closeHint = closed ? undefined : leadingChainEnd(tokens);
  const analysed = closed ? tokens : tokensBeforeJsonQuote(tokens, closeHint);
  const { references, locals } = extractReferences(analysed);
  return {
    start, end, contentStart: start + 2, contentEnd: closed ? contentEnd : end, closed,
    tokens, problems, references, locals, closeHint, reentry,
  };
}

/**
 * Where a `}` most likely belongs in an unclosed binding: after a leading member chain
 * (`user.phonenumber`) when the chain is all there is, or when a double quote (the JSON
 * string's own quote, most likely) follows it.
 */
function leadingChainEnd(tokens: readonly Token[]): number | undefined {
  if (tokens[0]?.kind !== 'ident') return undefined;
  let k = 1;
  while (k + 1 < tokens.length && (tokens[k].text === '.' || tokens[k].text === '?.') && tokens[k + 1].kind === 'ident') k += 2;
  const chainEnd = tokens[k - 1].end;
  if (k === tokens.length) return chainEnd;
  const next = tokens[k];
  return next.kind === 'string' && next.quote === '"' ? chainEnd : undefined;
}

/** The tokens of an unclosed binding that plausibly belong to the expression. */
function tokensBeforeJsonQuote(tokens: readonly Token[], closeHint: number | undefined): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (closeHint !== undefined ? t.start >= closeHint : t.kind === 'string' && t.quote === '"') break;
    out.push(t);
  }
  return out;
}
