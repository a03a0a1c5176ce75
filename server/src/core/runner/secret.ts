/**
 * The access token's secret slot.
 *
 * A `SecretToken` never holds the token in a property: the value lives in a module-private
 * WeakMap, so JSON.stringify, util.inspect, structured cloning or a debugger's object view of
 * anything the engine returns can only ever show the masked form `••••<last4>`.
 * Everything the engine writes into descriptions, previews, logs and messages carries the mask;
 * the real token is put back only at the moment a request leaves (see send.ts).
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

/** Every form in which the token could show up in text: raw, URL-encoded, base64 (any alignment). */
function tokenForms(token: string): string[] {
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
  return [...forms].filter(f => f.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Replaces the token anywhere in `text` (raw, URL-encoded or base64-encoded) with `••••<last4>`.
 * Accepts several secrets; undefined ones are ignored, so callers can pass an optional slot.
 */
export function redact(text: string, ...secrets: (SecretToken | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    const token = values.get(secret);
    if (!token) continue;
    for (const form of tokenForms(token)) out = out.split(form).join(secret.masked);
  }
  return out;
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
