/**
 * `${…}` templates in strings (URLs, header values, bodies, nextUrlPath, `#CONST#` mappings):
 * finding them (braces inside quoted literals do not close an expression), and substituting
 * them from a variables object the way EIC does: plain text substitution, null → "null".
 */
import { CannotEvaluate, evaluateExpression, renderValue, type EvalScope } from './expression';

export interface TemplatePart {
  /** Offset of `${` in the text. */
  start: number;
  /** Offset just past the closing `}` (or the end of the text when it is not closed). */
  end: number;
  /** The expression between the braces. */
  expression: string;
  closed: boolean;
}

/** The `${…}` parts of a text, in order. */
export function findTemplateParts(text: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${', i);
    if (open < 0) break;
    let j = open + 2;
    let depth = 0;
    let quote: string | undefined;
    let closed = false;
    for (; j < text.length; j++) {
      const c = text[j];
      if (quote) {
        if (c === '\\') { j++; continue; }
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === "'" || c === '"') { quote = c; continue; }
      if (c === '{') depth++;
      else if (c === '}') {
        if (depth === 0) { closed = true; break; }
        depth--;
      }
    }
    parts.push({ start: open, end: closed ? j + 1 : text.length, expression: text.slice(open + 2, j), closed });
    i = closed ? j + 1 : text.length;
  }
  return parts;
}

export interface TemplateProblem {
  expression: string;
  message: string;
}

export interface TemplateResult {
  text: string;
  /** Input variables that had no value (dotted paths, e.g. `user.email`). */
  missing: string[];
  /** Expressions that could not be evaluated, or are not closed. */
  problems: TemplateProblem[];
  /** Expressions whose value was null or missing (rendered as "null", as EIC would). */
  nullExpressions: string[];
}

export interface TemplateOptions {
  /** Replaces the rendered value of an expression (e.g. the masked token for `access_token`). */
  override?(expression: string): string | undefined;
}

/** Substitutes every `${…}` of a text. Never throws for expression problems: they are reported. */
export function resolveTemplate(text: string, scope: EvalScope, options: TemplateOptions = {}): TemplateResult {
  const missing = new Set<string>();
  const problems: TemplateProblem[] = [];
  const nullExpressions: string[] = [];
  const parts = findTemplateParts(text);
  let out = '';
  let last = 0;
  for (const part of parts) {
    out += text.slice(last, part.start);
    last = part.end;
    const expression = part.expression.trim();
    if (!part.closed) {
      problems.push({ expression, message: `"\${${expression.slice(0, 60)}" has no closing "}".` });
      out += text.slice(part.start, part.end);
      continue;
    }
    const overridden = options.override?.(expression);
    if (overridden !== undefined) { out += overridden; continue; }
    try {
      const value = evaluateExpression(part.expression, {
        ...scope,
        onMissing: p => { missing.add(p); scope.onMissing?.(p); },
      });
      if (value === undefined || value === null) nullExpressions.push(expression);
      out += renderValue(value);
    } catch (e) {
      problems.push({ expression, message: e instanceof CannotEvaluate ? e.message : String(e) });
      out += text.slice(part.start, part.end);
    }
  }
  out += text.slice(last);
  return { text: out, missing: [...missing], problems, nullExpressions };
}

/** Builds a nested variables object from `a.b=c` pairs (later pairs win). */
export function variablesFromPairs(pairs: Iterable<[string, unknown]>, into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [path, value] of pairs) setPath(into, path, value);
  return into;
}

/** Expands dotted keys (`{"user.email": "x"}` → `{user: {email: "x"}}`) and merges nested objects. */
export function normalizeVariables(vars: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!vars) return out;
  for (const [key, value] of Object.entries(vars)) {
    if (key.includes('.')) setPath(out, key, value);
    else if (isPlain(value) && isPlain(out[key])) out[key] = { ...(out[key] as object), ...value };
    else out[key] = value;
  }
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.').filter(k => k !== '');
  if (!keys.length || keys.some(k => FORBIDDEN_KEYS.has(k))) return;
  let cur = target;
  for (const key of keys.slice(0, -1)) {
    if (!isPlain(cur[key])) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}
