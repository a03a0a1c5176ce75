/**
 * Mechanical edits on JSON objects for quick fixes: add a property, remove one, move one
 * into another object. Edits keep the surrounding text as typed and follow the
 * indentation of the target object's existing properties.
 */
import type { ObjectASTNode, PropertyASTNode } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import type { TextEdit } from '../../types';

/** The text of a node exactly as typed. */
export function nodeText(doc: AttributeDocument, node: { offset: number; length: number }): string {
  return doc.text.substr(node.offset, node.length);
}

function lineIndentAt(doc: AttributeDocument, offset: number): string {
  let start = offset;
  while (start > 0 && doc.text[start - 1] !== '\n' && doc.text[start - 1] !== '\r') start--;
  const m = /^[ \t]*/.exec(doc.text.slice(start, offset));
  return m ? m[0] : '';
}

function isMultiLine(doc: AttributeDocument, node: { offset: number; length: number }): boolean {
  return /[\r\n]/.test(doc.text.substr(node.offset, node.length));
}

function eol(doc: AttributeDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Adds `"key": <valueText>` to an object: after `after` when given (else as the last
 * property), on its own line when the object is written over several lines.
 */
export function insertProperty(doc: AttributeDocument, object: ObjectASTNode, key: string, valueText: string, after?: PropertyASTNode): TextEdit {
  const entry = `${JSON.stringify(key)}: ${valueText}`;
  const props = object.properties;
  const anchor = after ?? props[props.length - 1];
  if (!anchor) {
    // Empty object: write inside the braces.
    const inner = object.offset + 1;
    if (isMultiLine(doc, object)) {
      const indent = lineIndentAt(doc, object.offset) + '  ';
      return { offset: inner, length: 0, newText: `${eol(doc)}${indent}${entry}` };
    }
    return { offset: inner, length: 0, newText: entry };
  }
  const end = anchor.offset + anchor.length;
  if (isMultiLine(doc, object)) {
    const indent = lineIndentAt(doc, anchor.offset);
    return { offset: end, length: 0, newText: `,${eol(doc)}${indent}${entry}` };
  }
  return { offset: end, length: 0, newText: `, ${entry}` };
}

/** Removes a property together with one separating comma (and the line it sat on, if alone). */
export function removeProperty(doc: AttributeDocument, object: ObjectASTNode, property: PropertyASTNode): TextEdit {
  const props = object.properties;
  const index = props.indexOf(property);
  let start = property.offset;
  let end = property.offset + property.length;
  if (index < props.length - 1) {
    // Remove up to the next property's start (includes the comma and the whitespace).
    end = props[index + 1].offset;
  } else if (index > 0) {
    // Last property: remove from the end of the previous one (its comma included).
    const prev = props[index - 1];
    start = prev.offset + prev.length;
  } else {
    // Only property: empty the object, keep the braces.
    start = object.offset + 1;
    end = object.offset + object.length - 1;
    return { offset: start, length: end - start, newText: '' };
  }
  return { offset: start, length: end - start, newText: '' };
}

/** Moves a property (as typed) into another object: remove + insert. */
export function moveProperty(doc: AttributeDocument, from: ObjectASTNode, property: PropertyASTNode, to: ObjectASTNode, renameTo?: string): TextEdit[] {
  const key = renameTo ?? property.keyNode.value;
  const valueText = property.valueNode ? nodeText(doc, property.valueNode) : 'null';
  return [removeProperty(doc, from, property), insertProperty(doc, to, key, valueText)];
}

/** Applies edits to a text (edits must not overlap). Used by tests and by fix previews. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}
