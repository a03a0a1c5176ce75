/**
 * The access token's secret slot.
 *
 * A `SecretToken` never holds the token in a property: the value lives in a module-private
 * WeakMap, so JSON.stringify, util.inspect, structured cloning or a debugger's object view of
 * anything the engine returns can only ever show the masked form `••••<last4>`.
 * Everything the engine writes into descriptions, previews, logs and messages carries the mask;
 * the real token is put back only at the moment a request leaves (see send.ts), and everything
 * that comes back passes redact(), which also finds the token changed in case or encoded.
 */

const values = new WeakMap<SecretToken, string>();

const MASK_PREFIX = '••••';

export interface SecretOptions {
  /**
   * Keep the value exactly as given (a password or a user name may contain spaces) and mask it
   * as `••••` without a tail. Without it the value is normalised as an access token.
   */
  verbatim?: boolean;
}

export class SecretToken {
  /** `••••<last4>` (only the bullets when the token is too short to show a tail safely, or verbatim). */
  readonly masked: string;

  constructor(rawToken: string, options: SecretOptions = {}) {
    const token = options.verbatim ? rawToken : normalizeToken(rawToken);
    if (token === '') throw new TokenFormatError('The secret is empty.');
    values.set(this, token);
    this.masked = MASK_PREFIX + (!options.verbatim && token.length >= 12 ? token.slice(-4) : '');
  }

  /** What `${access_token}` shows in previews: the Authorization value with the token masked. */
  get maskedBinding(): string {
    return `Bearer ${this.masked}`;
  }

  toJSON(): string { return this.masked; }
  toString(): string { return this.masked; }
  [Symbol.for('nodejs.util.inspect.custom')](): string { return `SecretToken(${this.masked})`; }
}

/** A problem with the token as the user stored it (never shows the token). */
export class TokenFormatError extends Error {}

/**
 * Accepts a token as pasted: surrounding whitespace is dropped and a leading `Bearer ` is
 * tolerated (the engine adds the scheme itself). Whitespace inside the token is refused,
 * because Intercom rejects it and the cause is always a copy-paste accident.
 */
function normalizeToken(raw: string): string {
  let token = raw.trim();
  if (/^bearer\s+/i.test(token)) token = token.replace(/^bearer\s+/i, '');
  if (token === '') throw new TokenFormatError('The access token is empty. Store the token shown in the Intercom Developer Hub (your app › Configure › Authentication).');
  if (/\s/.test(token)) {
    throw new TokenFormatError('The access token contains a space or line break. Intercom rejects such tokens (401 "Access Token Invalid"); copy it again from the Developer Hub and store it without spaces.');
  }
  return token;
}

/** The real token. Only the sending code calls this, at the moment a request leaves. */
export function revealToken(secret: SecretToken): string {
  const value = values.get(secret);
  if (value === undefined) throw new Error('Unknown secret slot.');
  return value;
}

/** The real value of `${access_token}`: the token with its scheme, as EIC would bind it. */
export function revealBinding(secret: SecretToken): string {
  return `Bearer ${revealToken(secret)}`;
}

/**
 * The forms of the token searched for, lower-cased: the token itself and its base64 (at any
 * alignment, so that base64 of "Bearer <token>" or "user:<token>" is found too, also URL-safe), and
 * their URL-encoded forms. Other escaped forms (\u escapes, HTML entities, any percent encoding)
 * are found in the decoded text (see decodedView).
 */
function tokenForms(token: string): string[] {
  // The URL-encoded forms too: decoding is ambiguous where a literal "%" stands just before them.
  const forms = new Set<string>([token, encodeURIComponent(token), encodeURIComponent(encodeURIComponent(token)),
    JSON.stringify(token).slice(1, -1), formEncoded(token)]);
  const bytes = utf8(token);
  for (let shift = 0; shift < 3; shift++) {
    // base64 of text containing the token at byte offset ≡ shift (mod 3): the characters that
    // depend only on token bytes are the same whatever surrounds it.
    const padded = new Uint8Array(shift + bytes.length);
    padded.set(bytes, shift);
    const encoded = base64(padded);
    const start = shift === 0 ? 0 : shift === 1 ? 2 : 3;
    const usableBytes = shift + bytes.length;
    const end = Math.floor(usableBytes / 3) * 4;
    const inner = encoded.slice(start, end);
    if (inner.length >= 8) {
      forms.add(inner);
      forms.add(inner.replace(/\+/g, '-').replace(/\//g, '_'));
      forms.add(encodeURIComponent(inner));
    }
  }
  forms.add(base64(bytes));
  forms.add(base64(bytes).replace(/=+$/, ''));
  return [...forms].filter(f => f.length > 0).map(asciiLower).sort((a, b) => b.length - a.length);
}

/** Lower-cases ASCII letters only, so that every index stays where it was. */
function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, m => m.toLowerCase()) : text;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', plus: '+', sol: '/', equals: '=', colon: ':', lowbar: '_', period: '.',
  hyphen: '-', dash: '-', num: '#', percnt: '%', excl: '!', quest: '?', commat: '@', tilde: '~', comma: ',', semi: ';', nbsp: ' ',
};

