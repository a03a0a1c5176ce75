/**
 * The document index's shape and its assembly from lists in walk order, apart from the walk
 * (json/documentIndex.ts) so that the strict parser (json/strictParse.ts), which gathers the same
 * lists as it reads, can build it without importing the document.
 */
import type { PropertyASTNode, StringASTNode } from './ast';

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

/** The lists an index is made of, in walk order (gathered by a walk, or by the strict parser as it reads). */
export interface IndexLists {
  readonly properties: PropertyASTNode[];
  readonly ends: number[];
  readonly strings: StringASTNode[];
  readonly stringValues: StringASTNode[];
}

/** The memo key of the index (the document stores the strict parser's index under it). */
export const DOCUMENT_INDEX_MEMO = 'json.documentIndex';

/** The index made of lists in walk order (json/strictParse.ts gathers them while parsing). */
export function indexOf(lists: IndexLists): DocumentIndex {
  const { properties, ends, strings, stringValues } = lists;
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
