/** Small helpers over vscode-json-languageservice AST nodes. */
import type { ASTNode, ObjectASTNode, PropertyASTNode, StringASTNode, ArrayASTNode } from 'vscode-json-languageservice';

export type { ASTNode, ObjectASTNode, PropertyASTNode, StringASTNode, ArrayASTNode };

export function isObject(node: ASTNode | undefined): node is ObjectASTNode {
  return node?.type === 'object';
}
export function isArray(node: ASTNode | undefined): node is ArrayASTNode {
  return node?.type === 'array';
}
export function isString(node: ASTNode | undefined): node is StringASTNode {
  return node?.type === 'string';
}

/** The property of an object with exactly this key (last one wins, as in JSON.parse). */
export function getProperty(node: ASTNode | undefined, key: string): PropertyASTNode | undefined {
  if (!isObject(node)) return undefined;
  const properties = node.properties;
  for (let i = properties.length - 1; i >= 0; i--) if (properties[i].keyNode.value === key) return properties[i];
  return undefined;
}

export function getValue(node: ASTNode | undefined, key: string): ASTNode | undefined {
  return getProperty(node, key)?.valueNode;
}

/** The value at a path of keys/indices, or undefined. */
export function getPath(node: ASTNode | undefined, path: (string | number)[]): ASTNode | undefined {
  let current = node;
  for (const segment of path) {
    if (current === undefined) return undefined;
    if (typeof segment === 'number') current = isArray(current) ? current.items[segment] : undefined;
    else current = getValue(current, segment);
  }
  return current;
}

export function stringValue(node: ASTNode | undefined): string | undefined {
  return isString(node) ? node.value : undefined;
}

/** Plain JavaScript value of a node (objects, arrays and primitives). */
export function toValue(node: ASTNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) out[p.keyNode.value] = toValue(p.valueNode);
      return out;
    }
    case 'array': return node.items.map(toValue);
    case 'null': return null;
    default: return (node as { value: unknown }).value;
  }
}

/** JSON path of keys and indices from the root to the node. */
export function pathOf(node: ASTNode): (string | number)[] {
  const path: (string | number)[] = [];
  let current: ASTNode | undefined = node;
  while (current?.parent) {
    const parent: ASTNode = current.parent;
    if (parent.type === 'property') {
      if (parent.valueNode === current) path.unshift(parent.keyNode.value);
    } else if (parent.type === 'array') {
      path.unshift(parent.items.indexOf(current));
    }
    current = parent;
  }
  return path;
}

/** The key under which a value node sits, if it is a property value. */
export function keyOf(node: ASTNode): string | undefined {
  const parent = node.parent;
  return parent?.type === 'property' && parent.valueNode === node ? parent.keyNode.value : undefined;
}

/** Visits every node depth-first; return false from the callback to skip a subtree. */
export function walk(node: ASTNode | undefined, visit: (node: ASTNode) => boolean | void): void {
  if (!node) return;
  const stack: ASTNode[] = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (visit(current) === false) continue;
    const children = current.children;
    if (children) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

/** Every string value node (not property keys) in the tree. */
export function stringValues(node: ASTNode | undefined): StringASTNode[] {
  const out: StringASTNode[] = [];
  walk(node, n => {
    if (n.type === 'string' && !(n.parent?.type === 'property' && n.parent.keyNode === n)) out.push(n);
  });
  return out;
}
