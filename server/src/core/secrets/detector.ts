/**
 * The one secret detector: finds credentials written in clear in one decoded JSON string value
 * (escapes already undone). `check` (rule secret-literal) and `package` (core/transport/secrets.ts)
 * both call it, so a value that one flags the other flags too. It looks at:
 *
 * - header values: a scheme credential (`Bearer …`, `Basic …`) or a literal under a header that
 *   carries keys (`x-api-key`, `Authorization`);
 * - values of keys that name credentials (`password`, `client_secret`, `token` …);
 * - credential parameters in URLs and form bodies (`?access_token=…`, `password=…`);
 * - JSON carried inside the string (an `httpParams` body), decoded in turn;
 * - shapes that are credentials wherever they appear (JSON web tokens, Intercom tokens, private
 *   keys) and a scheme credential anywhere in a text.
 * Values that are clearly not credentials (placeholders, `${…}` bindings, filler words) are left
 * alone. Data (key names, shapes, fillers) lives in rules/catalog/secretCatalog.ts.
 */
import { LENIENT_JSON, parseJsonTree, type JsonSyntaxError, type JsonTreeNode } from '../json/jsonText';
import { decodeJsonString } from '../text/jsonString';
import { detached } from '../text/detached';
import { MAX_NESTING, maxNesting } from '../document';
import { bindingRegions, insideBinding } from '../rules/support/stringNodes';
import {
  AUTH_SCHEMES, FILLER_VALUE, MAP_KEYS, SCHEME_CREDENTIAL, SECRET_KEY_NAMES, SECRET_KEY_NOUNS, SECRET_NAME_HINT, SECRET_PARAMS, TOKEN_SHAPES,
} from '../rules/catalog/secretCatalog';

/** Where a string value sits. */
export interface SecretContext {
  /** The key whose value this is ('' for a list item or a whole text). */
  key: string;
  /** The header name, when the value is inside `httpHeaders`. */
  header?: string;
  /** Inside a mapping (colsToPropsMap …), whose keys are column names, not credentials (a function: asked only when needed). */
  inMap?: boolean | (() => boolean);
}

export type SecretKind = 'header-token' | 'header-value' | 'key' | 'param' | 'body' | 'shape' | 'scheme';

export interface SecretHit {
  /** The secret itself in the decoded value: value[index, index + length) (a scheme prefix excluded). */
  index: number;
  length: number;
  /** The whole value when the hit stands for it (header and key values): what a fix replaces outside ConnectionJSON. */
  whole?: { index: number; length: number };
  kind: SecretKind;
  /** The key, parameter or header name involved ('' for shapes). */
  name: string;
  /** For messages: "a literal password in the request body". */
  what: string;
  /** For placeholders: "password", "Intercom access token". */
  noun: string;
  /** Found in JSON carried inside the value. */
  embedded?: boolean;
}

/** Key names repeat throughout a document: their normal forms are computed once. */
const normalised = new Map<string, string>();
export function normaliseKey(key: string): string {
  let n = normalised.get(key);
  if (n === undefined) {
    n = key.toLowerCase().replace(/[-_\s]/g, '');
    if (normalised.size > 5000) normalised.clear();
    normalised.set(detached(key), n);
  }
  return n;
}

/** True when values of this key (or header) name are credentials. */
export function isSecretKeyName(key: string): boolean {
  return SECRET_KEY_NAMES.has(normaliseKey(key));
}

