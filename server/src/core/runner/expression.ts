/**
 * A small, safe evaluator for the `${…}` expressions EIC connections use (a Groovy subset):
 * member access (`.`, `?.`, `['k']`, `.'k'`), indexing, `==` `!=` `<` `>` `<=` `>=`, `&&` `||` `!`,
 * ternary and Elvis, `+` `-` `*` `/` `%`, string/number/boolean/null literals, and the methods of
 * expressionMethods.ts (`trim`, `replace`, `split`, `intdiv`, `size`, `get` …, `System.currentTimeMillis()`,
 * `Math.*`, `String.valueOf`, `java.net.URLEncoder.encode` …).
 *
 * Nothing is ever handed to `eval`: anything outside the subset (closures, `new …`, statements)
 * raises `CannotEvaluate`, which callers report as "cannot evaluate locally" naming the expression.
 */
import { parseExpression, type Node } from './expressionParser';
import {
  STATIC_ROOTS, StaticRef, arithmetic, callMethod, callStatic, describe, getMember, groovyEquals, isPlainObject, renderValue,
  type ExpressionClock,
} from './expressionMethods';

export { CASE_INSENSITIVE, javaToString, renderValue } from './expressionMethods';
export type { ExpressionClock } from './expressionMethods';

export class CannotEvaluate extends Error {
  constructor(readonly expression: string, readonly reason: string) {
    super(`Cannot evaluate locally: \${${expression}} (${reason}).`);
  }
}

export interface EvalScope {
  /** Root variables (`user`, `account`, `response`, `ticketID`, …). */
  variables: Record<string, unknown>;
  /** Roots whose absent members read as null (response data), not as missing input. */
  dataRoots?: Set<string>;
  /** Called with the dotted path of every input variable that had no value. */
  onMissing?(path: string): void;
  /** The clock `System.currentTimeMillis()` reads (default: the wall clock). */
  clock?: ExpressionClock;
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
    const value = new Evaluator({ ...scope, onMissing: p => missing.push(p) }).eval(ast).value;
    if (value instanceof StaticRef) throw new Error(`${value.name} names a Java class or constant, which the preview cannot evaluate`);
    return value;
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
    if (STATIC_ROOTS.has(name)) return { value: new StaticRef(name) };
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
      if (target instanceof StaticRef) return { value: callStatic(`${target.name}.${name}`, args, this.scope.clock) };
      if (target === undefined && !targetVal.data && targetVal.path !== undefined) return { value: undefined, data: false };
      if (target === undefined || target === null) {
        if (node.callee.optional) return { value: null, data: true };
        throw new Error(`${targetVal.path ?? 'a value'} is null, so .${name}() fails in EIC too (write ?.${name}() instead)`);
      }
      return { value: callMethod(target, name, args), data: targetVal.data };
    }
    throw new Error('only method calls are supported (a closure or a call of a value is not)');
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
      case '*': case '/': case '%': return arithmetic(op, left, right);
      case '<': case '>': case '<=': case '>=': {
        const a = comparable(left), b = comparable(right);
        if (a === null || b === null) return false;
        return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
      }
    }
    throw new Error(`operator ${op} is not supported`);
  }
}

function comparable(v: unknown): number | string | null {
  if (typeof v === 'number' || typeof v === 'string') return v;
  return null;
}
