/**
 * The quick fix of `missing-key`: add the key with a value to start from. The value is what the
 * schema proposes (its `default`, its first `defaultSnippets` body, a constant, the first allowed
 * value), else a few facts of the connector (calls are called `call1`, `call2` …; the method a
 * provisioning attribute usually sends; the list Intercom's list endpoints return), else an empty
 * value of the key's type. An object that lacks several keys also gets one fix that adds them all.
 * The fix is never "preferred": the value is a start, not a certainty, so "fix all" leaves it.
 */
import type { AttributeDocument } from '../document';
import type { Fix, TextEdit } from '../types';
import { getValue, isObject, pathOf, stringValue, type ASTNode, type ObjectASTNode } from '../json/ast';
import { schemasAt } from './schemaNavigator';
import { plainBodyText } from './schemaSnippets';
import { detectIndentUnit, lineIndentAt } from '../text/fixLayout';

/** The method each call-list attribute usually sends (EIC's own templates). */
const USUAL_METHOD: Readonly<Record<string, string>> = {
  CreateAccountJSON: 'POST', UpdateAccountJSON: 'PUT', EnableAccountJSON: 'POST', DisableAccountJSON: 'POST',
  RemoveAccountJSON: 'DELETE', ChangePassJSON: 'PUT', AddAccessJSON: 'POST', RemoveAccessJSON: 'DELETE',
  UpdateUserJSON: 'PUT', CreateTicketJSON: 'POST', TicketStatusJSON: 'GET', ImportUserJSON: 'GET', ImportAccountEntJSON: 'GET',
};

/** Intercom list endpoints that name their list after the resource; the others return `data`. */
const NAMED_LISTS = new Set(['admins', 'teams']);

/**
 * Values for keys the schema leaves open, from the connector's conventions. `pending` holds the
 * values written by the same fix (the `http` added with `listField`).
 */
function conventionalValue(doc: AttributeDocument, object: ObjectASTNode, key: string, pending: ReadonlyMap<string, string>): string | undefined {
  switch (key) {
    case 'name': return object.parent?.type === 'array' ? JSON.stringify(nextCallName(object.parent.items, 'name')) : undefined;
    case 'connection': return '"acctAuth"';
    case 'httpMethod': return doc.attribute ? JSON.stringify(USUAL_METHOD[doc.attribute.name] ?? 'GET') : undefined;
    case 'listField': {
      const url = stringValue(getValue(getValue(object, 'http'), 'url')) ?? /"url":\s*"([^"]*)"/.exec(pending.get('http') ?? '')?.[1];
      const last = url ? /\/([A-Za-z_]+)\/?(?:\?.*)?$/.exec(url.trim())?.[1] : undefined;
      return last ? JSON.stringify(NAMED_LISTS.has(last) ? last : 'data') : undefined;
    }
    default: return undefined;
  }
}

/** `call<n>` with the first n not among the names used. */
export function freeCallName(used: Iterable<string>): string {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`call${n}`)) n++;
  return `call${n}`;
}

/** The first free call name of a call list (names are the items' `name`). */
export function nextCallName(items: readonly ASTNode[], nameKey: string): string {
  return freeCallName(items.map(i => stringValue(getValue(i, nameKey))).filter((n): n is string => !!n));
}

function emptyOfType(type: unknown): string {
  const t = Array.isArray(type) ? type[0] : type;
  switch (t) {
    case 'integer': case 'number': return '0';
    case 'boolean': return 'false';
    case 'array': return '[]';
    case 'object': return '{}';
    case 'null': return 'null';
    default: return '""';
  }
}

