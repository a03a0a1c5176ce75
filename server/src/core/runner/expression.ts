/**
 * A small, safe evaluator for the `${…}` expressions EIC connections use (a Groovy subset):
 * member access (`.`, `?.`, `['k']`, `.'k'`), indexing, `==` `!=` `<` `>` `<=` `>=`, `&&` `||` `!`,
 * ternary and Elvis, `+` (string concatenation or addition), string/number/boolean/null literals,
 * and a fixed list of methods (`trim`, `toLowerCase`, `toUpperCase`, `replace`, `replaceAll`,
 * `split`, `size`, `contains`, `get`, `getAt`, …) plus `Math.addExact` and `URLEncoder.encode`.
 *
 * Nothing is ever handed to `eval`: anything outside the subset (closures, `new …`, statements)
 * raises `CannotEvaluate`, which callers report as "cannot evaluate locally".
 */
import { parseExpression, type Node } from './expressionParser';

export class CannotEvaluate extends Error {
  constructor(readonly expression: string, readonly reason: string) {
    super(`Cannot evaluate locally: \${${expression}} (${reason}).`);
  }
}

/** Marks an object whose keys are looked up case-insensitively (HTTP response headers). */
export const CASE_INSENSITIVE = Symbol('caseInsensitive');

export interface EvalScope {
  /** Root variables (`user`, `account`, `response`, `ticketID`, …). */
  variables: Record<string, unknown>;
  /** Roots whose absent members read as null (response data), not as missing input. */
  dataRoots?: Set<string>;
  /** Called with the dotted path of every input variable that had no value. */
  onMissing?(path: string): void;
}

/** Evaluates one expression (the text between `${` and `}`). */
export function evaluateExpression(expression: string, scope: EvalScope): unknown {
  let ast: Node;
  try {
    ast = parseExpression(expression);
  } catch (e) {
    throw new CannotEvaluate(expression.trim(), e instanceof Error ? e.message : String(e));
  }
  const missing: string[] = [];
  try {
    return new Evaluator({ ...scope, onMissing: p => missing.push(p) }).eval(ast).value;
  } catch (e) {
    if (e instanceof CannotEvaluate) throw e;
    throw new CannotEvaluate(expression.trim(), e instanceof Error ? e.message : String(e));
  } finally {
    // Report the deepest path only: `account.accountID`, not also `account`.
    for (const p of missing) {
      if (!missing.some(q => q !== p && (q.startsWith(p + '.') || q.startsWith(p + '[')))) scope.onMissing?.(p);
    }
  }
}

/** Groovy's string form of a value, as a GString would render it. */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return javaToString(value);
}

/** Java's `toString()` of parsed JSON: `[a, b]` for lists, `{k=v}` for maps. */
export function javaToString(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
  return String(value);
}

/** Groovy truth: null, false, 0, '' and empty collections are false. */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

interface Val {
  value: unknown;
  /** Dotted path of an input variable, while the value is still a plain variable lookup. */
  path?: string;
  /** True when the value comes from data (response/headers), where absent means null. */
  data?: boolean;
}

const MAX_STRING = 1_000_000;

class Evaluator {
  private readonly reported = new Set<string>();
  constructor(private readonly scope: EvalScope) {}

  eval(node: Node): Val {
    switch (node.type) {
      case 'literal': return { value: node.value };
      case 'ident': return this.root(node.name);
      case 'member': return this.member(node);
      case 'index': return this.index(node);
      case 'call': return this.call(node);
      case 'unary': {
        const v = this.eval(node.operand).value;
        if (node.op === '!') return { value: !truthy(v) };
        if (typeof v !== 'number') throw new Error(`"-" needs a number, got ${describe(v)}`);
        return { value: -v };
      }
      case 'binary': return { value: this.binary(node.op, node.left, node.right) };
      case 'conditional': return truthy(this.eval(node.test).value) ? this.eval(node.then) : this.eval(node.otherwise);
      case 'elvis': {
        const left = this.eval(node.left);
        return truthy(left.value) ? left : this.eval(node.right);
      }
    }
  }

  private root(name: string): Val {
    const vars = this.scope.variables;
    const data = this.scope.dataRoots?.has(name) ?? false;
    if (Object.prototype.hasOwnProperty.call(vars, name)) return { value: vars[name], path: name, data };
    if (name === 'Math' || name === 'URLEncoder' || name === 'java') return { value: new StaticRef(name) };
    this.missing(name, data);
    return { value: undefined, path: name, data };
  }

  private missing(path: string, data: boolean): void {
    if (data || this.reported.has(path)) return;
    this.reported.add(path);
    this.scope.onMissing?.(path);
  }

  private member(node: Extract<Node, { type: 'member' }>): Val {
    const target = this.eval(node.object);
    if (target.value instanceof StaticRef) return { value: new StaticRef(`${target.value.name}.${node.name}`) };
    return this.read(target, node.name, node.optional, `.${node.name}`);
  }

