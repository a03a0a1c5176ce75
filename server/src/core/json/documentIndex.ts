/**
 * One walk over a document's tree, kept with the document version (doc.memo), that the rules read
 * instead of each walking the whole tree: every property node (with the extent of its subtree),
 * every string node and every string value, in the order `walk` visits them (depth-first, in
 * document order).
 */
import type { AttributeDocument } from '../document';
import type { ASTNode, PropertyASTNode, StringASTNode } from './ast';

export interface DocumentIndex {
  /** Every property node, depth-first pre-order. */
  readonly properties: readonly PropertyASTNode[];
  /** propertyEnd[i]: index in `properties` just after the last property inside properties[i]'s subtree. */
  readonly propertyEnd: Int32Array;
  /** Every string node, property keys included, in the order `walk` visits them. */
  readonly strings: readonly StringASTNode[];
  /** String nodes that are not property keys, in the order `walk` visits them. */
  readonly stringValues: readonly StringASTNode[];
  /** Indices (into `properties`) of the properties with this key, in order. */
  propertyIndexes(key: string): readonly number[];
}

const NONE: readonly number[] = [];

/** The index of the document's tree (built on first use, once per document version). */
export function documentIndex(doc: AttributeDocument): DocumentIndex {
  return doc.memo('json.documentIndex', () => buildIndex(doc.root));
}

interface BuildState {
  readonly properties: PropertyASTNode[];
  readonly ends: number[];
  readonly strings: StringASTNode[];
  readonly stringValues: StringASTNode[];
}

/** Builds the index of a tree (rules use documentIndex, which keeps it with the document). */
export function buildIndex(root: ASTNode | undefined): DocumentIndex {
  const state: BuildState = { properties: [], ends: [], strings: [], stringValues: [] };
  // Recursion is bounded: documents nested deeper than MAX_NESTING are not parsed into a tree.
  if (root) visitValue(root, state);
  const { properties, ends, strings, stringValues } = state;
  // Lists by key are made on first request: few keys are ever asked for.
  const byKey = new Map<string, readonly number[]>();
  return {
    properties, propertyEnd: Int32Array.from(ends), strings, stringValues,
    propertyIndexes(key: string): readonly number[] {
      let list = byKey.get(key);
      if (!list) {
        const found: number[] = [];
        for (let i = 0; i < properties.length; i++) if (properties[i].keyNode.value === key) found.push(i);
        list = found.length ? found : NONE;
        byKey.set(key, list);
      }
      return list;
    },
  };
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
