/**
 * Completion of names defined in another attribute of the connection:
 * - authentication names (ConnectionJSON `authentications`) for `connection` values;
 * - entitlement types (ImportAccountEntJSON) for the `name` of AddAccess/RemoveAccess calls.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { ASTNode, StringASTNode } from '../json/ast';
import { getValue, isString, stringValue } from '../json/ast';
import type { AttributeDocument } from '../document';
import type { CompletionContribution, FeatureContext, CompletionContributor } from './contributors';
import { authDefinitions, entitlementTypeDefinitions, isAccessCallObject, isValueOf, NamedDefinition } from '../rules/support/connectionNames';

function items(doc: AttributeDocument, defs: NamedDefinition[], replace: { offset: number; length: number }, detail: (d: NamedDefinition) => string,
  documentation: (d: NamedDefinition) => string): CompletionItem[] {
  const range = doc.rangeOf(replace.offset, replace.length);
  return defs.map((d, i) => ({
    label: d.name,
    kind: CompletionItemKind.Reference,
    detail: detail(d),
    documentation: { kind: 'markdown', value: documentation(d) },
    textEdit: { range, newText: JSON.stringify(d.name) },
    filterText: JSON.stringify(d.name),
    sortText: `0${String(i).padStart(3, '0')}`,
  }));
}

function authDoc(d: NamedDefinition): string {
  const config = d.keyNode.parent?.type === 'property' ? d.keyNode.parent.valueNode : undefined;
  const authType = stringValue(getValue(config, 'authType'));
  return `Authentication **${d.name}** in ConnectionJSON${authType ? ` (authType \`${authType}\`)` : ''}. The call gets its \`\${access_token}\` and \`\${connection.<key>}\` values from it.`;
}

/** The string value under the cursor, or the empty slot after `"key":` (then `replace` is a zero-length insertion). */
function slotAt(doc: AttributeDocument, offset: number, key: string): { string?: StringASTNode; replace: { offset: number; length: number } } | undefined {
  const node: ASTNode | undefined = doc.json.getNodeFromOffset(offset);
  if (isString(node) && isValueOf(node, key) && offset > node.offset) {
    return { string: node, replace: { offset: node.offset, length: node.length } };
  }
  if (node?.type === 'property' && node.keyNode.value === key && !node.valueNode && node.colonOffset !== undefined && node.colonOffset < offset) {
    return { replace: { offset, length: 0 } };
  }
  return undefined;
}

export const crossFileCompletionProvider: CompletionContributor = {
  id: 'cross-file-names',
  provide(ctx: FeatureContext): CompletionContribution | undefined {
    const { doc, connection, offset } = ctx;
    if (doc.kind !== 'attribute' || doc.attribute?.grammar === 'connection') return undefined;
    const connectionSlot = slotAt(doc, offset, 'connection');
    if (connectionSlot) {
      const auths = authDefinitions(connection);
      if (!auths) return undefined;
      return { exclusive: true, items: items(doc, auths, connectionSlot.replace, () => 'Authentication in ConnectionJSON', authDoc) };
    }
    if (doc.attribute?.grammar === 'access') {
      const nameSlot = slotAt(doc, offset, 'name');
      if (!nameSlot) return undefined;
      const callObject = nameSlot.string ? nameSlot.string.parent?.parent : doc.json.getNodeFromOffset(offset)?.parent;
      if (!isAccessCallObject(doc, callObject)) return undefined;
      const types = entitlementTypeDefinitions(connection);
      if (!types) return undefined;
      return { exclusive: true, items: items(doc, types, nameSlot.replace, d => `Entitlement type (${d.where.replace(/^ImportAccountEntJSON /, '')})`,
        d => `Entitlement type **${d.name}**, imported by ImportAccountEntJSON (${d.where.replace(/^ImportAccountEntJSON /, '')}). EIC runs this call for requests of entitlements of this type.`) };
    }
    return undefined;
  },
};
