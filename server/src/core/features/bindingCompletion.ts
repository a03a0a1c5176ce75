/**
 * Completion inside `${…}`: the variables EIC binds at this place after `${` (or after an
 * operator), their members after `user.`, `account.`, `entitlementValue.`, `response.`,
 * `connection.` … Ranges replace the partial word, at exact document offsets even inside
 * an escaped httpParams body. Typing `$` in an evaluated string offers whole bindings.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { AttributeDocument } from '../document';
import type { CompletionContributor, CompletionContribution, FeatureContext } from './contributors';
import { cursorAt, completionSpot, Cursor } from '../binding/cursor';
import { docOffset } from '../binding/documentBindings';
import { membersAt, modelledAttribute, MemberView } from '../binding/context';
import { connectionKeysAt } from '../binding/connectionKeys';
import { BindingVariable, RESPONSE_MEMBERS, VARIABLES, findVariable, variablesAt } from '../binding/variables';
import { findMember, memberNames } from '../binding/members';
import { variableMarkdown } from '../binding/describe';

/** AuthConfig keys of the connector itself; `connection.<key>` snippets offer the others. */
const STANDARD_AUTH_KEYS = new Set([
  'authType', 'url', 'httpMethod', 'httpParams', 'httpHeaders', 'httpContentType', 'properties', 'expiryError', 'authError',
  'timeOutError', 'errorPath', 'retryFailureStatusCode', 'maxRefreshTryCount', 'tokenResponsePath', 'tokenType', 'accessToken',
  'authHeaderName', 'refreshType', 'refreshToken', 'refreshTokenResponsePath', 'refreshTokenAuthError', 'refreshTokenErrorPath',
  'refreshTokenCall', 'refreshTokenFlag', 'jwtConfig', 'httpParamsName', 'ssl', 'testConnectionParams', 'testname', 'maskInLogs',
  'apiRateLimitConfig', 'cleanUpTextContent', 'cookies',
]);

export function bindingCompletion(ctx: FeatureContext): CompletionContribution | undefined {
  const cursor = cursorAt(ctx.doc, ctx.offset);
  if (!cursor || !cursor.bs.site.evaluated) return undefined;
  if (!cursor.binding) return dollarSnippets(ctx, cursor);
  const { bs, binding, index } = cursor;
  if (binding.problems.some(p => p.kind === 'unclosed-quote' && p.start < index)) return { items: [], exclusive: true };
  const spot = completionSpot(binding, index);
  if (spot.kind === 'none') return { items: [], exclusive: true };
  const range = ctx.doc.rangeOf(docOffset(bs, spot.start), docOffset(bs, spot.end) - docOffset(bs, spot.start));
  const rest = bs.value.slice(spot.end).trimStart();
  // An unclosed binding is closed after the completed word when nothing of it follows: the end of
  // the string, the quote that ends a JSON body's string (decoded), or the next binding.
  const closer = !binding.closed && (rest === '' || rest.startsWith('"') || rest.startsWith('${')) ? '}' : '';
  const items: CompletionItem[] = [];
  if (spot.kind === 'root') {
    const attribute = modelledAttribute(ctx.doc);
    const variables = attribute ? variablesAt(attribute, bs.site.kind) : [...VARIABLES];
    variables.forEach((v, i) => items.push({
      label: v.name,
      kind: CompletionItemKind.Variable,
      detail: v.summary,
      documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(v) },
      sortText: String(i).padStart(3, '0'),
      // The typed word, which VS Code matches against filterText, is the document text of the range
      // start up to the cursor: plain letters, even inside an escaped body.
      filterText: v.name,
      textEdit: { range, newText: v.name + (hasMembers(v) ? '' : closer) },
    }));
    for (const local of binding.locals) {
      if (local === 'it') continue;
      items.push({ label: local, kind: CompletionItemKind.Variable, detail: 'declared in this expression', sortText: `999${local}`, textEdit: { range, newText: local } });
    }
    return { items, exclusive: true };
  }
  const view = memberViewFor(ctx, cursor, spot.chain);
  if (!view) return { items: [], exclusive: true };
  view.names.forEach((name, i) => items.push({
    label: name,
    kind: CompletionItemKind.Field,
    detail: `${spot.chain.join('.')}.${name}`,
    documentation: view.describe(name) ? { kind: MarkupKind.Markdown, value: view.describe(name)! } : undefined,
    sortText: String(i).padStart(3, '0'),
    filterText: name,
    textEdit: { range, newText: name + closer },
  }));
  return { items, exclusive: true };
}

function memberViewFor(ctx: FeatureContext, cursor: Cursor, chain: readonly string[]): MemberView | undefined {
  const root = chain[0];
  if (root === undefined || cursor.binding?.locals.has(root)) return undefined;
  const variable = findVariable(root);
  if (!variable) return undefined;
  if (chain.length === 1) return membersAt(variable, ctx.doc, ctx.connection, cursor.bs.site.kind, cursor.bs.node.offset);
  if (chain.length === 2 && (variable.aliasOf ?? variable.name) === 'response' && cursor.bs.site.kind !== 'pagination' && cursor.bs.site.kind !== 'constMapping') {
    const catalog = RESPONSE_MEMBERS.callResult;
    return { names: memberNames(catalog), closed: false, describe: n => findMember(catalog, n)?.description, source: 'a call result' };
  }
  return undefined;
}

/** `$` typed in an evaluated string (outside any binding): whole bindings. */
function dollarSnippets(ctx: FeatureContext, cursor: Cursor): CompletionContribution | undefined {
  const { bs, index } = cursor;
  const typed = /\$[A-Za-z_.]*$/.exec(bs.value.slice(Math.max(0, index - 40), index));
  if (!typed) return undefined;
  const start = index - typed[0].length;
  const range = ctx.doc.rangeOf(docOffset(bs, start), docOffset(bs, index) - docOffset(bs, start));
  const attribute = modelledAttribute(ctx.doc);
  const variables = attribute ? variablesAt(attribute, bs.site.kind) : [...VARIABLES];
  const items: CompletionItem[] = [];
  const add = (text: string, v: BindingVariable, detail: string) => items.push({
    label: text, filterText: text, kind: CompletionItemKind.Snippet, detail,
    documentation: { kind: MarkupKind.Markdown, value: variableMarkdown(v) },
    sortText: String(items.length).padStart(3, '0'),
    textEdit: { range, newText: text }, insertTextFormat: InsertTextFormat.PlainText,
  });
  for (const v of variables) for (const s of v.snippets ?? []) add(s, v, v.summary);
  const connectionVariable = variables.find(v => v.name === 'connection');
  const keys = connectionVariable ? connectionKeysAt(ctx.doc, ctx.connection, bs.node.offset) : undefined;
  for (const key of keys?.keys ?? []) {
    if (!STANDARD_AUTH_KEYS.has(key) && /^[A-Za-z_$][\w$]*$/.test(key)) add(`\${connection.${key}}`, connectionVariable!, `Key \`${key}\` of ConnectionJSON`);
  }
  return items.length ? { items, exclusive: true } : undefined;
}

function hasMembers(v: BindingVariable): boolean {
  return v.members !== undefined || v.name === 'connection' || v.name === 'response';
}

export function isBindingDocument(doc: AttributeDocument): boolean {
  return doc.kind === 'attribute';
}

export const bindingCompletionProvider: CompletionContributor = { id: 'bindings', provide: ctx => (isBindingDocument(ctx.doc) ? bindingCompletion(ctx) : undefined) };
