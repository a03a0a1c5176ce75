/**
 * Names that must match another attribute of the same connection (grammar §3, §7.2; mistakes 3.1):
 * - `unknown-connection`: a `connection` value that ConnectionJSON's `authentications` does not define;
 * - `access-call-name`: an AddAccess/RemoveAccess call whose `name` is not an entitlement type the
 *   connection imports — EIC runs only the calls named like the entitlement's type, so it never runs.
 * Both are checked only when the sibling attribute is present in the connection folder.
 */
import type { StringASTNode } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Finding, Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { authDefinitions, CALL_GRAMMARS, entitlementTypeDefinitions, isAccessCallName, isValueOf, NamedDefinition } from './support/connectionNames';
import { replaceString } from './support/stringNodes';

function related(definitions: NamedDefinition[], message: (d: NamedDefinition) => string): NonNullable<Finding['related']> {
  return definitions.slice(0, 10).map(d => ({ uri: d.doc.uri, range: d.doc.rangeOf(d.keyNode.offset, d.keyNode.length), message: message(d) }));
}

function nameFixes(node: StringASTNode, names: string[]): { suggestion?: string; fixes: Fix[] } {
  const suggestion = didYouMean(node.value, names);
  if (suggestion) return { suggestion, fixes: [{ title: `Change to "${suggestion}"`, edits: [replaceString(node, suggestion)], isPreferred: true }] };
  if (names.length === 1) return { fixes: [{ title: `Change to "${names[0]}"`, edits: [replaceString(node, names[0])], isPreferred: true }] };
  return { fixes: names.slice(0, 5).map(n => ({ title: `Change to "${n}"`, edits: [replaceString(node, n)] })) };
}

function list(names: string[]): string {
  return names.slice(0, 8).map(n => `"${n}"`).join(', ') + (names.length > 8 ? ' …' : '');
}

function checkConnections(ctx: RuleContext): void {
  const auths = authDefinitions(ctx.connection);
  if (!auths) return;
  const names = auths.map(a => a.name);
  for (const node of documentIndex(ctx.doc).strings) {
    if (!isValueOf(node, 'connection')) continue;
    const value = node.value;
    if (value.includes('${') || names.includes(value)) continue;
    const { suggestion, fixes } = nameFixes(node, names);
    ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'unknown-connection',
      message: `Unknown authentication "${value}": ConnectionJSON has no such authentication, so EIC cannot authenticate this call${suggestion ? `; did you mean "${suggestion}"?` : '.'} ConnectionJSON defines ${list(names)}.`,
      fixes,
      related: related(auths, d => `Authentication "${d.name}" is defined here`) });
  }
}

function checkAccessNames(ctx: RuleContext): void {
  const types = entitlementTypeDefinitions(ctx.connection);
  if (!types) return;
  const names = types.map(t => t.name);
  for (const node of documentIndex(ctx.doc).strings) {
    if (!isAccessCallName(ctx.doc, node)) continue;
    const value = node.value;
    if (value.includes('${') || names.includes(value)) continue;
    const { suggestion, fixes } = nameFixes(node, names);
    ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'access-call-name',
      message: `Access call never runs: in ${ctx.doc.attribute?.name} a call's name is the entitlement type it serves; EIC runs only the calls named like the requested entitlement's type, and ImportAccountEntJSON imports no type "${value}", so this call never runs${suggestion ? `. Did you mean "${suggestion}"?` : '.'} Types: ${list(names)}.`,
      fixes,
      related: related(types, d => `Entitlement type "${d.name}" (${d.where})`) });
  }
}

export const crossFileNamesRule: Rule = {
  id: 'cross-file-names',
  reads: ['ConnectionJSON', 'ImportAccountEntJSON'],
  grammars: CALL_GRAMMARS,
  run(ctx) {
    checkConnections(ctx);
    if (ctx.doc.attribute?.grammar === 'access') checkAccessNames(ctx);
  },
};
