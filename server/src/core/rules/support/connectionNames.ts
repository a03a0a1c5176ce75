/**
 * Names one attribute defines and others refer to, read from the sibling documents of a
 * connection: authentication names (ConnectionJSON `authentications`) and entitlement
 * types (ImportAccountEntJSON). Shared by the cross-file rules, go-to-definition and completion.
 */
import type { ASTNode, StringASTNode } from '../../json/ast';
import { getPath, isObject } from '../../json/ast';
import type { ConnectionView } from '../../connection';
import type { AttributeDocument } from '../../document';
import { authentications } from '../../calls/authentications';

export interface NamedDefinition {
  name: string;
  doc: AttributeDocument;
  keyNode: StringASTNode;
  /** Where the name is declared, for messages ("entitlementParams.entTypes"). */
  where: string;
}

/** Keys that people put under `authentications` by mistake; EIC would read them as auth names. */
export const NOT_AUTH_NAMES = new Set(['successResponses', 'unsuccessResponses', 'statusCode', 'testConnectionParams', 'SuccessResponses']);

/** Authentication configurations of the connection's ConnectionJSON, or undefined when there is none to compare with. */
export function authDefinitions(connection: ConnectionView): NamedDefinition[] | undefined {
  const doc = connection.get('ConnectionJSON');
  if (!doc) return undefined;
  return doc.memo('rules:authDefinitions', () => {
    const out: NamedDefinition[] = [];
    for (const auth of authentications(doc)) {
      if (NOT_AUTH_NAMES.has(auth.name)) continue;
      out.push({ name: auth.name, doc, keyNode: auth.property.keyNode, where: 'ConnectionJSON authentications' });
    }
    return out.length ? out : undefined;
  });
}

/**
 * Entitlement types the connection imports: entitlementParams.entTypes first (the declarations),
 * then types that only appear in accountParams.acctEntMappings or acctEntParams.entTypes.
 * Undefined when ImportAccountEntJSON is absent or declares no type.
 */
export function entitlementTypeDefinitions(connection: ConnectionView): NamedDefinition[] | undefined {
  const doc = connection.get('ImportAccountEntJSON');
  if (!doc) return undefined;
  return doc.memo('rules:entTypeDefinitions', () => {
    const out: NamedDefinition[] = [];
    const seen = new Set<string>();
    const collect = (path: string[], where: string) => {
      const node = getPath(doc.root, path);
      if (!isObject(node)) return;
      for (const p of node.properties) {
        if (seen.has(p.keyNode.value)) continue;
        seen.add(p.keyNode.value);
        out.push({ name: p.keyNode.value, doc, keyNode: p.keyNode, where });
      }
    };
    collect(['entitlementParams', 'entTypes'], 'ImportAccountEntJSON entitlementParams.entTypes');
    collect(['accountParams', 'acctEntMappings'], 'ImportAccountEntJSON accountParams.acctEntMappings');
    collect(['acctEntParams', 'entTypes'], 'ImportAccountEntJSON acctEntParams.entTypes');
    return out.length ? out : undefined;
  });
}

/** Grammars whose documents carry calls with a `connection`. */
export const CALL_GRAMMARS = ['importUser', 'importAccountEnt', 'provisioning', 'access', 'updateUser', 'createTicket', 'ticketStatus'] as const;

/** True when the string node is the value of a property with this key. */
export function isValueOf(node: StringASTNode, key: string): boolean {
  const parent = node.parent;
  return parent?.type === 'property' && parent.valueNode === node && parent.keyNode.value === key;
}

/** True when the object is an entry of the root `call` array of an access JSON. */
export function isAccessCallObject(doc: AttributeDocument, call: ASTNode | undefined): boolean {
  const array = call?.parent;
  return doc.attribute?.grammar === 'access' && isObject(call) && array?.type === 'array' && array.parent?.type === 'property'
    && array.parent.keyNode.value === 'call' && array.parent.parent === doc.root;
}

/** True when the string node is the `name` of an entry of the root `call` array of an access JSON. */
export function isAccessCallName(doc: AttributeDocument, node: StringASTNode): boolean {
  return isValueOf(node, 'name') && isAccessCallObject(doc, node.parent?.parent);
}
