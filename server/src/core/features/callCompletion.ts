/**
 * A whole call where calls go: inside `"call": {}` of an import (calls named by their key,
 * `call1`, `call2` …) and inside `"call": []` of a call-list attribute (calls named by `name`).
 * The call is the schema's own `defaultSnippets` body for that place, named with the first free
 * `call<n>`, offered first.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { AttributeDocument } from '../document';
import { isArray, isObject, pathOf, type ASTNode } from '../json/ast';
import { schemasAt } from '../schema/schemaNavigator';
import { freeCallName, nextCallName } from '../schema/missingKeyFix';
import { snippetBodyText } from '../schema/schemaSnippets';
import type { CompletionContribution, FeatureContext, CompletionContributor } from './contributors';

interface Slot {
  /** The `call` object or array the new call goes into. */
  container: ASTNode;
  /** What the proposal replaces: nothing at the cursor, or the key typed so far (`""`, `"ca"`). */
  replace: { offset: number; length: number };
}

/** The place for a new call at the cursor: directly inside the value of a `call` key, where a key or an item starts. */
function slotAt(doc: AttributeDocument, offset: number): Slot | undefined {
  const node = doc.json.getNodeFromOffset(offset, true);
  if (!node) return undefined;
  if ((node.type === 'object' || node.type === 'array') && offset > node.offset && offset < node.offset + node.length && insideNoChild(node, offset)) {
    return isCallValue(node) ? { container: node, replace: { offset, length: 0 } } : undefined;
  }
  // A key being typed in the call object: `"call": { "ca| }`.
  const property = node.type === 'string' ? node.parent : undefined;
  if (property?.type === 'property' && property.keyNode === node && !property.valueNode && property.parent && isCallValue(property.parent)) {
    return { container: property.parent, replace: { offset: node.offset, length: node.length } };
  }
  return undefined;
}

/** The cursor is not inside one of the container's entries. */
function insideNoChild(node: ASTNode, offset: number): boolean {
  const children: ASTNode[] = isObject(node) ? node.properties : isArray(node) ? node.items : [];
  return !children.some(c => offset > c.offset && offset < c.offset + c.length);
}

function isCallValue(node: ASTNode): boolean {
  return node.parent?.type === 'property' && node.parent.keyNode.value === 'call' && node.parent.valueNode === node;
}

/** The schema's first snippet for an entry of the container (a named call, or a list item). */
function callSnippet(doc: AttributeDocument, container: ASTNode): { label: string; description?: string; body: unknown } | undefined {
  const schemaFile = doc.attribute?.schema;
  if (!schemaFile) return undefined;
  const entry = isArray(container) ? 0 : 'call1';
  for (const { schema } of schemasAt(schemaFile, [...pathOf(container), entry])) {
    const snippet = Array.isArray(schema.defaultSnippets) ? schema.defaultSnippets.find((s: { body?: unknown }) => s && typeof s.body === 'object') : undefined;
    if (snippet) return snippet;
  }
  return undefined;
}

export function callCompletion(ctx: FeatureContext): CompletionContribution | undefined {
  const { doc, offset } = ctx;
  if (doc.kind !== 'attribute') return undefined;
  const slot = slotAt(doc, offset);
  if (!slot) return undefined;
  const snippet = callSnippet(doc, slot.container);
  if (!snippet) return undefined;
  const range = doc.rangeOf(slot.replace.offset, slot.replace.length);
  let name: string;
  let text: string;
  if (isArray(slot.container)) {
    name = nextCallName(slot.container.items, 'name');
    const body = { ...(snippet.body as Record<string, unknown>) };
    if ('name' in body) body.name = `\${1:${name}}`;
    text = snippetBodyText(body);
  } else if (isObject(slot.container)) {
    name = freeCallName(slot.container.properties.map(p => p.keyNode.value));
    text = `"${name}": ${snippetBodyText(snippet.body)}`;
  } else {
    return undefined;
  }
  // Into an empty `{}` / `[]` written on one line, the call goes on lines of its own, one level in.
  const children = isObject(slot.container) ? slot.container.properties.length : isArray(slot.container) ? slot.container.items.length : 0;
  const containerText = doc.text.substr(slot.container.offset, slot.container.length);
  if (children === 0 && !/[\r\n]/.test(containerText) && doc.text.includes('\n')) text = `\n${text.split('\n').map(l => `\t${l}`).join('\n')}\n`;
  const item: CompletionItem = {
    label: name,
    kind: CompletionItemKind.Snippet,
    detail: `New call: ${snippet.label}`,
    documentation: { kind: MarkupKind.Markdown, value: `${snippet.description ?? ''}\n\nA whole call named \`${name}\`; adjust its URL and mappings.`.trim() },
    filterText: slot.replace.length ? `"${name}"` : name,
    sortText: '0',
    preselect: true,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: text },
  };
  return { items: [item] };
}

export const callCompletionProvider: CompletionContributor = { id: 'new-call', provide: callCompletion };
