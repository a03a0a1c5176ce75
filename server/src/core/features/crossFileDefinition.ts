/**
 * Go to Definition across the attributes of a connection:
 * - a call's `connection` value → the authentication of that name in ConnectionJSON;
 * - an AddAccess/RemoveAccess call `name` → the entitlement type in ImportAccountEntJSON;
 * - the call name at the start of a provisioning path (`call1.message.id` in responseColsToPropsMap,
 *   accountIdPath, ticketidPath) → that call's `name`.
 */
import type { StringASTNode } from '../json/ast';
import { isString } from '../json/ast';
import type { AttributeDocument } from '../document';
import type { DefinitionTarget, FeatureContext, DefinitionContributor } from './contributors';
import { authDefinitions, entitlementTypeDefinitions, isAccessCallName, isValueOf, NamedDefinition } from '../rules/support/connectionNames';
import { callLists } from '../rules/support/callLists';

function target(definition: NamedDefinition, origin: StringASTNode): DefinitionTarget {
  return { uri: definition.doc.uri, offset: definition.keyNode.offset, length: definition.keyNode.length,
    originOffset: origin.offset, originLength: origin.length };
}

function stringAt(doc: AttributeDocument, offset: number): StringASTNode | undefined {
  const node = doc.json.getNodeFromOffset(offset);
  return isString(node) && node.parent?.type === 'property' && node.parent.valueNode === node ? node : undefined;
}

/** `call1` in "call1.message.id" when the cursor is on it, for provisioning path values. */
function callPathTarget(doc: AttributeDocument, node: StringASTNode, offset: number): DefinitionTarget[] | undefined {
  const parent = node.parent;
  if (parent?.type !== 'property') return undefined;
  const grandKey = parent.parent?.parent?.type === 'property' ? parent.parent.parent.keyNode.value : undefined;
  const isPath = (parent.keyNode.value === 'accountIdPath' || parent.keyNode.value === 'ticketidPath') && parent.parent === doc.root
    || grandKey === 'responseColsToPropsMap';
  if (!isPath) return undefined;
  const first = /^[^.[]+/.exec(node.value)?.[0];
  if (!first || offset > node.offset + 1 + first.length) return undefined;
  for (const list of callLists(doc)) {
    const call = list.calls.find(c => c.name === first);
    if (call?.nameNode) {
      return [{ uri: doc.uri, offset: call.nameNode.offset, length: call.nameNode.length, originOffset: node.offset + 1, originLength: first.length }];
    }
  }
  return undefined;
}

export const crossFileDefinitionProvider: DefinitionContributor = {
  id: 'cross-file-names',
  provide(ctx: FeatureContext): DefinitionTarget[] | undefined {
    const { doc, connection, offset } = ctx;
    if (doc.kind !== 'attribute') return undefined;
    const node = stringAt(doc, offset);
    if (!node) return undefined;
    if (isValueOf(node, 'connection') && doc.attribute?.grammar !== 'connection') {
      const found = authDefinitions(connection)?.find(d => d.name === node.value);
      return found ? [target(found, node)] : undefined;
    }
    if (isAccessCallName(doc, node)) {
      const found = entitlementTypeDefinitions(connection)?.find(d => d.name === node.value);
      return found ? [target(found, node)] : undefined;
    }
    return callPathTarget(doc, node, offset);
  },
};
