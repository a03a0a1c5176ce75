/**
 * Tolerant readers for EIC's answers. EIC spells the same things differently from call to call
 * (`errorCode` or `errorcode`, a string or a number, upper- or mixed-case keys): every reader here
 * accepts each form the public clients have seen, and never throws on an unexpected shape.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value of a key, matched case-insensitively (an exact match wins). */
export function field(record: unknown, ...names: string[]): unknown {
  if (!isRecord(record)) return undefined;
  for (const name of names) if (name in record) return record[name];
  const lower = new Map(Object.keys(record).map(k => [k.toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name.toLowerCase());
    if (key !== undefined) return record[key];
  }
  return undefined;
}

/** Text of a string or number field; undefined for anything else. */
export function textField(record: unknown, ...names: string[]): string | undefined {
  const value = field(record, ...names);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** `errorCode` / `errorcode`, as a string "0" or a number 0 alike; undefined when absent or not a number. */
export function errorCodeOf(json: unknown): number | undefined {
  const value = field(json, 'errorCode', 'errorcode', 'error_code');
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value);
  return undefined;
}

/** EIC's own words: `msg`, else `message`, `errorMessage`, `msgDescription`, `error_description`, `error`. */
export function messageOf(json: unknown): string | undefined {
  for (const name of ['msg', 'message', 'errorMessage', 'error_description', 'error']) {
    const text = textField(json, name);
    if (text && text.trim()) return text.trim();
  }
  return undefined;
}

/** `msgDescription`, when EIC adds one. */
export function descriptionOf(json: unknown): string | undefined {
  const text = textField(json, 'msgDescription', 'description');
  return text && text.trim() ? text.trim() : undefined;
}

/** A string-or-number field as a number. */
export function numberField(record: unknown, ...names: string[]): number | undefined {
  const text = textField(record, ...names);
  if (text === undefined || !/^\s*-?\d+(\.\d+)?\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Quotes EIC's message for one of ours: ` EIC said: "…".` (empty when there is none). */
export function saidByEic(json: unknown): string {
  const msg = messageOf(json);
  const description = descriptionOf(json);
  const parts = [msg, description && description !== msg ? description : undefined].filter(Boolean);
  return parts.length ? ` EIC said: "${parts.join(' — ').slice(0, 300)}".` : '';
}
