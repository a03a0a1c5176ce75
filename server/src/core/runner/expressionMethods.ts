/**
 * The Groovy/Java library the `${…}` evaluator knows, as EIC's Groovy would run it: the static
 * methods of a few JDK classes (`System.currentTimeMillis()`, `Math.*`, `String.valueOf`,
 * `Integer.parseInt`, `java.net.URLEncoder.encode` …) and the instance methods of strings, numbers,
 * lists and maps that connection JSONs use (`trim`, `replace`, `split`, `intdiv`, `size`, `get` …).
 * Anything else throws, and the evaluator reports it as "cannot evaluate locally" by name.
 */

/** The wall clock the expressions read (`System.currentTimeMillis()`); injected by callers. */
export interface ExpressionClock { now(): number }

/** Marks an object whose keys are looked up case-insensitively (HTTP response headers). */
export const CASE_INSENSITIVE = Symbol('caseInsensitive');

/** A Java class (or package prefix) named in an expression: `Math`, `java.net.URLEncoder` … */
export class StaticRef {
  constructor(readonly name: string) {}
}

/** Class names (and package roots) an expression may start with; other capitalised names are variables. */
export const STATIC_ROOTS = new Set([
  'java', 'groovy', 'Math', 'System', 'String', 'Integer', 'Long', 'Double', 'Boolean', 'Character', 'URLEncoder', 'URLDecoder',
  'Calendar', 'Date', 'SimpleDateFormat', 'TimeZone', 'UUID', 'Arrays', 'Collections', 'Objects', 'JsonBuilder', 'JsonOutput', 'JsonSlurper',
]);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof StaticRef);
}

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof StaticRef) return v.name;
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a map' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

/** Java's `toString()` of parsed JSON: `[a, b]` for lists, `{k=v}` for maps. */
export function javaToString(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}=${javaToString(v)}`).join(', ')}}`;
  return String(value);
}

/** Groovy's string form of a value, as a GString would render it. */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof StaticRef) throw new Error(`${value.name} is a Java class, not a value`);
  return javaToString(value);
}

export function getMember(v: unknown, key: string | number): unknown {
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

export function groovyEquals(a: unknown, b: unknown): boolean {
  const na = a === undefined ? null : a, nb = b === undefined ? null : b;
  if (na === null || nb === null) return na === nb;
  if (typeof na === 'object' || typeof nb === 'object') return JSON.stringify(na) === JSON.stringify(nb);
  return na === nb;
}

function str(v: unknown, method: string): string {
  if (typeof v !== 'string') throw new Error(`.${method}() needs a string argument, got ${describe(v)}`);
  return v;
}

function num(v: unknown, what: string): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new Error(`${what} needs a number, got ${describe(v)}`);
}

function toInt(v: unknown, what = 'Math.addExact'): number {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  throw new Error(`${what} needs integers, got ${describe(v)}`);
}

/** Groovy's String.toInteger()/Integer.parseInt(): a whole number, or a failure as in EIC. */
function parseWhole(s: string, what: string): number {
  if (!/^[+-]?\d+$/.test(s.trim())) throw new Error(`${what}(${JSON.stringify(s.slice(0, 40))}) fails in EIC too: not a whole number`);
  return Number(s.trim());
}