  private index(node: Extract<Node, { type: 'index' }>): Val {
    const target = this.eval(node.object);
    const key = this.eval(node.index).value;
    if (typeof key !== 'string' && typeof key !== 'number') throw new Error(`an index must be a string or a number, got ${describe(key)}`);
    return this.read(target, key, node.optional, `[${JSON.stringify(key)}]`);
  }

  private read(target: Val, key: string | number, optional: boolean, shown: string): Val {
    const path = target.path !== undefined ? `${target.path}${typeof key === 'number' ? `[${key}]` : `.${key}`}` : undefined;
    const v = target.value;
    if (v === undefined && !target.data && target.path !== undefined) {
      // A missing input variable: keep going and report the longer path.
      if (path !== undefined) this.missing(path, false);
      return { value: undefined, path, data: false };
    }
    if (v === undefined || v === null) {
      if (optional) return { value: null, data: true };
      throw new Error(`${target.path ?? 'a value'} is null, so reading ${shown} fails in EIC too (write ?. instead of .)`);
    }
    const found = getMember(v, key);
    if (found === undefined) {
      if (!target.data && path !== undefined && isPlainObject(v)) {
        this.missing(path, false);
        return { value: undefined, path, data: false };
      }
      return { value: null, path, data: true };
    }
    return { value: found, path, data: target.data };
  }

  private call(node: Extract<Node, { type: 'call' }>): Val {
    const args = node.args.map(a => this.eval(a).value);
    if (node.callee.type === 'member') {
      const targetVal = this.eval(node.callee.object);
      const target = targetVal.value;
      const name = node.callee.name;
      if (target instanceof StaticRef) return { value: callStatic(`${target.name}.${name}`, args) };
      if (target === undefined && !targetVal.data && targetVal.path !== undefined) return { value: undefined, data: false };
      if (target === undefined || target === null) {
        if (node.callee.optional) return { value: null, data: true };
        throw new Error(`${targetVal.path ?? 'a value'} is null, so .${name}() fails in EIC too (write ?.${name}() instead)`);
      }
      return { value: callMethod(target, name, args), data: targetVal.data };
    }
    throw new Error('only method calls and Math.addExact / URLEncoder.encode are supported');
  }

