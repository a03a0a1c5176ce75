/**
 * Helpers shared by the Intercom rules: header insertion edits, removal of an array item,
 * and the parsed JSON body of an `httpParams` string with indices into its decoded value
 * (map them to the document with spanIn/editIn, which keeps ranges exact inside the escapes).
 */
import { STRICT_JSON, parseJsonTree, type JsonTreeNode as JsonNode, type JsonSyntaxError } from '../../json/jsonText';
import type { ArrayASTNode, ASTNode, ObjectASTNode, StringASTNode } from '../../json/ast';
import { getProperty, isObject, isString } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import type { TextEdit } from '../../types';
import { insertProperty } from '../../rules/support/objectEdits';
import { bindingRegions, decodedString } from '../../rules/support/stringNodes';
import { headerProperty, IntercomCall } from './model';

export type { JsonNode };

/** Edits that set a header: added to httpHeaders, or a new httpHeaders object. Undefined when not possible. */
export function setHeaderEdits(doc: AttributeDocument, ic: IntercomCall, name: string, value: string): TextEdit[] | undefined {
  const headersProp = getProperty(ic.http, 'httpHeaders');
  const existing = headerProperty(headersProp?.valueNode, name);
  if (existing?.valueNode) {
    return [{ offset: existing.valueNode.offset, length: existing.valueNode.length, newText: JSON.stringify(value) }];
  }
  if (headersProp) {
    return isObject(headersProp.valueNode) ? [insertProperty(doc, headersProp.valueNode, name, JSON.stringify(value))] : undefined;
  }
  const after = getProperty(ic.http, 'httpMethod') ?? getProperty(ic.http, 'url');
  return [insertProperty(doc, ic.http, 'httpHeaders', `{${JSON.stringify(name)}: ${JSON.stringify(value)}}`, after)];
}

/** Removes one item of a JSON array together with one separating comma. */
export function removeArrayItem(array: ArrayASTNode, item: ASTNode): TextEdit {
  const items = array.items;
  const i = items.indexOf(item);
  if (items.length === 1) return { offset: array.offset + 1, length: array.length - 2, newText: '' };
  if (i < items.length - 1) return { offset: item.offset, length: items[i + 1].offset - item.offset, newText: '' };
  const prev = items[i - 1];
  return { offset: prev.offset + prev.length, length: item.offset + item.length - (prev.offset + prev.length), newText: '' };
}

/** A JSON request body inside a string value, parsed with its `${…}` parts masked. */
export interface ParsedBody {
  readonly node: StringASTNode;
  /** The decoded string value (what EIC sends after evaluating the bindings). */
  readonly value: string;
  readonly root: JsonNode;
  readonly bindings: [number, number][];
}

/**
 * The value with every `${…}` masked so that the JSON stays valid: `x…` inside a JSON string,
 * `0` and blanks in value position. Same length as the value.
 */
export function maskBindingsForJson(value: string, regions: [number, number][]): string {
  if (!regions.length) return value;
  let out = '';
  let inString = false;
  let r = 0;
  for (let i = 0; i < value.length;) {
    const region = regions[r];
    if (region && i === region[0]) {
      const length = region[1] - region[0];
      out += inString ? 'x'.repeat(length) : '0' + ' '.repeat(length - 1);
      i = region[1];
      r++;
      continue;
    }
    const c = value[i];
    if (inString && c === '\\') { out += value.slice(i, i + 2); i += 2; continue; }
    if (c === '"') inString = !inString;
    out += c;
    i++;
  }
  return out;
}

/** The parsed body of an httpParams string, or undefined when it is not a valid JSON object/array. */
export function parsedBody(doc: AttributeDocument, node: ASTNode | undefined): ParsedBody | undefined {
  if (!isString(node)) return undefined;
  return doc.memo(`intercom.body:${node.offset}`, () => {
    const decoded = decodedString(doc, node);
    if (!decoded) return undefined;
    const value = decoded.value;
    const trimmed = value.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
    const bindings = bindingRegions(value);
    const errors: JsonSyntaxError[] = [];
    const root = parseJsonTree(maskBindingsForJson(value, bindings), STRICT_JSON, errors);
    if (!root || errors.length) return undefined;
    return { node, value, root, bindings };
  });
}

/** The raw text of a body node (bindings as written). */
export function rawText(body: ParsedBody, n: JsonNode): string {
  return body.value.slice(n.offset, n.offset + n.length);
}

/** The content of a body string node (without quotes, bindings as written). */
export function rawString(body: ParsedBody, n: JsonNode): string {
  return n.type === 'string' ? body.value.slice(n.offset + 1, n.offset + n.length - 1) : rawText(body, n);
}

/** A string node's characters without its quotes (where an edit of its value goes); other nodes whole. */
export function stringContent(n: JsonNode): { offset: number; length: number } {
  return n.type === 'string' && n.length >= 2 ? { offset: n.offset + 1, length: n.length - 2 } : n;
}

/** True when the body node is (only) a masked `${…}` expression. */
export function isBindingValue(body: ParsedBody, n: JsonNode): boolean {
  return body.bindings.some(([s, e]) => s <= n.offset && n.offset + n.length <= e);
}

export function bodyProperty(obj: JsonNode | undefined, key: string): { key: JsonNode; value: JsonNode } | undefined {
  if (obj?.type !== 'object') return undefined;
  let found: { key: JsonNode; value: JsonNode } | undefined;
  for (const p of obj.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v && k.value === key) found = { key: k, value: v };
  }
  return found;
}

export function bodyProperties(obj: JsonNode | undefined): { key: JsonNode; value: JsonNode }[] {
  if (obj?.type !== 'object') return [];
  const out: { key: JsonNode; value: JsonNode }[] = [];
  for (const p of obj.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) out.push({ key: k, value: v });
  }
  return out;
}

/** The `statusCode` arrays of a call's successResponses (object form, or the array form of TicketStatusJSON). */
export function successStatusArrays(call: ObjectASTNode): ArrayASTNode[] {
  const out: ArrayASTNode[] = [];
  const success = getProperty(call, 'successResponses')?.valueNode;
  const objects = success?.type === 'array' ? success.items : success ? [success] : [];
  for (const o of objects) {
    const codes = getProperty(o, 'statusCode')?.valueNode;
    if (codes?.type === 'array') out.push(codes);
  }
  return out;
}
