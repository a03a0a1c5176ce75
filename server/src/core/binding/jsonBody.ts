/**
 * Checking a request body that holds JSON with `${…}` parts in it.
 *
 * The bindings are masked first: each one is replaced, character for character, by a
 * neutral placeholder that keeps the JSON valid wherever it stands — `x…` inside a JSON
 * string, `0` followed by spaces in value position. The masked text has the length of
 * the original, so an error index in it is an index in the decoded value.
 */
import { STRICT_JSON, parseJsonValue, type JsonSyntaxError } from '../json/jsonText';
import type { Binding } from './model';

/** The value with every binding replaced by a placeholder of the same length. */
export function maskBindings(value: string, bindings: readonly Binding[]): string {
  if (!bindings.length) return value;
  let out = '';
  let inString = false;
  let i = 0;
  let b = 0;
  let lastBareEnd = -1;
  while (i < value.length) {
    const binding = bindings[b];
    if (binding && i === binding.start) {
      const length = binding.end - binding.start;
      if (inString) out += 'x'.repeat(length);
      else if (lastBareEnd === i) out += ' '.repeat(length);
      else out += '0' + ' '.repeat(length - 1);
      if (!inString) lastBareEnd = binding.end;
      i = binding.end;
      b++;
      continue;
    }
    if (binding && i > binding.start) { b++; continue; }
    const c = value[i];
    if (inString && c === '\\') {
      out += value.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '"') inString = !inString;
    out += c;
    i++;
  }
  return out;
}

export interface JsonBodyProblem {
  /** Index in the decoded value. */
  readonly index: number;
  readonly length: number;
  readonly message: string;
}

const DESCRIPTIONS: Record<number, (found: string) => string> = {
  1: f => `${f} cannot stand here`,
  2: () => 'this number is malformed',
  3: f => `a property name in double quotes is expected here, not ${f}`,
  4: f => `a value (string, number, object, array, true, false or null) is expected here, not ${f}`,
  5: f => `a colon is missing after the property name, before ${f}`,
  6: f => `a comma is missing before ${f}`,
  7: f => `a comma or a closing } is expected before ${f}`,
  8: f => `a comma or a closing ] is expected before ${f}`,
  9: f => `the JSON value is already complete, so ${f} after it is left over`,
  10: () => 'JSON has no comments',
  11: () => 'a comment is not closed',
  12: () => 'a JSON string is not closed here (or holds a raw line break)',
  13: () => 'this number is incomplete',
  14: () => 'a \\u escape needs four hexadecimal digits',
  15: () => 'this escape sequence is not valid in JSON',
  16: () => 'a raw control character (line break, tab) sits inside a JSON string; write it as \\n or \\t',
};

/** The first JSON syntax problem of the (masked) body, or undefined when it parses. */
export function jsonBodyProblem(value: string, bindings: readonly Binding[]): JsonBodyProblem | undefined {
  const masked = maskBindings(value, bindings);
  const errors: JsonSyntaxError[] = [];
  parseJsonValue(masked, { ...STRICT_JSON, allowEmptyContent: true }, errors);
  const first = errors[0];
  if (!first) return undefined;
  const atEnd = first.offset >= value.length;
  const found = atEnd ? 'the end of the body' : quoteFound(value, first.offset, bindings);
  let detail = (DESCRIPTIONS[first.error] ?? (() => 'the JSON is malformed here'))(found);
  let hint = '';
  if (first.error === 3 && value.trimStart().startsWith('{{') && first.offset === value.indexOf('{') + 1) {
    hint = ' Remove the doubled `{` at the start.';
  } else if (first.error === 9 && /^[}\]]/.test(value.slice(first.offset))) {
    hint = ` Remove the extra \`${value[first.offset]}\`, or add the opening bracket it belongs to.`;
  } else if ((first.error === 7 || first.error === 8) && atEnd) {
    detail = `the body ends before every { and [ is closed`;
    hint = ` Add the missing \`${first.error === 7 ? '}' : ']'}\` at the end.`;
  }
  const index = atEnd ? Math.max(0, value.length - 1) : first.offset;
  const length = atEnd ? Math.min(1, value.length) : Math.max(1, Math.min(first.length, value.length - index));
  return { index, length, message: `${capitalize(detail)}.${hint}` };
}

function quoteFound(value: string, index: number, bindings: readonly Binding[]): string {
  const binding = bindings.find(b => index >= b.start && index < b.end);
  if (binding) return `the binding \`${value.slice(binding.start, binding.end)}\``;
  const match = /^[^\s,:]{1,12}/.exec(value.slice(index));
  const text = match ? match[0] : value[index];
  return `\`${text}\``;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
