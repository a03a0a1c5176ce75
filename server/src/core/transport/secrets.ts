/**
 * Keeping credentials out of transport packages, with the same detector as `check`'s
 * secret-literal rule (core/secrets/detector.ts), on decoded values (JSON escapes and `\u`
 * escapes undone, JSON inside strings read too):
 *
 * - ConnectionJSON: every credential is replaced by a placeholder text, textually, so the rest
 *   of the file stays as typed;
 * - any other text that goes into a package (the other attributes, connection.meta.json, the
 *   built entries themselves): every credential is reported, so the package can be refused.
 */
import { LENIENT_JSON, applyTextEdits, parseJsonTree, pathOfNode, type JsonSyntaxError, type JsonTextEdit, type JsonTreeNode } from '../json/jsonText';
import { findSecrets, forEachString, isPlaceholderSecret, type SecretHit } from '../secrets/detector';
import { AUTH_SCHEMES } from '../rules/catalog/secretCatalog';
import { decodeJsonString } from '../text/jsonString';
import { lineAndColumn } from './lenientJson';
import { MAX_NESTING, maxNesting } from '../document';

export interface SecretReplacement {
  /** Path of the replaced value inside the JSON, e.g. authentications.acctAuth.accessToken. */
  jsonPath: string;
  line: number;
  /** What was replaced, e.g. "access token". */
  what: string;
}

export interface LiteralCredential {
  offset: number;
  length: number;
  line: number;
  column: number;
  /** What it looks like, e.g. "a literal Intercom access token". */
  kind: string;
  /** The first characters only: never print a whole secret. */
  excerpt: string;
}

/** One credential in a text: the detector's hit, where it is in the text, and the string node that holds it. */
interface TextSecret {
  hit: SecretHit;
  /** Text offsets of the secret. */
  offset: number;
  length: number;
  /** The string node holding it (undefined for a text that is not JSON). */
  node?: JsonTreeNode;
  jsonPath: string;
  secret: string;
}

/** True when a value is clearly not a real credential: empty, a ${…} binding, <…>, @…@ or a filler word. */
export function isPlaceholderValue(value: string): boolean {
  return isPlaceholderSecret(value);
}

/** The placeholder that replaces a credential, keeping a "Bearer "/"Basic " prefix. */
export function placeholderFor(value: string, what: string): string {
  const prefix = AUTH_SCHEMES.exec(value);
  return `${prefix ? prefix[1].trim() + ' ' : ''}${placeholderText(what)}`;
}

function placeholderText(what: string): string {
  return `<set the ${what} in EIC after import>`;
}

/**
 * Every credential in a text: each string value of the JSON (decoded) through the detector, and,
 * when the text is not (entirely) JSON, the raw text too, so that broken files are covered as well.
 * `depth` is how deep JSON inside strings is read (the built package, whose attributes are strings
 * in the envelope, needs one level more).
 */
function secretsInText(text: string, depth = 2): TextSecret[] {
  const out: TextSecret[] = [];
  const errors: JsonSyntaxError[] = [];
  // Deeper than the parser's limit, the (recursive) tree is not built: the raw text is scanned instead.
  const root = maxNesting(text) > MAX_NESTING ? undefined : parseJsonTree(text, LENIENT_JSON, errors);
  if (root) {
    forEachString(root, (node, ctx) => {
      const value = node.value as string;
      const hits = findSecrets(value, ctx, depth);
      if (!hits.length) return;
      const closed = node.length >= 2 && text.charCodeAt(node.offset + node.length - 1) === 34;
      const decoded = decodeJsonString(text, node.offset + 1, node.offset + node.length - (closed ? 1 : 0));
      const at = (i: number) => decoded.offsets[Math.max(0, Math.min(i, decoded.value.length))];
      const path = pathOfNode(node).join('.');
      for (const hit of hits) {
        out.push({ hit, node, offset: at(hit.index), length: Math.max(1, at(hit.index + hit.length) - at(hit.index)),
          jsonPath: hit.embedded && hit.name ? `${path} → ${hit.name}` : path, secret: value.slice(hit.index, hit.index + hit.length) });
      }
    });
  }
  if (!root || errors.length) {
    for (const hit of findSecrets(text, { key: '' }, depth)) {
      if (out.some(s => hit.index < s.offset + s.length && s.offset < hit.index + hit.length)) continue;
      out.push({ hit, offset: hit.index, length: hit.length, jsonPath: '', secret: text.slice(hit.index, hit.index + hit.length) });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Replaces credentials in a ConnectionJSON text. `productName` (e.g. "Intercom") makes the
 * access-token placeholder say whose token to set.
 */
export function protectConnectionJson(text: string, productName?: string): { text: string; replacements: SecretReplacement[] } {
  const secrets = secretsInText(text);
  if (!secrets.length) return { text, replacements: [] };
  const replacements: SecretReplacement[] = [];
  const byNode = new Map<JsonTreeNode | undefined, TextSecret[]>();
  for (const s of secrets) byNode.set(s.node, [...(byNode.get(s.node) ?? []), s]);
  const edits: JsonTextEdit[] = [];
  for (const [node, list] of byNode) {
    const nounOf = (s: TextSecret) => s.hit.noun === 'access token' && productName ? `${productName} access token` : s.hit.noun;
    for (const s of list) replacements.push({ jsonPath: s.jsonPath, line: lineAndColumn(text, node?.offset ?? s.offset).line, what: nounOf(s) });
    if (!node) {
      for (const s of list) edits.push({ offset: s.offset, length: s.length, content: placeholderText(nounOf(s)) });
      continue;
    }
    let value = node.value as string;
    for (const s of [...list].sort((a, b) => b.hit.index - a.hit.index)) {
      value = value.slice(0, s.hit.index) + placeholderText(nounOf(s)) + value.slice(s.hit.index + s.hit.length);
    }
    edits.push({ offset: node.offset, length: node.length, content: JSON.stringify(value) });
  }
  return { text: applyTextEdits(text, edits), replacements };
}

/** Finds literal credentials in a text (JSON or not); each is reported once, in text order. */
export function findLiteralCredentials(text: string, depth = 2): LiteralCredential[] {
  return secretsInText(text, depth).map(s => {
    const { line, column } = lineAndColumn(text, s.offset);
    return { offset: s.offset, length: s.length, line, column, kind: s.hit.what, excerpt: s.secret.slice(0, 6) + '…' };
  });
}
