/**
 * The authentications of a ConnectionJSON document, read once per version: every reader (the
 * calls, `${connection.<key>}` bindings, the cross-file names, the Intercom connection model)
 * takes them from here.
 */
import type { ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getValue, isObject } from '../json/ast';
import type { AttributeDocument } from '../document';

export interface Authentication {
  /** The authentication's name (its key under `authentications`). */
  readonly name: string;
  readonly property: PropertyASTNode;
  /** Its configuration object. */
  readonly node: ObjectASTNode;
}

/** The `authentications` object of the document, when it has one (the last such key, as in JSON.parse). */
export function authenticationsNode(doc: AttributeDocument): ObjectASTNode | undefined {
  const node = getValue(doc.root, 'authentications');
  return isObject(node) ? node : undefined;
}

/** Every entry of `authentications` whose value is an object, in document order. */
export function authentications(doc: AttributeDocument): readonly Authentication[] {
  return doc.memo('calls.authentications', () => {
    const auths = authenticationsNode(doc);
    if (!auths) return [];
    const out: Authentication[] = [];
    for (const p of auths.properties) if (isObject(p.valueNode)) out.push({ name: p.keyNode.value, property: p, node: p.valueNode });
    return out;
  });
}
