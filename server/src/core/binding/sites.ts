/**
 * Where a string sits in an attribute document, as far as bindings care: is `${…}`
 * evaluated there, and which kind of place is it (URL, header, body, pagination …).
 */
import type { ASTNode, StringASTNode } from '../json/ast';

export type SiteKind =
  | 'url' | 'method' | 'header' | 'body' | 'pagination' | 'constMapping' | 'mapping'
  | 'condition' | 'successCondition' | 'authParam' | 'other';

export interface StringSite {
  readonly kind: SiteKind;
  /** False where EIC reads the string as a plain path or name (§12.3): no `${…}` checks there. */
  readonly evaluated: boolean;
  /** The key of the property holding the string (or holding the array it is in). */
  readonly key: string | undefined;
  /** Property keys from the root down to the string (array indices left out). */
  readonly path: readonly string[];
}

/** Keys whose values EIC reads as plain paths or names, never evaluating `${…}`. */
export const NOT_EVALUATED_KEYS: ReadonlySet<string> = new Set([
  'tokenResponsePath', 'listField', 'keyField', 'ticketStatusPath', 'accountIdPath', 'ticketidPath', 'acctIdPath', 'entIdPath',
  'idPath', 'listPath', 'userResponsePath', 'totalCountPath', 'pageRecordCount', 'errorPath', 'refreshTokenResponsePath',
  'refreshTokenErrorPath', 'acctKeyField', 'entKeyField', 'ownerIdPath', 'ownerKeyField', 'successResponsePath',
  'ent1IdPath', 'ent2IdPath', 'ent1KeyField', 'ent2KeyField', 'callListPath', 'nextApiKeyField', 'statusColumn',
  'processingType', 'authType', 'tokenType', 'connection', 'name', 'dateFormat', 'offsetParam', 'batchParam',
  'pageSizeParam', 'pageNumberParam', 'httpContentType', 'idColumn', 'targetEntType',
]);

const MAPPING_KEYS = new Set(['colsToPropsMap', 'responseColsToPropsMap']);

/**
 * The keys from the root down to the node (array indices left out), and whether the node
 * sits directly in an array. Linear in the depth: no index look-ups in long arrays.
 */
function keyPath(node: ASTNode): { keys: string[]; inArray: boolean } {
  const keys: string[] = [];
  let inArray = false;
  let current: ASTNode | undefined = node;
  let first = true;
  while (current?.parent) {
    const parent: ASTNode = current.parent;
    if (parent.type === 'property') {
      if (parent.valueNode === current) keys.push(parent.keyNode.value);
    } else if (parent.type === 'array' && first) {
      inArray = true;
    }
    if (parent.type !== 'property') first = false;
    current = parent;
  }
  keys.reverse();
  return { keys, inArray };
}

function makeSite(kind: SiteKind, evaluated: boolean, key: string | undefined, path: readonly string[]): StringSite {
  return { kind, evaluated, key, path };
}

/** Classifies the string value node for an attribute of the given grammar. */
export function classifySite(node: StringASTNode, grammar: string | undefined): StringSite {
  const { keys: path, inArray } = keyPath(node);
  const key = path[path.length - 1];
  const parentKey = path[path.length - 2];

  if (parentKey !== undefined && MAPPING_KEYS.has(parentKey) && !inArray) {
    const value = node.value.trimStart();
    if (value.startsWith('#CONST#')) return makeSite('constMapping', true, key, path);
    // ImportUserJSON evaluates a bare `${…}` mapping value too.
    if (grammar === 'importUser' && value.startsWith('${')) return makeSite('constMapping', true, key, path);
    return makeSite('mapping', false, key, path);
  }
  if (path.includes('pagination')) return makeSite('pagination', key === 'nextUrlPath' || !NOT_EVALUATED_KEYS.has(key ?? ''), key, path);
  if (path.includes('httpHeaders')) return makeSite('header', true, key, path);
  if (key === 'httpParams') return makeSite('body', true, key, path);
  if (path.includes('httpParams')) return makeSite('authParam', true, key, path);
  if (key !== undefined && NOT_EVALUATED_KEYS.has(key)) return makeSite('other', false, key, path);
  if (key === 'url') return makeSite('url', true, key, path);
  if (key === 'httpMethod') return makeSite('method', true, key, path);
  if (key === 'callCondition') return makeSite('condition', true, key, path);
  if (path.includes('successResponses') || path.includes('unsuccessResponses')) return makeSite('successCondition', true, key, path);
  return makeSite('other', true, key, path);
}
