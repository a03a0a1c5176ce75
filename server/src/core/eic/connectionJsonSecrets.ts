/**
 * Filling ConnectionJSON's secrets just before it is sent to the tenant. A connection folder keeps
 * placeholders where credentials go ("Bearer <set the Intercom access token in EIC after import>",
 * "", "@TOKEN@" …); the deploy puts the real values in, from VS Code's secret storage or the
 * environment, and never sends a placeholder. The filled text only ever exists in a secret slot.
 */
import { LENIENT_JSON, applyTextEdits, parseJsonTree, pathOfNode, type JsonTextEdit, type JsonTreeNode } from '../json/jsonText';
import { SecretToken, revealToken } from '../runner/secret';
import { lineAndColumn } from '../transport/lenientJson';

export type SecretKind = 'access-token' | 'password' | 'secret';

export interface SecretSlot {
  /** Path of the value, e.g. authentications.acctAuth.accessToken. */
  jsonPath: string;
  /** The property name, e.g. accessToken. */
  key: string;
  kind: SecretKind;
  line: number;
  /** "Bearer " when the placeholder keeps the scheme (the filled value keeps it too). */
  prefix: string;
}

/** Supplies the value for a slot; undefined when it has none. */
export type SecretSource = (slot: SecretSlot) => SecretToken | undefined | Promise<SecretToken | undefined>;

const ACCESS_TOKEN_KEYS = /^(access_?token|token|bearer_?token|auth_?token|api_?token)$/i;
const PASSWORD_KEYS = /^(password|passwd|pwd|key_?file_?password)$/i;
const OTHER_SECRET_KEYS = /^(client_?secret|refresh_?token|api_?key|x-?api-?key|secret|secret_?key|private_?key|skey)$/i;
const SCHEME = /^(Bearer|Basic|Token)\s+/i;
const FILLER = /^(|x+|\*+|\.+|\?+|dummy|placeholder|changeme|change[-_ ]?me|todo|tbd|redacted|secret|password|token|your[-_ ]?(api[-_ ]?|access[-_ ]?)?(token|key|secret|password))$/i;

function kindOfKey(key: string): SecretKind | undefined {
  if (ACCESS_TOKEN_KEYS.test(key)) return 'access-token';
  if (PASSWORD_KEYS.test(key)) return 'password';
  if (OTHER_SECRET_KEYS.test(key)) return 'secret';
  return undefined;
}

/** True for a value that stands in for a credential: empty, <…>, @…@ or a filler word (never a ${…} binding). */
export function isSecretPlaceholder(value: string): boolean {
  if (value.includes('${')) return false;
  const rest = value.trim().replace(SCHEME, '').trim();
  return FILLER.test(rest) || /^<[^<>]*>$/.test(rest) || /^@@?[A-Za-z0-9_-]+@@?$/.test(rest);
}

interface FoundSlot { slot: SecretSlot; node: JsonTreeNode }

function findSlots(text: string): FoundSlot[] {
  const root = parseJsonTree(text, LENIENT_JSON);
  if (!root) return [];
  const found: FoundSlot[] = [];
  const visit = (node: JsonTreeNode) => {
    if (node.type === 'property' && node.children?.length === 2) {
      const [keyNode, valueNode] = node.children;
      const key = String(keyNode.value);
      const kind = kindOfKey(key);
      if (kind && valueNode.type === 'string' && isSecretPlaceholder(String(valueNode.value))) {
        const value = String(valueNode.value);
        const scheme = SCHEME.exec(value.trim());
        const prefix = scheme ? `${scheme[1]} ` : '';
        found.push({ node: valueNode, slot: { jsonPath: pathOfNode(valueNode).join('.'), key, kind, line: lineAndColumn(text, valueNode.offset).line, prefix } });
        return;
      }
      visit(valueNode);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

/** The credentials ConnectionJSON leaves as placeholders. */
export function findSecretSlots(text: string): SecretSlot[] {
  return findSlots(text).map(f => f.slot);
}

export interface FilledConnectionJson {
  /** The text with the secrets in, as a secret slot (undefined when a value is missing). */
  text?: SecretToken;
  /** The values put in (register them for redaction). */
  secrets: SecretToken[];
  filled: SecretSlot[];
  missing: SecretSlot[];
}

/** Fills every placeholder from `source`; nothing is filled unless every slot has a value. */
export async function fillConnectionJson(text: string, source: SecretSource): Promise<FilledConnectionJson> {
  const found = findSlots(text);
  const edits: JsonTextEdit[] = [];
  const secrets: SecretToken[] = [];
  const filled: SecretSlot[] = [];
  const missing: SecretSlot[] = [];
  for (const { slot, node } of found) {
    const secret = await source(slot);
    if (!secret) { missing.push(slot); continue; }
    const raw = revealToken(secret);
    const value = slot.prefix && !raw.toLowerCase().startsWith(slot.prefix.toLowerCase()) ? `${slot.prefix}${raw}` : raw;
    secrets.push(secret);
    filled.push(slot);
    edits.push({ offset: node.offset, length: node.length, content: JSON.stringify(value) });
  }
  if (missing.length) return { secrets, filled, missing };
  const out = edits.length ? applyTextEdits(text, edits) : text;
  return { text: new SecretToken(out, { verbatim: true }), secrets, filled, missing };
}

/** The environment variable the CLI reads for a slot: EIC_CONNECTIONJSON_<KEY>, e.g. EIC_CONNECTIONJSON_ACCESSTOKEN. */
export function environmentVariableFor(slot: SecretSlot): string {
  return `EIC_CONNECTIONJSON_${slot.key.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** The conventional variable for an Intercom access token, tried after the slot's own variable. */
export const INTERCOM_TOKEN_VARIABLE = 'INTERCOM_ACCESS_TOKEN';

/** A message naming what is missing and where it can come from. */
export function missingSecretsMessage(missing: SecretSlot[], where: 'editor' | 'environment'): string {
  const list = missing.map(s => `${s.jsonPath} (line ${s.line})`).join(', ');
  const how = where === 'environment'
    ? `Set ${missing.map(s => environmentVariableFor(s) + (s.kind === 'access-token' ? ` or ${INTERCOM_TOKEN_VARIABLE}` : '')).join(', ')} in the environment.`
    : 'Store the Intercom access token (Set Intercom Access Token…) or type the values when asked.';
  return `ConnectionJSON was not sent: it keeps placeholders where credentials go (${list}), and a placeholder must never replace the tenant's credentials. ${how}`;
}
