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
  let value = '';
  const offsets: number[] = [];
  const problems: DecodedString['problems'] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch !== '\\') {
      // Fast path: copy a run of plain characters.
      let j = i + 1;
      while (j < end && text.charCodeAt(j) !== 92) j++;
      value += text.slice(i, j);
      for (let k = i; k < j; k++) offsets.push(k);
      i = j;
      continue;
    }
    const next = text[i + 1];
    if (next !== undefined && i + 1 < end && next in SIMPLE_ESCAPES) {
      value += SIMPLE_ESCAPES[next];
      offsets.push(i);
      i += 2;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) && i + 6 <= end) {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      offsets.push(i);
      i += 6;
    } else {
      problems.push({ offset: i, length: Math.min(2, end - i), message: `Invalid escape sequence \`${text.slice(i, i + 2)}\` in a JSON string.` });
      value += next ?? '';
      offsets.push(i);
      i += next === undefined ? 1 : 2;
    }
  }
  offsets.push(end);
  return { value, offsets: Int32Array.from(offsets), problems };
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