/** True when the text is clearly not a real credential (a scheme prefix is ignored). */
export function isPlaceholderSecret(text: string): boolean {
  const v = text.trim().replace(/^["']|["']$/g, '').replace(AUTH_SCHEMES, '$2').trim();
  if (v.length < 4 || v.includes('${') || /<[^<>]*>/.test(v) || /@@?[A-Za-z0-9_-]+@@?/.test(v)) return true;
  return FILLER_VALUE.test(v);
}

const looksLikeTokenText = (s: string) => s.length >= 12 && /\d/.test(s) && /[A-Za-z]/.test(s) && !isPlaceholderSecret(s);
const nounOf = (name: string) => SECRET_KEY_NOUNS.get(normaliseKey(name)) ?? name;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Where a secret parameter name appears (any case): a value without one has no secret parameter. */
const SECRET_PARAM_NAME = new RegExp([...SECRET_PARAMS].map(escapeRegExp).join('|'), 'i');
/** Where any token shape's marker appears: a value without one holds no token shape. */
const TOKEN_MARKER = new RegExp(TOKEN_SHAPES.map(s => escapeRegExp(s.marker)).join('|'));
const SCHEME_WORD = /Bearer|Basic/i;
/** The shapes' markers and the scheme words as written (case-sensitive: much cheaper than /i). */
const SHAPE_OR_SCHEME = new RegExp(`${TOKEN_MARKER.source}|[Bb]earer|[Bb]asic|BEARER|BASIC`);

class HitList {
  readonly hits: SecretHit[] = [];
  private regions: [number, number][] | undefined;
  constructor(private readonly value: string) {}

  /**
   * Adds a hit unless it overlaps one already found, is a placeholder, or (unless `anywhere`) lies
   * inside `${…}`. A hit from JSON inside the value was `judged` there, on its own decoded text: it
   * is only checked for overlap (`${` regions of the outer text say nothing about it).
   */
  add(hit: SecretHit, anywhere = false, judged = false): void {
    if (hit.length <= 0 || this.hits.some(h => hit.index < h.index + h.length && h.index < hit.index + hit.length)) return;
    if (!judged) {
      if (isPlaceholderSecret(this.value.slice(hit.index, hit.index + hit.length))) return;
      if (!anywhere && insideBinding((this.regions ??= bindingRegions(this.value)), hit.index)) return;
    }
    this.hits.push(hit);
  }
}

/** The shape label of a secret, if it has one ("Intercom access token"). */
function shapeOf(secret: string): string | undefined {
  if (!TOKEN_MARKER.test(secret)) return undefined;
  for (const shape of TOKEN_SHAPES) {
    if (!secret.includes(shape.marker)) continue;
    // The patterns are global (matchAll copies lastIndex): leave lastIndex at 0.
    shape.pattern.lastIndex = 0;
    const found = shape.pattern.test(secret);
    shape.pattern.lastIndex = 0;
    if (found) return shape.label;
  }
  return undefined;
}

/** Where the secret part of a whole value lies: after a scheme prefix ("Bearer ") and leading blanks, before trailing blanks. */
function wholeValueSpan(value: string): { lead: number; start: number; end: number } {
  const lead = /^\s*/.exec(value)![0].length;
  const end = value.trimEnd().length;
  const scheme = AUTH_SCHEMES.exec(value);
  return { lead, start: scheme ? scheme[1].length : lead, end };
}

/**
 * True when a whole-value hit would be a placeholder (`${access_token}`, `<token>` …), which
 * HitList.add drops: most header and key values are, and their hits are not built.
 */
function wholeValueIsPlaceholder(value: string): boolean {
  const { start, end } = wholeValueSpan(value);
  return end - start <= 0 || isPlaceholderSecret(value.slice(start, end));
}

/** A hit for a whole value, the scheme prefix ("Bearer ") kept out of the secret part. */
function wholeValueHit(value: string, kind: SecretKind, name: string, what: (label?: string) => string, noun: (label?: string) => string): SecretHit {
  const { lead, start, end } = wholeValueSpan(value);
  const label = shapeOf(value.slice(start, end));
  return { index: start, length: end - start, whole: { index: lead, length: end - lead }, kind, name, what: what(label), noun: noun(label) };
}

/** Every credential in one decoded string value, in order. `depth` limits how deep JSON inside JSON is read. */
export function findSecrets(value: string, ctx: SecretContext, depth = 2): readonly SecretHit[] {
  if (value.length < 4) return NO_HITS;
  // Most strings hold no credential: the list is only made when a check applies.
  let found: HitList | undefined;
  const { key, header } = ctx;
  if (header !== undefined) {
    const scheme = AUTH_SCHEMES.exec(value);
    if (scheme) {
      const schemeName = scheme[1].trim();
      (found ??= new HitList(value)).add(wholeValueHit(value, 'header-token', header,
        label => `a literal ${label ?? `${schemeName} credential`} in the ${header} header`,
        label => label ?? `${schemeName.toLowerCase()} credential`));
    } else if ((SECRET_KEY_NAMES.has(normaliseKey(header)) || /^authorization$/i.test(header)) && !wholeValueIsPlaceholder(value)) {
      (found ??= new HitList(value)).add(wholeValueHit(value, 'header-value', header,
        label => `a literal ${label ?? 'value'} in the ${header} header`,
        label => label ?? SECRET_KEY_NOUNS.get(normaliseKey(header)) ?? 'credential'));
    }
  } else if (isSecretKeyName(key) && !(typeof ctx.inMap === 'function' ? ctx.inMap() : ctx.inMap) && !wholeValueIsPlaceholder(value)) {
    (found ??= new HitList(value)).add(wholeValueHit(value, 'key', key, label => label ? `a literal ${label} in ${key}` : `a literal ${key}`, label => label ?? nounOf(key)));
  }
  if ((key === 'url' || (value.includes('=') && (/[?&][\w-]+=/.test(value) || /^[\w-]+=[^&]*&/.test(value)))) && SECRET_PARAM_NAME.test(value)) {
    for (const m of value.matchAll(/(?:^|[?&])([\w-]+)=([^&#\s]*)/g)) {
      if (!SECRET_PARAMS.has(m[1].toLowerCase())) continue;
      (found ??= new HitList(value)).add({ index: m.index! + m[0].length - m[2].length, length: m[2].length, kind: 'param', name: m[1],
        what: `a literal ${m[1]} in ${key === 'url' ? 'the URL' : 'form parameters'}`, noun: nounOf(m[1]) });
    }
  }
  // JSON inside: read when it may name a credential, or when \u escapes may hide one.
  if (value.includes('"') && /^\s*[{[]/.test(value) && (SECRET_NAME_HINT.test(value) || value.includes('\\u'))) {
    embeddedJson(value, (found ??= new HitList(value)), depth);
  }
  // Shapes and scheme credentials share one pre-check: most values have neither.
  if (SHAPE_OR_SCHEME.test(value)) {
    for (const shape of TOKEN_SHAPES) {
      if (!value.includes(shape.marker)) continue;
      for (const m of value.matchAll(shape.pattern)) {
        (found ??= new HitList(value)).add({ index: m.index!, length: m[0].length, kind: 'shape', name: key, what: `a literal ${shape.label}`, noun: shape.label }, true);
      }
    }
    if (SCHEME_WORD.test(value)) {
      for (const m of value.matchAll(SCHEME_CREDENTIAL)) {
        if (!looksLikeTokenText(m[2])) continue;
        (found ??= new HitList(value)).add({ index: m.index! + m[0].length - m[2].length, length: m[2].length, kind: 'scheme', name: key,
          what: `a literal ${m[1]} credential`, noun: `${m[1].toLowerCase()} credential` });
      }
    }
  }
  return found ? found.hits.sort((a, b) => a.index - b.index) : NO_HITS;
}

const NO_HITS: readonly SecretHit[] = [];

/** JSON inside the value (a request body): its string values are read as values of their own. */
function embeddedJson(value: string, list: HitList, depth: number): void {
  if (depth <= 0) return;
  const errors: JsonSyntaxError[] = [];
  const root = maxNesting(value) > MAX_NESTING ? undefined : parseJsonTree(value, LENIENT_JSON, errors);
  if (!root || errors.length) {
    // Not JSON (unquoted bindings, a typo): "key": "value" pairs are still recognisable.
    for (const m of value.matchAll(/"([\w-]+)"\s*:\s*"([^"\\]*)"/g)) {
      if (!SECRET_KEY_NAMES.has(normaliseKey(m[1]))) continue;
      list.add({ index: m.index! + m[0].length - m[2].length - 1, length: m[2].length, kind: 'body', name: m[1],
        what: `a literal ${m[1]} in the request body`, noun: nounOf(m[1]), embedded: true });
    }
    return;
  }
  forEachString(root, (node, ctx) => {
    const inner = node.value as string;
    const decoded = decodeJsonString(value, node.offset + 1, node.offset + node.length - 1);
    for (const hit of findSecrets(inner, ctx, depth - 1)) {
      const toOuter = (i: number) => decoded.offsets[Math.max(0, Math.min(i, inner.length))];
      const at = (i: number, n: number) => ({ index: toOuter(i), length: Math.max(0, toOuter(i + n) - toOuter(i)) });
      const kind = hit.kind === 'key' ? 'body' : hit.kind;
      list.add({
        ...hit, ...at(hit.index, hit.length), ...(hit.whole ? { whole: at(hit.whole.index, hit.whole.length) } : {}),
        kind, what: kind === 'body' && !hit.embedded ? `${hit.what} in the request body` : hit.what, embedded: true,
      }, true, true);
    }
  });
}

/** Visits every string value of a parsed JSON tree (json/jsonText.ts; keys excluded) with its context. */
export function forEachString(root: JsonTreeNode, visit: (node: JsonTreeNode, ctx: SecretContext) => void): void {
  const walk = (node: JsonTreeNode, key: string, header: string | undefined, inMap: boolean, parentKey: string) => {
    if (node.type === 'string') {
      if (typeof node.value === 'string') visit(node, { key, header, inMap });
      return;
    }
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!valueNode) continue;
        const name = typeof keyNode?.value === 'string' ? keyNode.value : '';
        walk(valueNode, name, parentKey === 'httpHeaders' ? name : undefined, inMap || MAP_KEYS.has(parentKey), name);
      }
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) walk(child, '', undefined, inMap, '');
    }
  };
  walk(root, '', undefined, false, '');
}
