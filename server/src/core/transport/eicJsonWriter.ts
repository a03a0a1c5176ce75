/**
 * Writes JSON the way EIC's transport export does, so that a package built here looks
 * like one EIC produced (checked byte for byte against 35 of the 36 corpus exports):
 *
 * - two-space indentation, `"key": value`, no newline at the end of the file;
 * - an array that is a property value starts on its own line, indented like the key,
 *   and the key line keeps a trailing space: `"EXTERNAL_ATTR": ⏎    [`;
 * - strings escape `"` `\` CR LF TAB (and other control characters as \u00xx), and
 *   write the `/` of `</` as `\u002f`; everything else is written as is.
 *
 * Objects are Maps (or plain objects) and keep their insertion order.
 */

export type EicJson = null | boolean | number | string | EicJson[] | Map<string, EicJson> | { [key: string]: EicJson };

export function writeEicJson(value: EicJson): string {
  return writeValue(value, 0);
}

function writeValue(value: EicJson, depth: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'string') return quoteEicString(value);
  if (Array.isArray(value)) return writeArray(value, depth);
  return writeObject(value instanceof Map ? [...value] : Object.entries(value), depth);
}

function writeObject(entries: [string, EicJson][], depth: number): string {
  if (entries.length === 0) return '{}';
  const inner = '  '.repeat(depth + 1);
  const lines = entries.map(([key, v]) => Array.isArray(v)
    ? `${inner}${quoteEicString(key)}: \n${inner}${writeArray(v, depth + 1)}`
    : `${inner}${quoteEicString(key)}: ${writeValue(v, depth + 1)}`);
  return `{\n${lines.join(',\n')}\n${'  '.repeat(depth)}}`;
}

function writeArray(list: EicJson[], depth: number): string {
  if (list.length === 0) return '[]';
  const inner = '  '.repeat(depth + 1);
  return `[\n${list.map(v => inner + writeValue(v, depth + 1)).join(',\n')}\n${'  '.repeat(depth)}]`;
}

export function quoteEicString(text: string): string {
  let out = '"';
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escaped: string | undefined;
    if (c === 0x22) escaped = '\\"';
    else if (c === 0x5c) escaped = '\\\\';
    else if (c === 0x0a) escaped = '\\n';
    else if (c === 0x0d) escaped = '\\r';
    else if (c === 0x09) escaped = '\\t';
    else if (c < 0x20) escaped = '\\u' + c.toString(16).padStart(4, '0');
    else if (c === 0x2f && i > 0 && text.charCodeAt(i - 1) === 0x3c) escaped = '\\u002f';
    if (escaped !== undefined) {
      out += text.slice(chunkStart, i) + escaped;
      chunkStart = i + 1;
    }
  }
  return out + text.slice(chunkStart) + '"';
}
