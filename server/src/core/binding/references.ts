/**
 * From the tokens of one expression to the variables it reads.
 *
 * A root identifier is a variable reference unless it is a keyword, a name the expression
 * declares itself (`String a = …`, `for (T x : list)`, `for (x in list)`, closure
 * parameters `{ v, i -> … }`, assignments to script variables), a class (`Math`,
 * `new java.text.SimpleDateFormat(…)`, qualified `java.…` names), a method called
 * without receiver, or a map key / named argument.
 */
import type { Reference, Segment, Token } from './model';
import { isCatalogRoot } from './variables';

const KEYWORDS = new Set([
  'as', 'assert', 'break', 'case', 'catch', 'class', 'const', 'continue', 'def', 'default', 'do', 'else', 'enum',
  'extends', 'false', 'final', 'finally', 'for', 'goto', 'if', 'implements', 'import', 'in', 'instanceof', 'interface',
  'new', 'null', 'package', 'return', 'super', 'switch', 'this', 'throw', 'throws', 'trait', 'true', 'try', 'var',
  'while', 'boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double', 'void',
]);

/** Keywords that may stand where a type stands in a declaration. */
const TYPE_KEYWORDS = new Set(['def', 'var', 'final', 'boolean', 'byte', 'char', 'short', 'int', 'long', 'float', 'double']);

/** First segments of fully qualified class names. */
const PACKAGE_ROOTS = new Set(['java', 'javax', 'groovy', 'org', 'com', 'net', 'sun', 'jakarta']);

const MEMBER_OPS = new Set(['.', '?.', '*.', '.&', '.@', '::']);

export function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}

export function isMemberOp(token: Token | undefined): boolean {
  return token?.kind === 'op' && MEMBER_OPS.has(token.text);
}

export function extractReferences(tokens: readonly Token[]): { references: Reference[]; locals: Set<string> } {
  const locals = declaredNames(tokens);
  const references: Reference[] = [];
  let k = 0;
  while (k < tokens.length) {
    const t = tokens[k];
    if (t.kind !== 'ident' || isMemberOp(tokens[k - 1]) || KEYWORDS.has(t.text)) { k++; continue; }
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const isNew = prev?.kind === 'ident' && prev.text === 'new';
    const isCall = next?.kind === 'open' && next.text === '(';
    const isKey = next?.kind === 'op' && next.text === ':' && (prev === undefined || prev.text === '[' || prev.text === ',' || prev.text === '(');
    const isClass = !isCatalogRoot(t.text) && (/^[A-Z]/.test(t.text) || (PACKAGE_ROOTS.has(t.text) && next?.text === '.'));
    if (isNew || isClass) { k = skipChain(tokens, k); continue; }
    if (locals.has(t.text) || isCall || isKey) { k++; continue; }
    const { members, next: after } = memberChain(tokens, k);
    references.push({ root: { name: t.text, start: t.start, end: t.end }, members });
    k = after;
  }
  return { references, locals };
}

/** The members read after the root at index k, up to the first call or index. */
export function memberChain(tokens: readonly Token[], k: number): { members: Segment[]; next: number } {
  const members: Segment[] = [];
  let m = k + 1;
  while (isMemberOp(tokens[m]) && (tokens[m + 1]?.kind === 'ident' || tokens[m + 1]?.kind === 'string')) {
    const name = tokens[m + 1];
    const call = tokens[m + 2]?.kind === 'open' && (tokens[m + 2].text === '(' || tokens[m + 2].text === '{');
    members.push({
      name: name.text, start: name.start, end: name.end,
      nullSafe: tokens[m].text === '?.' || undefined,
      quoted: name.kind === 'string' || undefined,
      call: call || undefined,
    });
    m += 2;
    if (call || tokens[m]?.text === '[') break;
  }
  return { members, next: m };
}

function skipChain(tokens: readonly Token[], k: number): number {
  let m = k + 1;
  while (isMemberOp(tokens[m]) && tokens[m + 1]?.kind === 'ident') m += 2;
  return m;
}

/** Names the expression declares: typed locals, loop variables, closure parameters, assigned script variables. */
const NO_NAMES: Set<string> = new Set();

function declaredNames(tokens: readonly Token[]): Set<string> {
  let names = NO_NAMES;
  let hasClosure = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'open' && t.text === '{') {
      hasClosure = true;
      if (names === NO_NAMES) names = new Set();
      closureParameters(tokens, k, names);
      continue;
    }
    if (t.kind !== 'ident' || KEYWORDS.has(t.text) || isMemberOp(tokens[k - 1])) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const declared = (next?.kind === 'op' && next.text === '=')
      || (next?.kind === 'ident' && next.text === 'in' && prev?.text === '(')
      || (prev !== undefined && isTypeEnd(tokens, k - 1));
    if (declared) {
      if (names === NO_NAMES) names = new Set();
      names.add(t.text);
    }
  }
  if (hasClosure) {
    if (names === NO_NAMES) names = new Set();
    names.add('it');
  }
  return names.size ? names : NO_NAMES;
}

/** True when the token at index k ends a type in a declaration (`String`, `def`, `List<String>`, `String[]`). */
function isTypeEnd(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t.kind === 'ident') {
    if (TYPE_KEYWORDS.has(t.text)) return true;
    if (KEYWORDS.has(t.text)) return false;
    // `a.b c` is a command call in Groovy, not a declaration, unless the chain is a qualified class name.
    return !isMemberOp(tokens[k - 1]) || /^[A-Z]/.test(t.text);
  }
  if (t.kind === 'op' && t.text === '>') {
    // Generic type: find the matching `<` and require a capitalised name before it.
    let depth = 0;
    for (let m = k; m >= 0; m--) {
      if (tokens[m].text === '>') depth++;
      else if (tokens[m].text === '>>') depth += 2;
      else if (tokens[m].text === '<') depth--;
      if (depth === 0) return tokens[m - 1]?.kind === 'ident' && /^[A-Z]/.test(tokens[m - 1].text);
      if (tokens[m].kind !== 'ident' && tokens[m].kind !== 'op') return false;
    }
    return false;
  }
  if (t.kind === 'close' && t.text === ']') return tokens[k - 1]?.kind === 'open' && tokens[k - 1].text === '[';
  return false;
}

/** Closure parameters: the names between `{` and `->`. */
function closureParameters(tokens: readonly Token[], open: number, names: Set<string>): void {
  const found: string[] = [];
  for (let m = open + 1; m < tokens.length; m++) {
    const t = tokens[m];
    if (t.kind === 'op' && t.text === '->') { for (const f of found) names.add(f); return; }
    if (t.kind === 'ident') { found.push(t.text); continue; }
    if (t.kind === 'op' && (t.text === ',' || t.text === '.' || t.text === '<' || t.text === '>')) continue;
    if ((t.kind === 'open' && t.text === '[') || (t.kind === 'close' && t.text === ']')) continue;
    return;
  }
}
