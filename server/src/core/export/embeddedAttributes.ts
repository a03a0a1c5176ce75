/**
 * The attributes embedded in an EIC export (`Connection_*.json`): each EXTERNAL_ATTR
 * entry's `encryptedattributevalue` string, decoded into its own AttributeDocument with
 * an exact map from its characters back to the export's text.
 */
import { AttributeDocument } from '../document';
import { findAttribute } from '../attributes';
import { StaticConnection } from '../connection';
import { decodeJsonString, DecodedString, encodeJsonStringContent, mapDecodedRange } from '../text/jsonString';
import { getValue, isArray, isObject, isString, stringValue, StringASTNode } from '../json/ast';
import type { Finding } from '../types';

export interface EmbeddedAttribute {
  /** Connection name (top-level key of the export). */
  connectionName: string;
  attributeName: string;
  /** The string node holding the value in the export. */
  valueNode: StringASTNode;
  decoded: DecodedString;
  /** The decoded attribute as its own document (undefined when encrypted or empty). */
  doc?: AttributeDocument;
  /** True when the value is ciphertext (EIC encrypts ConnectionJSON in exports). */
  encrypted: boolean;
}

export interface ExportModel {
  attributes: EmbeddedAttribute[];
  connections: Map<string, StaticConnection>;
  /** Top-level connection objects whose type is not REST. */
  nonRest: { name: string; type: string; offset: number; length: number }[];
}

const CIPHERTEXT = /^[A-Za-z0-9+/=\s]+$/;

export function exportModel(doc: AttributeDocument): ExportModel {
  return doc.memo('exportModel', () => build(doc));
}

function build(doc: AttributeDocument): ExportModel {
  const attributes: EmbeddedAttribute[] = [];
  const connections = new Map<string, StaticConnection>();
  const nonRest: ExportModel['nonRest'] = [];
  const root = doc.root;
  if (!isObject(root)) return { attributes, connections, nonRest };
  for (const connectionProperty of root.properties) {
    const connection = connectionProperty.valueNode;
    if (!isObject(connection)) continue;
    const name = connectionProperty.keyNode.value;
    const typeNode = getValue(connection, 'externalconnectiontype');
    const type = stringValue(typeNode);
    if (type && type !== 'REST' && typeNode) nonRest.push({ name, type, offset: typeNode.offset, length: typeNode.length });
    const list = getValue(connection, 'EXTERNAL_ATTR');
    const docs: AttributeDocument[] = [];
    if (isArray(list)) {
      for (const entry of list.items) {
        const attributeName = stringValue(getValue(entry, 'attributename'));
        const valueNode = getValue(entry, 'encryptedattributevalue');
        if (!attributeName || !isString(valueNode)) continue;
        const decoded = decodeJsonString(doc.text, valueNode.offset + 1, valueNode.offset + valueNode.length - 1);
        const trimmed = decoded.value.trim();
        if (!trimmed) continue;
        const encrypted = !/^[{[]/.test(trimmed) && CIPHERTEXT.test(trimmed);
        const embedded: EmbeddedAttribute = { connectionName: name, attributeName, valueNode, decoded, encrypted };
        if (!encrypted && findAttribute(attributeName) && (!type || type === 'REST')) {
          embedded.doc = new AttributeDocument(`${doc.uri}#${name}/${attributeName}`, decoded.value, doc.version, findAttribute(attributeName), 'attribute');
          docs.push(embedded.doc);
        }
        attributes.push(embedded);
      }
    }
    connections.set(name, new StaticConnection(name, docs));
  }
  return { attributes, connections, nonRest };
}

/** Maps a finding of an embedded document to the export's text (ranges and fix edits). */
export function mapEmbeddedFinding(embedded: EmbeddedAttribute, finding: Finding): Finding {
  const range = mapDecodedRange(embedded.decoded, finding.offset, finding.length);
  return {
    ...finding,
    offset: range.offset,
    length: range.length,
    // The verdict stays first: the attribute the finding is in comes last.
    message: `${finding.message} (in ${embedded.attributeName})`,
    fixes: finding.fixes?.map(fix => ({
      ...fix,
      edits: fix.edits.map(edit => {
        const mapped = mapDecodedRange(embedded.decoded, edit.offset, edit.length);
        return { offset: mapped.offset, length: mapped.length, newText: encodeJsonStringContent(edit.newText) };
      }),
    })),
    related: undefined,
  };
}

/** The embedded attribute whose string contains the offset, if any. */
export function embeddedAt(model: ExportModel, offset: number): EmbeddedAttribute | undefined {
  return model.attributes.find(a => a.doc && offset > a.valueNode.offset && offset < a.valueNode.offset + a.valueNode.length);
}

/** The inner offset of an outer offset inside an embedded value (nearest character). */
export function innerOffset(embedded: EmbeddedAttribute, outer: number): number {
  const offsets = embedded.decoded.offsets;
  let lo = 0, hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] < outer) lo = mid + 1; else hi = mid;
  }
  return lo;
}