/**
 * The text as a reader would see it once decoded, lower-cased (ASCII): JSON escapes (\u0074, \/,
 * also escaped again as \\u0074), HTML character references (&#116; &#x74; &plus;) and percent
 * encoding (%74, also %2574). `span(i, n)` maps decoded characters back to the text they came from.
 * Runs of plain text are copied whole, so the cost is in the escapes only.
 */
interface DecodedView { text: string; span(index: number, length: number): [number, number] }

/** One escape at `i` decoded: the character(s) and the width in the text, or undefined. */
function decodeEscape(text: string, i: number): { decoded: string; width: number } | undefined {
  const c = text.charCodeAt(i);
  let m: RegExpExecArray | null;
  if (c === 92 /* \ */) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) === 92) j++;
    if (text[j] === 'u' && (m = /^[0-9a-fA-F]{4}/.exec(text.slice(j + 1, j + 5)))) return { decoded: String.fromCharCode(parseInt(m[0], 16)), width: j + 5 - i };
    if (j < text.length && '/"\''.includes(text[j])) return { decoded: text[j], width: j + 1 - i };
    return undefined;
  }
  if (c === 38 /* & */ && (m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));?/.exec(text.slice(i, i + 12)))) {
    const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : undefined;
    const decoded = code !== undefined ? (code <= 0x10ffff ? String.fromCodePoint(code) : undefined) : NAMED_ENTITIES[m[3].toLowerCase()];
    return decoded === undefined ? undefined : { decoded, width: m[0].length };
  }
  if (c === 37 /* % */ && (m = /^%(?:25)*([0-9a-fA-F]{2})/.exec(text.slice(i, i + 16)))) {
    return { decoded: String.fromCharCode(parseInt(m[1], 16)), width: m[0].length };
  }
  return undefined;
}

function decodedView(text: string): DecodedView {
  const pieces: string[] = [];
  // Segments: decoded start, text start, text width of an escape (0: a run of plain text).
  const dStart: number[] = [];
  const oStart: number[] = [];
  const width: number[] = [];
  let d = 0;
  let runStart = 0;
  const special = /[\\&%]/g;
  const flushRun = (upTo: number) => {
    if (upTo <= runStart) return;
    pieces.push(text.slice(runStart, upTo));
    dStart.push(d); oStart.push(runStart); width.push(0);
    d += upTo - runStart;
  };
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const escape = decodeEscape(text, m.index);
    if (!escape) continue;
    flushRun(m.index);
    pieces.push(escape.decoded);
    dStart.push(d); oStart.push(m.index); width.push(escape.width);
    d += escape.decoded.length;
    runStart = m.index + escape.width;
    special.lastIndex = runStart;
  }
  flushRun(text.length);
  const segmentOf = (index: number) => {
    let lo = 0, hi = dStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (dStart[mid] <= index) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const startOf = (index: number) => { const s = segmentOf(index); return width[s] ? oStart[s] : oStart[s] + index - dStart[s]; };
  const endOf = (index: number) => { const s = segmentOf(index); return width[s] ? oStart[s] + width[s] : oStart[s] + index - dStart[s] + 1; };
  return { text: asciiLower(pieces.join('')), span: (index, length) => [startOf(index), endOf(index + length - 1)] };
}

/**
 * Replaces the token anywhere in `text` with `••••<last4>`: in any letter case, and also when it is
 * written with JSON \u escapes, HTML entities, percent encoding or as base64 (of the token, or of
 * "Bearer <token>", "user:<token>" …). Accepts several secrets; undefined ones are ignored, so
 * callers can pass an optional slot.
 */
export function redact(text: string, ...secrets: (SecretToken | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const token = values.get(secret);
    if (!token) continue;
    out = maskForms(out, tokenForms(token), secret.masked);
  }
  return out;
}

function maskForms(text: string, forms: string[], mask: string): string {
  const spans: [number, number][] = [];
  // The text as it is, and (when it has escapes) its decoded view: a literal "%" or "\\" just before
  // the token would otherwise be read as the start of an escape and hide the token from the view.
  const lower = asciiLower(text);
  for (const form of forms) {
    for (let at = lower.indexOf(form); at !== -1; at = lower.indexOf(form, at + form.length)) spans.push([at, at + form.length]);
  }
  if (/[\\&%]/.test(text)) {
    const view = decodedView(text);
    for (const form of forms) {
      for (let at = view.text.indexOf(form); at !== -1; at = view.text.indexOf(form, at + form.length)) spans.push(view.span(at, form.length));
    }
  }
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let result = '';
  let last = 0;
  for (const [start, end] of spans) {
    if (end <= last) continue;
    result += text.slice(last, Math.max(last, start)) + (start >= last ? mask : '');
    last = end;
  }
  return result + text.slice(last);
}

/** Redacts every string inside a JSON-like value (returns a copy). */
export function redactDeep<T>(value: T, ...secrets: (SecretToken | undefined)[]): T {
  if (!secrets.some(Boolean)) return value;
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, ...secrets);
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[redact(k, ...secrets)] = visit(x);
      return out;
    }
    return v;
  };
  return visit(value) as T;
}

/** application/x-www-form-urlencoded: like encodeURIComponent, with spaces as "+". */
function formEncoded(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i], b = bytes[i + 1], c = bytes[i + 2];
    out += B64[a >> 2];
    out += B64[((a & 3) << 4) | ((b ?? 0) >> 4)];
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)];
    out += c === undefined ? '=' : B64[c & 63];
  }
  return out;
}
