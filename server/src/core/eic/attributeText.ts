/**
 * Attribute texts as EIC keeps them: what a local file sends (the editor-only "$schema" key left
 * out, an empty file meaning "unset"), and equality that ignores formatting (whitespace, key
 * order), so that only a real change counts as one.
 */
import { STRICT_JSON, parseJsonValue, type JsonSyntaxError } from '../json/jsonText';
import { removeTopLevelSchemaKey } from '../transport/schemaKey';

/** The text a local attribute file sends: "$schema" removed; undefined when the file is empty. */
export function deployableText(fileText: string): string | undefined {
  const text = removeTopLevelSchemaKey(fileText).text;
  return text.trim() === '' ? undefined : text;
}

/** A tenant value: undefined when unset (null, "" or whitespace). */
export function tenantText(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

/** Parses strict JSON; undefined when the text is not JSON. */
export function parseStrictJson(text: string): { value: unknown } | undefined {
  const errors: JsonSyntaxError[] = [];
  const value = parseJsonValue(text, STRICT_JSON, errors);
  return errors.length ? undefined : { value };
}

/** JSON text with object keys sorted at every level and no whitespace: equal for equal values. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export type TextEquality = 'identical' | 'formatting' | 'different';

/** Compares two attribute texts: byte for byte, then as JSON values, then trimmed. */
export function compareTexts(a: string, b: string): TextEquality {
  if (a === b) return 'identical';
  const pa = parseStrictJson(a);
  const pb = parseStrictJson(b);
  if (pa && pb) return canonicalJson(pa.value) === canonicalJson(pb.value) ? 'formatting' : 'different';
  if (!pa && !pb && a.replace(/\r\n/g, '\n').trim() === b.replace(/\r\n/g, '\n').trim()) return 'formatting';
  return 'different';
}

/** The indentation unit of a JSON text ("\t", or n spaces; 2 when it cannot tell). */
export function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return 2;
  return m[1].startsWith('\t') ? '\t' : Math.min(8, m[1].length);
}

/**
 * `text` re-printed like `model` (its indentation) when it is JSON and formatted differently, so
 * that a side-by-side view shows only real changes; otherwise unchanged.
 */
export function printedLike(text: string, model: string): string {
  const parsed = parseStrictJson(text);
  if (!parsed || !parseStrictJson(model)) return text;
  const out = JSON.stringify(parsed.value, null, indentOf(model));
  const eol = model.includes('\r\n') ? '\r\n' : '\n';
  const withEol = eol === '\n' ? out : out.replace(/\n/g, eol);
  return /\r?\n$/.test(model) ? withEol + eol : withEol;
}
