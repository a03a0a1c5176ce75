/**
 * Removes the editor-only top-level `"$schema"` property from an attribute's text without
 * touching anything else: the property is cut out together with the separator that
 * joins it to its neighbour, so indentation and line breaks of the rest stay as typed.
 */
import { LENIENT_JSON, applyTextEdits, parseJsonTree, type JsonTextEdit, type JsonTreeNode } from '../json/jsonText';
import { MAX_NESTING, maxNesting } from '../document';

export function removeTopLevelSchemaKey(text: string): { text: string; removed: boolean } {
  // Too deep for the (recursive) parser: such a text is not valid for EIC anyway; it stays as it is.
  if (maxNesting(text) > MAX_NESTING) return { text, removed: false };
  const root = parseJsonTree(text, LENIENT_JSON);
  if (!root || root.type !== 'object' || !root.children) return { text, removed: false };
  const props = root.children;
  const index = props.findIndex(p => p.children?.[0]?.value === '$schema');
  if (index < 0) return { text, removed: false };
  const edit = removalEdit(root, props, index);
  return { text: applyTextEdits(text, [edit]), removed: true };
}

function removalEdit(root: JsonTreeNode, props: JsonTreeNode[], index: number): JsonTextEdit {
  const prop = props[index];
  const end = prop.offset + prop.length;
  if (index + 1 < props.length) {
    // Not the last property: cut from its start up to the start of the next one, so the
    // next property takes its place (and its indentation).
    return { offset: prop.offset, length: props[index + 1].offset - prop.offset, content: '' };
  }
  if (index > 0) {
    // The last of several: cut from the end of the previous property (dropping its comma).
    const prevEnd = props[index - 1].offset + props[index - 1].length;
    return { offset: prevEnd, length: end - prevEnd, content: '' };
  }
  // The only property: leave an empty object.
  return { offset: root.offset, length: root.length, content: '{}' };
}
