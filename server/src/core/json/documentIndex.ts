/**
 * One walk over a document's tree, kept with the document version (doc.memo), that the rules read
 * instead of each walking the whole tree: every property node (with the extent of its subtree),
 * every string node and every string value, in the order `walk` visits them (depth-first, in
 * document order).
 */
import type { AttributeDocument } from '../document';
import type { ASTNode, PropertyASTNode } from './ast';
import { DOCUMENT_INDEX_MEMO, indexOf, type DocumentIndex, type IndexLists } from './indexLists';

export { DOCUMENT_INDEX_MEMO, indexOf, type DocumentIndex, type IndexLists };

/** The index of the document's tree (built on first use, once per document version). */
export function documentIndex(doc: AttributeDocument): DocumentIndex {
  return doc.memo(DOCUMENT_INDEX_MEMO, () => buildIndex(doc.root));
}

type BuildState = IndexLists;

/** Builds the index of a tree (rules use documentIndex, which keeps it with the document). */
export function buildIndex(root: ASTNode | undefined): DocumentIndex {
  const state: BuildState = { properties: [], ends: [], strings: [], stringValues: [] };
  // Recursion is bounded: documents nested deeper than MAX_NESTING are not parsed into a tree.
  if (root) visitValue(root, state);
  return indexOf(state);
}

/** Visits a value node (not a property key) and its subtree. */
function visitValue(node: ASTNode, state: BuildState): void {
  switch (node.type) {
    case 'object': {
      const list = node.properties;
      for (let i = 0; i < list.length; i++) {
        const property = list[i];
        const index = state.properties.length;
        state.properties.push(property);
        state.ends.push(0);
        state.strings.push(property.keyNode);
        if (property.valueNode) visitValue(property.valueNode, state);
        state.ends[index] = state.properties.length;
      }
      break;
    }
    case 'array': {
      const list = node.items;
      for (let i = 0; i < list.length; i++) visitValue(list[i], state);
      break;
    }
    case 'string':
      state.strings.push(node);
      state.stringValues.push(node);
      break;
  }
}

/** The properties with this key, in document order. */
export function propertiesNamed(index: DocumentIndex, key: string): PropertyASTNode[] {
  const out: PropertyASTNode[] = [];
  for (const i of index.propertyIndexes(key)) out.push(index.properties[i]);
  return out;
}

/**
 * The properties with one of these keys that `walk` reaches when it does not descend into such a
 * property (the outermost ones), in document order. `skipInside` (default: always) decides
 * whether a found property's subtree is left out of the search.
 */
export function outermostProperties(
  index: DocumentIndex, keys: readonly string[], skipInside?: (property: PropertyASTNode) => boolean,
): PropertyASTNode[] {
  let candidates: readonly number[];
  if (keys.length === 1) candidates = index.propertyIndexes(keys[0]);
  else {
    const merged: number[] = [];
    for (const key of keys) for (const i of index.propertyIndexes(key)) merged.push(i);
    candidates = merged.sort((a, b) => a - b);
  }
  const out: PropertyASTNode[] = [];
  let skipUntil = -1;
  for (const i of candidates) {
    if (i < skipUntil) continue;
    const property = index.properties[i];
    out.push(property);
    if (!skipInside || skipInside(property)) skipUntil = index.propertyEnd[i];
  }
  return out;
}
