/**
 * Every `colsToPropsMap` / `responseColsToPropsMap` of a document with what its keys are
 * (account, entitlement or user columns) and each value split into source and type.
 * Computed once per document version (doc.memo) and shared by the mapping rules.
 */
import type { ObjectASTNode, PropertyASTNode, StringASTNode } from '../../json/ast';
import { getValue, isObject, isString, pathOf } from '../../json/ast';
import { documentIndex, outermostProperties } from '../../json/documentIndex';
import { detached } from '../../text/detached';
import type { AttributeDocument } from '../../document';
import { CONST_PREFIX, MAPPING_SEPARATOR, STORE_MAPPING_SOURCE } from '../catalog/mappingCatalog';

/** Which Saviynt table the keys of a map name. */
export type MappingTable = 'account' | 'entitlement' | 'user' | 'response' | 'unknown';

export interface ParsedMapping {
  /** The decoded value. */
  value: string;
  /** Index of the `~#~` separator, -1 when there is none. */
  separatorIndex: number;
  /** Source part (before the separator, or the whole value). */
  source: string;
  /** Type part (after the separator); undefined when there is no separator. */
  type?: string;
  kind: 'path' | 'store' | 'const' | 'binding';
}

export interface MappingEntry {
  property: PropertyASTNode;
  target: string;
  valueNode: StringASTNode;
  parsed: ParsedMapping;
}

export interface MappingMap {
  /** `colsToPropsMap` or `responseColsToPropsMap`. */
  mapKey: string;
  node: ObjectASTNode;
  table: MappingTable;
  path: (string | number)[];
  entries: MappingEntry[];
}

// Local copies of the catalog constants: parseMapping runs for every mapping of a document.
const SEPARATOR = MAPPING_SEPARATOR;
const CONST = CONST_PREFIX;
const STORE = STORE_MAPPING_SOURCE;

export function parseMapping(value: string): ParsedMapping {
  const separatorIndex = value.lastIndexOf(SEPARATOR);
  const source = separatorIndex >= 0 ? value.slice(0, separatorIndex) : value;
  const type = separatorIndex >= 0 ? value.slice(separatorIndex + SEPARATOR.length) : undefined;
  const kind: ParsedMapping['kind'] = source.startsWith(CONST) ? 'const'
    : source.includes(STORE) && source.trim() === STORE ? 'store'
    : source.includes('${') ? 'binding'
    : 'path';
  return { value, separatorIndex, source, type, kind };
}

/**
 * Parsed mapping values, shared across documents and versions (imports repeat the same values; an
 * edited document keeps almost all of them). The parse depends on the value alone. Bounded; keys
 * and parts are detached copies so that no document text is kept alive.
 */
const parsedValues = new Map<string, ParsedMapping>();

function parsedMapping(value: string): ParsedMapping {
  let parsed = parsedValues.get(value);
  if (!parsed) {
    parsed = Object.freeze(parseMapping(detached(value)));
    if (parsedValues.size >= 20000) parsedValues.clear();
    parsedValues.set(parsed.value, parsed);
  }
  return parsed;
}

/** The import document is an ImportUserJSON saved in ImportAccountEntJSON (grammar §4, misfiling). */
export function isMisfiledUserImport(doc: AttributeDocument): boolean {
  const root = doc.root;
  return doc.attribute?.grammar === 'importAccountEnt' && isObject(root)
    && getValue(root, 'userResponsePath') !== undefined && getValue(root, 'accountParams') === undefined;
}

function tableFor(doc: AttributeDocument, mapKey: string, path: (string | number)[]): MappingTable {
  const grammar = doc.attribute?.grammar;
  if (mapKey === 'responseColsToPropsMap') {
    return grammar === 'provisioning' || grammar === 'access' ? 'response' : 'unknown';
  }
  if (grammar === 'importUser') return 'user';
  if (grammar !== 'importAccountEnt') return 'unknown';
  if (isMisfiledUserImport(doc)) return 'user';
  const top = path[0];
  if (top === 'entitlementParams') return 'entitlement';
  if (top === 'accountParams') return path.includes('acctEntMappings') ? 'entitlement' : 'account';
  return 'unknown';
}

const MAP_KEYS = ['colsToPropsMap', 'responseColsToPropsMap'];

/** All mapping objects of the document, in document order. */
export function mappingMaps(doc: AttributeDocument): MappingMap[] {
  return doc.memo('rules:mappingMaps', () => {
    const out: MappingMap[] = [];
    for (const node of outermostProperties(documentIndex(doc), MAP_KEYS)) {
      const mapKey = node.keyNode.value;
      const map = node.valueNode;
      if (!isObject(map)) continue;
      const path = pathOf(map);
      const entries: MappingEntry[] = [];
      for (const property of map.properties) {
        if (!isString(property.valueNode)) continue;
        entries.push({ property, target: property.keyNode.value, valueNode: property.valueNode, parsed: parsedMapping(property.valueNode.value) });
      }
      out.push({ mapKey, node: map, table: tableFor(doc, mapKey, path), path, entries });
    }
    return out;
  });
}
