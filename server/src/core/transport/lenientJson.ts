/**
 * A JSON reader for EIC export files. Some tenants write exports that are not strict
 * JSON: raw control characters (tabs, CR, LF) inside strings and `\'` escapes. Those are
 * accepted here; anything else that is not JSON fails with a line and column.
 *
 * Objects are returned as Maps so that key order is kept exactly (plain objects would
 * move integer-like keys such as a connection named "123" to the front).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonMap;
export type JsonMap = Map<string, JsonValue>;

export class JsonSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'JsonSyntaxError';
  }
}

export interface LenientParseResult {
  value: JsonValue;
  /** What was tolerated: raw control characters, `\'` escapes, duplicate keys. */
  tolerated: string[];
}

/** Parses `text` (a leading byte-order mark is skipped). Throws JsonSyntaxError. */
export function parseLenientJson(text: string): LenientParseResult {
  return new LenientParser(text).parseDocument();
}

const MAX_DEPTH = 200;

class LenientParser {
  private pos = 0;
  private depth = 0;
  private readonly tolerated = new Set<string>();

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): LenientParseResult {
    this.skipWhitespace();
    if (this.pos >= this.text.length) this.fail('the file is empty; expected a JSON object');
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail(`unexpected text after the end of the JSON document: ${this.describeHere()}`);
    return { value, tolerated: [...this.tolerated] };
  }

  private parseValue(): JsonValue {
    const ch = this.text[this.pos];
    if (ch === '{') return this.parseObject();
    if (ch === '[') return this.parseArray();
    if (ch === '"') return this.parseString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) { this.pos += 4; return true; }
    if (this.text.startsWith('false', this.pos)) { this.pos += 5; return false; }
    if (this.text.startsWith('null', this.pos)) { this.pos += 4; return null; }
    if (ch === undefined) this.fail('the document ends where a value was expected');
    return this.fail(`expected a value (object, array, string, number, true, false or null) but found ${this.describeHere()}`);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail(`nesting deeper than ${MAX_DEPTH} levels`);
  }

  private parseObject(): JsonMap {
    this.enter();
    const map: JsonMap = new Map();
    this.pos++; // {
    this.skipWhitespace();
    if (this.text[this.pos] === '}') { this.pos++; this.depth--; return map; }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail(`expected a property name in double quotes but found ${this.describeHere()}`);
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name "${key}" but found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      if (map.has(key)) this.tolerated.add(`duplicate property "${key}" (the last one wins)`);
      map.set(key, this.parseValue());
      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === ',') { this.pos++; continue; }
      if (ch === '}') { this.pos++; this.depth--; return map; }
      this.fail(`expected ',' or '}' after a property value but found ${this.describeHere()}`);
    }
  }

  private parseArray(): JsonValue[] {
    this.enter();
    const list: JsonValue[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text[this.pos] === ']') { this.pos++; this.depth--; return list; }
    for (;;) {
      this.skipWhitespace();
      list.push(this.parseValue());
      this.skipWhitespace();
      const ch = this.text[this.pos];
      if (ch === ',') { this.pos++; continue; }
      if (ch === ']') { this.pos++; this.depth--; return list; }
      this.fail(`expected ',' or ']' after an array element but found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= this.text.length) {
        this.pos = start;
        this.fail('this string is never closed (missing ")');
      }
      const code = this.text.charCodeAt(this.pos);
      if (code === 0x22) { // "
        out += this.text.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (code === 0x5c) { // backslash
        out += this.text.slice(chunkStart, this.pos);
        out += this.parseEscape();
        chunkStart = this.pos;
        continue;
      }
      if (code < 0x20) this.tolerated.add('raw control characters (tabs or line breaks) inside strings');
      this.pos++;
    }
  }

  private parseEscape(): string {
    const escapePos = this.pos;
    const ch = this.text[this.pos + 1];
    this.pos += 2;
    switch (ch) {
      case '"': return '"';
      case '\\': return '\\';
      case '/': return '/';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case "'": this.tolerated.add("\\' escapes"); return "'";
      case 'u': {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) { this.pos = escapePos; this.fail(`"\\u" must be followed by 4 hexadecimal digits, found "\\u${hex}"`); }
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        this.pos = escapePos;
        return this.fail(`invalid escape "\\${ch ?? ''}" inside a string`);
    }
  }

  private parseNumber(): number {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.text);
    if (!found) this.fail(`malformed number near ${this.describeHere()}`);
    this.pos += found![0].length;
    return Number(found![0]);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const snippet = this.text.slice(this.pos, this.pos + 20).replace(/\r?\n[\s\S]*$/, '');
    return JSON.stringify(snippet || this.text[this.pos]);
  }

  private fail(reason: string): never {
    const { line, column } = lineAndColumn(this.text, this.pos);
    throw new JsonSyntaxError(reason, this.pos, line, column);
  }
}

/** 1-based line and column of an offset (CR, LF and CRLF each end a line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) { line++; lineStart = i + 1; }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Converts parsed JSON (Maps) into plain JavaScript values, e.g. for assertions. */
export function toPlain(value: JsonValue): unknown {
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) out[k] = toPlain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  return value;
}