/** The value text the fix writes for `key` in `object`. */
export function missingKeyValue(doc: AttributeDocument, object: ObjectASTNode, key: string, pending: ReadonlyMap<string, string> = new Map()): string {
  const conventional = conventionalValue(doc, object, key, pending);
  if (conventional !== undefined) return conventional;
  const schemaFile = doc.attribute?.schema;
  const located = schemaFile ? schemasAt(schemaFile, [...pathOf(object), key]) : [];
  for (const { schema } of located) if (schema.default !== undefined) return JSON.stringify(schema.default);
  for (const { schema } of located) {
    const body = Array.isArray(schema.defaultSnippets) ? schema.defaultSnippets.find((s: { body?: unknown }) => s && 'body' in s)?.body : undefined;
    if (body !== undefined) return plainBodyText(body);
  }
  for (const { schema } of located) if (schema.const !== undefined) return JSON.stringify(schema.const);
  for (const { schema } of located) if (Array.isArray(schema.examples) && schema.examples.length) return JSON.stringify(schema.examples[0]);
  for (const { schema } of located) if (Array.isArray(schema.enum) && schema.enum.length) return JSON.stringify(schema.enum[0]);
  for (const { schema } of located) if (schema.type !== undefined) return emptyOfType(schema.type);
  return '""';
}

/**
 * One edit that adds the entries to the object: after its last property (on lines of their own
 * when the object is written over several lines), or, into an empty object of a document written
 * over several lines, between braces that then stand on lines of their own.
 */
export function addEntries(doc: AttributeDocument, object: ObjectASTNode, entries: readonly [string, string][]): TextEdit {
  const text = doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const written = entries.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  const objectText = text.substr(object.offset, object.length);
  const props = object.properties;
  if (props.length) {
    const last = props[props.length - 1];
    const end = last.offset + last.length;
    if (/[\r\n]/.test(objectText)) {
      const indent = lineIndentAt(text, last.offset);
      return { offset: end, length: 0, newText: written.map(w => `,${eol}${indent}${w}`).join('') };
    }
    return { offset: end, length: 0, newText: written.map(w => `, ${w}`).join('') };
  }
  const inner = { offset: object.offset + 1, length: Math.max(0, object.length - 2) };
  if (!text.includes('\n')) return { ...inner, newText: written.join(', ') };
  const outer = lineIndentAt(text, object.offset);
  const indent = outer + detectIndentUnit(text);
  return { ...inner, newText: `${eol}${written.map(w => indent + w).join(`,${eol}`)}${eol}${outer}` };
}

function preview(value: string): string {
  return value.length <= 30 ? `: ${value}` : '';
}

/** The fix adding one missing key. */
export function missingKeyFix(doc: AttributeDocument, object: ObjectASTNode, key: string): Fix {
  const value = missingKeyValue(doc, object, key);
  return { title: `Add "${key}"${preview(value)}`, edits: [addEntries(doc, object, [[key, value]])] };
}

/** The fix adding every missing key of one object at once (offered when there are two or more). */
export function missingKeysFix(doc: AttributeDocument, object: ObjectASTNode, keys: readonly string[]): Fix | undefined {
  if (keys.length < 2) return undefined;
  const pending = new Map<string, string>();
  // `http` first, so that `listField` can follow its URL.
  for (const k of [...keys].sort((a, b) => Number(b === 'http') - Number(a === 'http'))) pending.set(k, missingKeyValue(doc, object, k, pending));
  const entries = keys.map(k => [k, pending.get(k)!] as [string, string]);
  return { title: `Add the ${keys.length} missing keys (${keys.map(k => `"${k}"`).join(', ')})`, edits: [addEntries(doc, object, entries)] };
}

/**
 * The object a missing-key diagnostic is about. The JSON service reports it on the key of the
 * property holding the object (`"call1"` of `"call1": {}`), or at the object's start when it has no key.
 */
export function missingKeyObject(doc: AttributeDocument, offset: number): ObjectASTNode | undefined {
  let node = doc.json.getNodeFromOffset(offset, true);
  if (node?.type === 'string' && node.parent?.type === 'property' && node.parent.keyNode === node) node = node.parent;
  if (node?.type === 'property') node = node.valueNode;
  return isObject(node) ? node : undefined;
}
