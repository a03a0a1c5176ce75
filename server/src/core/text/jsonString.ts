/**
 * Decoding of JSON string literals with an exact map back to the document.
 *
 * Attribute values are often JSON inside a JSON string (an `httpParams` body, an
 * attribute inside an EIC export). Diagnostics inside such a value must point at the
 * character in the editor, so every decoded character remembers the document offset
 * of the escape sequence that produced it.
 */

export interface DecodedString {
  /** The decoded value. */
  readonly value: string;
  /** offsets[i] = document offset of value[i]; offsets[value.length] = offset of the closing quote. */
  readonly offsets: Int32Array;
  /** Problems in the escape sequences (document offsets). */
  readonly problems: { offset: number; length: number; message: string }[];
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t',
};

/**
 * Decodes the content of a JSON string literal.
 * @param text the whole document text
 * @param start offset of the first character after the opening quote
 * @param end offset of the closing quote (exclusive end of the content)
 */
export function decodeJsonString(text: string, start: number, end: number): DecodedString {
  return decodeValid(text, start, end) ?? decodePiecewise(text, start, end);
}

/**
 * The common case, fast: a literal whose escapes are all valid and that holds no raw control
 * character or quote is decoded by the engine's JSON.parse; its offset map needs only one pass
 * over character codes. Undefined when the literal is not such a string (the careful decoder
 * then reports each problem).
 */
function decodeValid(text: string, start: number, end: number): DecodedString | undefined {
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let n = 0;
  let i = start;
  let escapes = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \\ */) {
      const d = text.charCodeAt(i + 1);
      if (i + 1 < end && isSimpleEscape(d)) { offsets[n++] = i; i += 2; escapes = true; continue; }
      if (d === 117 /* u */ && i + 6 <= end && isHex4(text, i + 2)) { offsets[n++] = i; i += 6; escapes = true; continue; }
      return undefined;
    }
    if (c < 0x20 || c === 34 /* " */) return undefined;
    offsets[n++] = i++;
  }
  offsets[n] = end;
  let value: string;
  if (!escapes) value = end > start ? text.slice(start, end) : '';
  else {
    try { value = JSON.parse(`"${text.slice(start, end)}"`) as string; } catch { return undefined; }
  }
  return { value, offsets: offsets.length === n + 1 ? offsets : offsets.slice(0, n + 1), problems: [] };
}

function isSimpleEscape(c: number): boolean {
  // " \ / b f n r t
  return c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116;
}

function isHex4(text: string, at: number): boolean {
  for (let k = at; k < at + 4; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Decodes a literal piece by piece, recording every invalid escape as a problem. */
function decodePiecewise(text: string, start: number, end: number): DecodedString {
  // Every decoded character comes from at least one character of the literal: the map fits in
  // end - start + 1 entries, allocated once.
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let n = 0;
  const parts: string[] = [];
  const problems: DecodedString['problems'] = [];
  let i = start;
  while (i < end) {
    if (text.charCodeAt(i) !== 92 /* \\ */) {
      // Fast path: copy a run of plain characters (up to the next backslash, found by the engine).
      let j = text.indexOf('\\', i + 1);
      if (j === -1 || j > end) j = end;
      parts.push(text.slice(i, j));
      for (let k = i; k < j; k++) offsets[n++] = k;
      i = j;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && i + 1 < end && next in SIMPLE_ESCAPES) {
      parts.push(SIMPLE_ESCAPES[next]);
      offsets[n++] = i;
      i += 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) && i + 6 <= end) {
      parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
      offsets[n++] = i;
      i += 6;
    } else {
      problems.push({ offset: i, length: Math.min(2, end - i), message: `Invalid escape sequence \`${text.slice(i, i + 2)}\` in a JSON string.` });
      parts.push(next ?? '');
      offsets[n++] = i;
      i += next === undefined ? 1 : 2;
    }
  }
  offsets[n] = end;
  return { value: parts.length === 1 ? parts[0] : parts.join(''), offsets: offsets.length === n + 1 ? offsets : offsets.slice(0, n + 1), problems };
}

/** Maps a range of the decoded value back to a document range. */
export function mapDecodedRange(decoded: DecodedString, index: number, length: number): { offset: number; length: number } {
  const clamp = (n: number) => Math.max(0, Math.min(n, decoded.value.length));
  const startOffset = decoded.offsets[clamp(index)];
  const endIndex = clamp(index + length);
  // The end maps to the start of the character after the range, so escapes stay whole.
  const endOffset = endIndex > clamp(index) ? decoded.offsets[endIndex - 1] + escapeWidthAt(decoded, endIndex - 1) : startOffset;
  return { offset: startOffset, length: Math.max(0, endOffset - startOffset) };
}

function escapeWidthAt(decoded: DecodedString, index: number): number {
  return decoded.offsets[index + 1] - decoded.offsets[index];
}

/** Encodes a value as the content of a JSON string literal (no surrounding quotes). */
export function encodeJsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
