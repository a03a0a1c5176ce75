/**
 * Keeping credentials out of transport packages.
 *
 * - ConnectionJSON: every secret-looking value (accessToken, password, client_secret,
 *   refreshToken, API keys, private keys, literal "Bearer …" / "Basic …" credentials) that
 *   is not already a placeholder is replaced by a placeholder text, textually, so the rest
 *   of the file stays as typed. Secrets inside JSON-in-a-string values (an httpParams
 *   string) are handled too.
 * - Every other attribute: a literal bearer token, basic credential, JSON web token or
 *   Intercom token is reported so the package can be refused.
 */
import { applyEdits, getNodePath, parseTree, type Edit, type Node } from 'jsonc-parser';
import { lineAndColumn } from './lenientJson';

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
  kind: string;
  /** The first characters only: never print a whole secret. */
  excerpt: string;
}

/** Key names (lower case, without '-' and '_') whose string values are credentials. */
const SECRET_KEYS = new Map<string, string>([
  ['accesstoken', 'access token'], ['token', 'token'], ['apitoken', 'API token'], ['authtoken', 'token'],
  ['bearertoken', 'bearer token'], ['password', 'password'], ['passwd', 'password'], ['pwd', 'password'],
  ['clientsecret', 'client secret'], ['refreshtoken', 'refresh token'], ['apikey', 'API key'], ['xapikey', 'API key'],
  ['secret', 'secret'], ['secretkey', 'secret key'], ['keyfilepassword', 'key file password'], ['privatekey', 'private key'],
  ['skey', 'secret key'],
]);

const SCHEME_PREFIX = /^(Bearer|Basic|Token|Bot|SSWS|GenieKey|Apikey|ApiKey)(\s+)/i;
const PLACEHOLDER_WORDS = /^(x+|\*+|\.+|\?+|dummy|placeholder|changeme|change[-_ ]me|todo|tbd|none|null|n\/a|redacted|token|password|secret|abcd|your[-_ ]?(api[-_ ]?|access[-_ ]?)?(token|key|secret|password))$/i;

/** True when a value is clearly not a real credential: empty, a ${…} binding, <…>, @…@ or a filler word. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (v.includes('${')) return true;
  if (/<[^<>]*>/.test(v)) return true;
  if (/@@?[A-Za-z0-9_-]+@@?/.test(v)) return true;
  const rest = v.replace(SCHEME_PREFIX, '').trim();
  return rest === '' || PLACEHOLDER_WORDS.test(rest);
}

/** The placeholder that replaces a credential, keeping a "Bearer "/"Basic " prefix. */
export function placeholderFor(value: string, what: string): string {
  const prefix = SCHEME_PREFIX.exec(value.trim());
  return `${prefix ? prefix[1] + ' ' : ''}<set the ${what} in EIC after import>`;
}

/**
 * Replaces credentials in a ConnectionJSON text. `productName` (e.g. "Intercom") makes the
 * access-token placeholder say whose token to set.
 */
export function protectConnectionJson(text: string, productName?: string): { text: string; replacements: SecretReplacement[] } {
  const replacements: SecretReplacement[] = [];
  const edits = secretEdits(text, productName, offset => lineAndColumn(text, offset).line, replacements, '');
  return { text: edits.length ? applyEdits(text, edits) : text, replacements };
}

type LineOf = (offset: number) => number;

function secretEdits(
  text: string, productName: string | undefined, lineOf: LineOf, replacements: SecretReplacement[], pathPrefix: string,
): Edit[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return [];
  const edits: Edit[] = [];
  const visit = (node: Node) => {
    if (node.type === 'string' && typeof node.value === 'string') {
      const edit = editForString(node, productName, lineOf, replacements, pathPrefix);
      if (edit) edits.push(edit);
      return;
    }
    for (const child of node.children ?? []) {
      // Property nodes: visit the value only, never the key.
      if (node.type === 'property' && child === node.children![0]) continue;
      visit(child);
    }
  };
  visit(root);
  return edits;
}

