/**
 * Recognising a connection file by what it holds, for files whose name does not say: an EIC
 * export saved as `Intercom.json`, an `ImportAccountEntJSON` saved as `import.json`.
 *
 * Only a bounded prefix of the text is read (the editor runs this on every JSON file it opens),
 * with one pass that skips strings and notes the keys of the top-level object. The signs are
 * data: a key only one attribute has at its top level names that attribute; a call list alone
 * (`"call": [...]`) fits a dozen attributes and names none.
 */
import { findAttribute, type AttributeInfo } from './attributes';

/** Characters read from the start of a text; enough for every envelope in the corpus (EXTERNAL_ATTR within 800). */
export const RECOGNITION_PREFIX = 16 * 1024;

export type ContentRecognition =
  | { kind: 'export' }
  | { kind: 'attribute'; attribute: AttributeInfo }
  /** A call list whose attribute cannot be told from the content (CreateAccountJSON, UpdateAccountJSON …). */
  | { kind: 'call-list' };

/** Top-level keys that only one attribute has, and the attribute they name. */
const TOP_LEVEL_SIGNS: readonly [key: string, attribute: string][] = [
  ['authentications', 'ConnectionJSON'],
  ['accountParams', 'ImportAccountEntJSON'],
  ['entitlementParams', 'ImportAccountEntJSON'],
  ['acctEntParams', 'ImportAccountEntJSON'],
  ['entOwnerParams', 'ImportAccountEntJSON'],
  ['entMappingParams', 'ImportAccountEntJSON'],
  ['statusAndThresholdConfig', 'STATUS_THRESHOLD_CONFIG'],
  ['userResponsePath', 'ImportUserJSON'],
  ['connectionTimeoutConfig', 'ConfigJSON'],
  ['provisioningLimit', 'ConfigJSON'],
  ['showLogs', 'ConfigJSON'],
];

/** Keys inside a call that only one attribute's calls have. */
const CALL_SIGNS: readonly [key: string, attribute: string][] = [
  ['ticketStatusPath', 'TicketStatusJSON'],
  ['ticketStatusValue', 'TicketStatusJSON'],
  ['ticketidPath', 'CreateTicketJSON'],
];

/** Columns of EIC's connection record: with EXTERNAL_ATTR they make an export. */
const ENVELOPE_KEYS = ['EXTERNAL_ATTR', 'connectionname', 'externalconnectiontype', 'attributename'];

interface Scan {
  /** Keys of the top-level object, in order (those within the prefix). */
  topKeys: string[];
  /** Every key seen at any depth (within the prefix). */
  allKeys: Set<string>;
  /** The value of the first top-level key is an object. */
  firstValueIsObject: boolean;
  /** The value of `actions` is an object (UpdateUserJSON). */
  actionsIsObject: boolean;
}

/** One pass over the prefix: the keys, skipping strings, tracking depth. Undefined when it is not a JSON object. */
function scanKeys(text: string): Scan | undefined {
  const end = Math.min(text.length, RECOGNITION_PREFIX);
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  if (text[i] !== '{') return undefined;
  const scan: Scan = { topKeys: [], allKeys: new Set(), firstValueIsObject: false, actionsIsObject: false };
  /** For each open bracket: true for an object. */
  const open: boolean[] = [];
  /** The top-level key whose value comes next (until that value starts). */
  let pendingTop: string | undefined;
  let expectKey = false;
  for (; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= end) break;
      const raw = text.slice(i + 1, j);
      i = j;
      if (!expectKey) { pendingTop = undefined; continue; }
      expectKey = false;
      const key = raw.includes('\\') ? safeUnescape(raw) : raw;
      scan.allKeys.add(key);
      if (open.length === 1) {
        scan.topKeys.push(key);
        pendingTop = key;
      }
      continue;
    }
    if (c === '{' || c === '[') {
      if (pendingTop !== undefined && c === '{') {
        if (scan.topKeys.length === 1) scan.firstValueIsObject = true;
        if (pendingTop === 'actions') scan.actionsIsObject = true;
      }
      pendingTop = undefined;
      open.push(c === '{');
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
      if (open.length === 0) break;
    } else if (c === ',') {
      expectKey = open[open.length - 1] === true;
    } else if (c !== ':' && !isSpace(text.charCodeAt(i))) {
      pendingTop = undefined;
    }
  }
  return scan;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

function safeUnescape(raw: string): string {
  try { return JSON.parse(`"${raw}"`) as string; } catch { return raw; }
}

/** What a text is, judged from its first RECOGNITION_PREFIX characters; undefined when it is no connection file. */
export function recognizeContent(text: string): ContentRecognition | undefined {
  const scan = scanKeys(text);
  if (!scan || scan.topKeys.length === 0) return undefined;
  if (scan.firstValueIsObject && scan.allKeys.has('EXTERNAL_ATTR')
    && ENVELOPE_KEYS.filter(k => scan.allKeys.has(k)).length >= 2) return { kind: 'export' };
  if (scan.firstValueIsObject && scan.allKeys.has('connectionname') && scan.allKeys.has('externalconnectiontype')) return { kind: 'export' };
  const top = new Set(scan.topKeys);
  for (const [key, name] of TOP_LEVEL_SIGNS) if (top.has(key)) return attribute(name);
  if (top.has('actions') && scan.actionsIsObject && scan.allKeys.has('call')) return attribute('UpdateUserJSON');
  if (top.has('call')) {
    for (const [key, name] of CALL_SIGNS) if (scan.allKeys.has(key)) return attribute(name);
    return { kind: 'call-list' };
  }
  return undefined;
}

function attribute(name: string): ContentRecognition | undefined {
  const info = findAttribute(name);
  return info ? { kind: 'attribute', attribute: info } : undefined;
}