  private binary(op: string, leftNode: Node, rightNode: Node): unknown {
    if (op === '&&') return truthy(this.eval(leftNode).value) && truthy(this.eval(rightNode).value);
    if (op === '||') return truthy(this.eval(leftNode).value) || truthy(this.eval(rightNode).value);
    const left = this.eval(leftNode).value;
    const right = this.eval(rightNode).value;
    switch (op) {
      case '==': return groovyEquals(left, right);
      case '!=': return !groovyEquals(left, right);
      case '+': {
        if (typeof left === 'number' && typeof right === 'number') return left + right;
        if (typeof left === 'string' || typeof right === 'string') {
          const s = renderValue(left) + renderValue(right);
          if (s.length > MAX_STRING) throw new Error('the result is too long');
          return s;
        }
        if (Array.isArray(left)) return [...left, ...(Array.isArray(right) ? right : [right])];
        throw new Error(`cannot add ${describe(left)} and ${describe(right)}`);
      }
      case '-': {
        if (typeof left === 'number' && typeof right === 'number') return left - right;
        throw new Error(`"-" needs numbers, got ${describe(left)} and ${describe(right)}`);
      }
      case '<': case '>': case '<=': case '>=': {
        const a = comparable(left), b = comparable(right);
        if (a === null || b === null) return false;
        return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
    }
    throw new Error(`operator ${op} is not supported`);
  }
}

class StaticRef {
  constructor(readonly name: string) {}
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getMember(v: unknown, key: string | number): unknown {
  if (Array.isArray(v)) {
    if (typeof key === 'number') return v[key < 0 ? v.length + key : key] ?? null;
    if (key === 'size' || key === 'length') return undefined;
    // Groovy spreads property access over lists: list.id → [ids]
    return v.map(item => (isPlainObject(item) ? item[key] ?? null : null));
  }
  if (isPlainObject(v)) {
    if ((v as Record<symbol, unknown>)[CASE_INSENSITIVE]) {
      const lower = String(key).toLowerCase();
      const hit = Object.keys(v).find(k => k.toLowerCase() === lower);
      return hit === undefined ? undefined : v[hit];
    }
    return Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
  }
  if (typeof v === 'string' && typeof key === 'number') return v.charAt(key < 0 ? v.length + key : key);
  return undefined;
}

function groovyEquals(a: unknown, b: unknown): boolean {
  const na = a === undefined ? null : a, nb = b === undefined ? null : b;
  if (na === null || nb === null) return na === nb;
  if (typeof na === 'object' || typeof nb === 'object') return JSON.stringify(na) === JSON.stringify(nb);
  return na === nb;
}

function comparable(v: unknown): number | string | null {
  if (typeof v === 'number' || typeof v === 'string') return v;
  return null;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a map' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

function str(v: unknown, method: string): string {
  if (typeof v !== 'string') throw new Error(`.${method}() needs a string argument, got ${describe(v)}`);
  return v;
}

function toInt(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  throw new Error(`Math.addExact needs integers, got ${describe(v)}`);
}

function regex(pattern: string): RegExp {
  // Java regexes that JavaScript reads differently are rare in connection JSONs; refuse the obvious ones.
  if (/\(\?<[=!]|\\[AZzG]|\(\?[imsx]+\)|\+\+|\*\+/.test(pattern)) throw new Error(`the regular expression ${JSON.stringify(pattern)} uses Java-only syntax`);
  try { return new RegExp(pattern, 'g'); } catch { throw new Error(`invalid regular expression ${JSON.stringify(pattern)}`); }
}

function javaSplit(s: string, pattern: string): string[] {
  const parts = pattern.length === 1 && !/[.$|()\[{^?*+\\]/.test(pattern) ? s.split(pattern) : s.split(regex(pattern));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function callStatic(name: string, args: unknown[]): unknown {
  switch (name) {
    case 'Math.addExact': if (args.length === 2) return toInt(args[0]) + toInt(args[1]); break;
    case 'Math.subtractExact': if (args.length === 2) return toInt(args[0]) - toInt(args[1]); break;
    case 'URLEncoder.encode': case 'java.net.URLEncoder.encode':
      if (args.length >= 1) return args[0] === null || args[0] === undefined ? null : formEncode(renderValue(args[0]));
      break;
  }
  throw new Error(`${name}() is not supported`);
}

/** Java's URLEncoder (application/x-www-form-urlencoded, UTF-8). */
function formEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function callMethod(target: unknown, name: string, args: unknown[]): unknown {
  const n = args.length;
  if (typeof target === 'string') {
    switch (name) {
      case 'trim': if (n === 0) return target.trim(); break;
      case 'toLowerCase': if (n === 0) return target.toLowerCase(); break;
      case 'toUpperCase': if (n === 0) return target.toUpperCase(); break;
      case 'toString': if (n === 0) return target; break;
      case 'size': case 'length': if (n === 0) return target.length; break;
      case 'isEmpty': if (n === 0) return target.length === 0; break;
      case 'replace': if (n === 2) return target.split(renderValue(args[0])).join(renderValue(args[1])); break;
      case 'replaceAll': if (n === 2) return target.replace(regex(str(args[0], name)), str(args[1], name).replace(/\$(\d)/g, '$$$1')); break;
      case 'split': if (n === 1) return javaSplit(target, str(args[0], name)); break;
      case 'contains': if (n === 1) return target.includes(renderValue(args[0])); break;
      case 'startsWith': if (n === 1) return target.startsWith(str(args[0], name)); break;
      case 'endsWith': if (n === 1) return target.endsWith(str(args[0], name)); break;
      case 'indexOf': if (n === 1) return target.indexOf(str(args[0], name)); break;
      case 'equals': if (n === 1) return target === args[0]; break;
      case 'equalsIgnoreCase': if (n === 1) return typeof args[0] === 'string' && target.toLowerCase() === args[0].toLowerCase(); break;
      case 'substring': if (n === 1 || n === 2) return target.substring(toInt(args[0]), n === 2 ? toInt(args[1]) : undefined); break;
      case 'getAt': if (n === 1) return getMember(target, toInt(args[0])); break;
    }
  } else if (Array.isArray(target)) {
    switch (name) {
      case 'size': if (n === 0) return target.length; break;
      case 'isEmpty': if (n === 0) return target.length === 0; break;
      case 'contains': if (n === 1) return target.some(x => groovyEquals(x, args[0])); break;
      case 'get': case 'getAt': if (n === 1) return getMember(target, toInt(args[0])); break;
      case 'join': if (n <= 1) return target.map(renderValue).join(n ? renderValue(args[0]) : ''); break;
      case 'toString': if (n === 0) return javaToString(target); break;
      case 'first': if (n === 0) return target[0] ?? null; break;
      case 'last': if (n === 0) return target[target.length - 1] ?? null; break;
    }
  } else if (isPlainObject(target)) {
    switch (name) {
      case 'get': case 'getAt': if (n === 1) return getMember(target, renderValue(args[0])) ?? null; break;
      case 'containsKey': if (n === 1) return getMember(target, renderValue(args[0])) !== undefined; break;
      case 'size': if (n === 0) return Object.keys(target).length; break;
      case 'isEmpty': if (n === 0) return Object.keys(target).length === 0; break;
      case 'toString': if (n === 0) return javaToString(target); break;
    }
  } else if (typeof target === 'number' || typeof target === 'boolean') {
    switch (name) {
      case 'toString': if (n === 0) return String(target); break;
      case 'equals': if (n === 1) return target === args[0]; break;
      case 'intValue': if (n === 0 && typeof target === 'number') return Math.trunc(target); break;
    }
  }
  throw new Error(`.${name}(${n ? '…' : ''}) on ${describe(target)} is not supported`);
}