function regex(pattern: string): RegExp {
  // Java regexes that JavaScript reads differently are rare in connection JSONs; refuse the obvious ones.
  if (/\(\?<[=!]|\\[AZzG]|\(\?[imsx]+\)|\+\+|\*\+/.test(pattern)) throw new Error(`the regular expression ${JSON.stringify(pattern)} uses Java-only syntax`);
  try { return new RegExp(pattern, 'g'); } catch { throw new Error(`invalid regular expression ${JSON.stringify(pattern)}`); }
}

function javaSplit(s: string, pattern: string): string[] {
  const parts = pattern.length === 1 && !/[.$|()[{^?*+\\]/.test(pattern) ? s.split(pattern) : s.split(regex(pattern));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java's URLEncoder (application/x-www-form-urlencoded, UTF-8). */
function formEncode(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()~]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function formDecode(s: string): string {
  try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { throw new Error(`URLDecoder.decode: ${JSON.stringify(s.slice(0, 40))} is not URL-encoded text`); }
}

/** Integer division as Groovy's intdiv: the quotient rounded toward zero; dividing by zero fails. */
function intdiv(a: unknown, b: unknown): number {
  const x = toInt(a, '.intdiv()');
  const y = toInt(b, '.intdiv()');
  if (y === 0) throw new Error('intdiv by zero fails in EIC too (ArithmeticException)');
  return Math.trunc(x / y);
}

/** `*`, `/` and `%` on numbers (Groovy: `/` of integers is a decimal, `%` keeps the sign of the left side). */
export function arithmetic(op: string, left: unknown, right: unknown): number | string {
  if (op === '*' && typeof left === 'string' && typeof right === 'number' && Number.isInteger(right) && right >= 0) {
    if (left.length * right > 1_000_000) throw new Error('the result is too long');
    return left.repeat(right);
  }
  const a = num(left, `"${op}"`);
  const b = num(right, `"${op}"`);
  if ((op === '/' || op === '%') && b === 0) throw new Error(`${op === '/' ? 'division' : 'remainder'} by zero fails in EIC too (ArithmeticException)`);
  if (op === '*') return a * b;
  if (op === '%') return a % b;
  return a / b;
}

export function callStatic(name: string, args: unknown[], clock: ExpressionClock | undefined): unknown {
  const n = args.length;
  const cls = name.replace(/^java\.(lang|net|util)\./, '');
  switch (cls) {
    case 'System.currentTimeMillis': if (n === 0) return Math.trunc((clock ?? { now: () => Date.now() }).now()); break;
    case 'Math.addExact': if (n === 2) return toInt(args[0]) + toInt(args[1]); break;
    case 'Math.subtractExact': if (n === 2) return toInt(args[0], 'Math.subtractExact') - toInt(args[1], 'Math.subtractExact'); break;
    case 'Math.multiplyExact': if (n === 2) return toInt(args[0], 'Math.multiplyExact') * toInt(args[1], 'Math.multiplyExact'); break;
    case 'Math.floorDiv': if (n === 2) { const b = toInt(args[1], 'Math.floorDiv'); if (b === 0) throw new Error('Math.floorDiv by zero fails in EIC too'); return Math.floor(toInt(args[0], 'Math.floorDiv') / b); } break;
    case 'Math.abs': if (n === 1) return Math.abs(num(args[0], 'Math.abs')); break;
    case 'Math.max': if (n === 2) return Math.max(num(args[0], 'Math.max'), num(args[1], 'Math.max')); break;
    case 'Math.min': if (n === 2) return Math.min(num(args[0], 'Math.min'), num(args[1], 'Math.min')); break;
    case 'Math.floor': if (n === 1) return Math.floor(num(args[0], 'Math.floor')); break;
    case 'Math.ceil': if (n === 1) return Math.ceil(num(args[0], 'Math.ceil')); break;
    case 'Math.round': if (n === 1) return Math.round(num(args[0], 'Math.round')); break;
    case 'String.valueOf': if (n === 1) return renderValue(args[0]); break;
    case 'Integer.parseInt': case 'Integer.valueOf': case 'Long.parseLong': case 'Long.valueOf':
      if (n === 1) return typeof args[0] === 'number' && Number.isInteger(args[0]) ? args[0] : parseWhole(renderValue(args[0]), cls); break;
    case 'URLEncoder.encode': case 'net.URLEncoder.encode':
      if (n >= 1) return args[0] === null || args[0] === undefined ? null : formEncode(renderValue(args[0]));
      break;
    case 'URLDecoder.decode': case 'net.URLDecoder.decode':
      if (n >= 1) return args[0] === null || args[0] === undefined ? null : formDecode(renderValue(args[0]));
      break;
  }
  throw new Error(`${name}(${n ? '…' : ''}) is not a method the preview can evaluate`);
}

function stringMethod(target: string, name: string, args: unknown[]): unknown {
  const n = args.length;
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
    case 'substring': if (n === 1 || n === 2) return target.substring(toInt(args[0], '.substring()'), n === 2 ? toInt(args[1], '.substring()') : undefined); break;
    case 'getAt': if (n === 1) return getMember(target, toInt(args[0], '.getAt()')); break;
    case 'toInteger': case 'toLong': if (n === 0) return parseWhole(target, `.${name}`); break;
    case 'isNumber': case 'isInteger': if (n === 0) return /^[+-]?\d+(\.\d+)?$/.test(target.trim()) && (name === 'isNumber' || !target.includes('.')); break;
  }
  return NO_METHOD;
}

function numberMethod(target: number | boolean, name: string, args: unknown[]): unknown {
  const n = args.length;
  switch (name) {
    case 'toString': if (n === 0) return String(target); break;
    case 'equals': if (n === 1) return target === args[0]; break;
  }
  if (typeof target !== 'number') return NO_METHOD;
  switch (name) {
    case 'intValue': case 'longValue': case 'toInteger': case 'toLong': if (n === 0) return Math.trunc(target); break;
    case 'intdiv': if (n === 1) return intdiv(target, args[0]); break;
    case 'plus': if (n === 1) return target + num(args[0], '.plus()'); break;
    case 'minus': if (n === 1) return target - num(args[0], '.minus()'); break;
    case 'multiply': if (n === 1) return target * num(args[0], '.multiply()'); break;
    case 'abs': if (n === 0) return Math.abs(target); break;
  }
  return NO_METHOD;
}

function listMethod(target: unknown[], name: string, args: unknown[]): unknown {
  const n = args.length;
  switch (name) {
    case 'size': if (n === 0) return target.length; break;
    case 'isEmpty': if (n === 0) return target.length === 0; break;
    case 'contains': if (n === 1) return target.some(x => groovyEquals(x, args[0])); break;
    case 'get': case 'getAt': if (n === 1) return getMember(target, toInt(args[0], `.${name}()`)); break;
    case 'join': if (n <= 1) return target.map(renderValue).join(n ? renderValue(args[0]) : ''); break;
    case 'toString': if (n === 0) return javaToString(target); break;
    case 'first': if (n === 0) return target[0] ?? null; break;
    case 'last': if (n === 0) return target[target.length - 1] ?? null; break;
  }
  return NO_METHOD;
}

function mapMethod(target: Record<string, unknown>, name: string, args: unknown[]): unknown {
  const n = args.length;
  switch (name) {
    case 'get': case 'getAt': if (n === 1) return getMember(target, renderValue(args[0])) ?? null; break;
    case 'containsKey': if (n === 1) return getMember(target, renderValue(args[0])) !== undefined; break;
    case 'size': if (n === 0) return Object.keys(target).length; break;
    case 'isEmpty': if (n === 0) return Object.keys(target).length === 0; break;
    case 'toString': if (n === 0) return javaToString(target); break;
  }
  return NO_METHOD;
}

const NO_METHOD = Symbol('noMethod');

export function callMethod(target: unknown, name: string, args: unknown[]): unknown {
  let result: unknown = NO_METHOD;
  if (typeof target === 'string') result = stringMethod(target, name, args);
  else if (typeof target === 'number' || typeof target === 'boolean') result = numberMethod(target, name, args);
  else if (Array.isArray(target)) result = listMethod(target, name, args);
  else if (isPlainObject(target)) result = mapMethod(target, name, args);
  if (result !== NO_METHOD) return result;
  throw new Error(`.${name}(${args.length ? '…' : ''}) on ${describe(target)} is not a method the preview can evaluate`);
}