function editForString(
  node: Node, productName: string | undefined, lineOf: LineOf, replacements: SecretReplacement[], pathPrefix: string,
): Edit | undefined {
  const value = node.value as string;
  const path = getNodePath(node);
  const key = typeof path[path.length - 1] === 'string' ? String(path[path.length - 1]) : '';
  const jsonPath = pathPrefix + path.join('.');
  const line = lineOf(node.offset);
  const normalizedKey = key.toLowerCase().replace(/[-_]/g, '');
  let what = SECRET_KEYS.get(normalizedKey);
  if (!what && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) what = 'private key';
  if (what && !isPlaceholderValue(value)) {
    if (what === 'access token' && productName) what = `${productName} access token`;
    replacements.push({ jsonPath, line, what });
    return { offset: node.offset, length: node.length, content: JSON.stringify(placeholderFor(value, what)) };
  }
  // JSON carried inside a string (an httpParams body): look inside it, once.
  const trimmed = value.trim();
  if (pathPrefix === '' && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    // Positions inside the embedded text are reported on the line of the string that holds it.
    const innerEdits = secretEdits(value, productName, () => line, replacements, `${jsonPath} → `);
    if (innerEdits.length) return { offset: node.offset, length: node.length, content: JSON.stringify(applyEdits(value, innerEdits)) };
  }
  // A literal "Bearer …"/"Basic …" credential under any other key (e.g. an Authorization header).
  const literals = findLiteralCredentials(value);
  if (literals.length) {
    let replaced = value;
    for (const lit of [...literals].reverse()) {
      replaced = replaced.slice(0, lit.offset) + `<set the ${lit.kind} in EIC after import>` + replaced.slice(lit.offset + lit.length);
    }
    for (const lit of literals) replacements.push({ jsonPath, line, what: lit.kind });
    return { offset: node.offset, length: node.length, content: JSON.stringify(replaced) };
  }
  return undefined;
}

interface CredentialPattern {
  kind: string;
  regex: RegExp;
  /** Which capture group holds the secret part (0 = whole match). */
  group: number;
  accept?: (secret: string) => boolean;
}

const looksLikeTokenText = (s: string) => s.length >= 12 && /\d/.test(s) && /[A-Za-z]/.test(s) && !isPlaceholderValue(s);

const PATTERNS: CredentialPattern[] = [
  { kind: 'JSON web token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, group: 0 },
  { kind: 'Intercom access token', regex: /\bdG9rO[A-Za-z0-9+/_-]{16,}={0,2}/g, group: 0 },
  { kind: 'bearer token', regex: /\bBearer\s+([A-Za-z0-9\-._~+/]+=*)/gi, group: 1, accept: looksLikeTokenText },
  { kind: 'basic credentials', regex: /\bBasic\s+([A-Za-z0-9+/]+={0,2})/gi, group: 1, accept: looksLikeTokenText },
  // A literal value under a header that carries credentials (also inside an escaped JSON string).
  {
    kind: 'credential in a header',
    regex: /\\?"(?:authorization|x-api-key|api-key|api_key|apikey|x-api-token|x-auth-token|x-auth-key|private-token|x-dc-devkey)\\?"\s*:\s*\\?"(?:(?:Bearer|Basic|Token)\s+)?([^"\\$<\s]{12,})/gi,
    group: 1, accept: looksLikeTokenText,
  },
];

/** Finds literal credentials in a text; overlapping findings are reported once. */
export function findLiteralCredentials(text: string): LiteralCredential[] {
  const found: LiteralCredential[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const secret = m[pattern.group];
      if (pattern.accept && !pattern.accept(secret)) continue;
      const offset = m.index + m[0].length - secret.length;
      if (found.some(f => offset < f.offset + f.length && f.offset < offset + secret.length)) continue;
      const { line, column } = lineAndColumn(text, offset);
      found.push({ offset, length: secret.length, line, column, kind: pattern.kind, excerpt: secret.slice(0, 6) + '…' });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
