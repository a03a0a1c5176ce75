/**
 * Where a string sits in an attribute document, as far as bindings care: is `${…}`
 * evaluated there, and which kind of place is it (URL, header, body, pagination …).
 */
import type { StringASTNode } from '../json/ast';
import { pathOf } from '../json/ast';

export type SiteKind =
  | 'url' | 'method' | 'header' | 'body' | 'pagination' | 'constMapping' | 'mapping'
  | 'condition' | 'successCondition' | 'authParam' | 'other';

export interface StringSite {
  readonly kind: SiteKind;
  /** False where EIC reads the string as a plain path or name (§12.3): no `${…}` checks there. */
  readonly evaluated: boolean;
  /** The key of the property holding the string (or holding the array it is in). */
  readonly key: string | undefined;
  readonly path: readonly (string | number)[];
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

/** Classifies the string value node for an attribute of the given grammar. */
export function classifySite(node: StringASTNode, grammar: string | undefined): StringSite {
  const path = pathOf(node);
  let keyIndex = path.length - 1;
  while (keyIndex >= 0 && typeof path[keyIndex] === 'number') keyIndex--;
  const key = keyIndex >= 0 ? (path[keyIndex] as string) : undefined;
  const parentKey = keyIndex >= 1 ? path[keyIndex - 1] : undefined;
  const site = (kind: SiteKind, evaluated = true): StringSite => ({ kind, evaluated, key, path });

  if (typeof parentKey === 'string' && MAPPING_KEYS.has(parentKey) && keyIndex === path.length - 1) {
    const value = node.value.trimStart();
    if (value.startsWith('#CONST#')) return site('constMapping');
    // ImportUserJSON evaluates a bare `${…}` mapping value too.
    if (grammar === 'importUser' && value.startsWith('${')) return site('constMapping');
    return site('mapping', false);
  }
  if (path.includes('pagination')) return site('pagination', key === 'nextUrlPath' || !NOT_EVALUATED_KEYS.has(key ?? ''));
  if (path.includes('httpHeaders')) return site('header');
  if (key === 'httpParams') return site('body');
  if (path.includes('httpParams')) return site('authParam');
  if (key !== undefined && NOT_EVALUATED_KEYS.has(key)) return site('other', false);
  if (key === 'url') return site('url');
  if (key === 'httpMethod') return site('method');
  if (key === 'callCondition') return site('condition');
  if (path.includes('successResponses') || path.includes('unsuccessResponses')) return site('successCondition');
  return site('other');
}
