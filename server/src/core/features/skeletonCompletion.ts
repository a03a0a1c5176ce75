/**
 * An empty file offers whole-attribute skeletons (snippets/saviynt.code-snippets.json): the ones
 * of its own attribute first (the one its file name says, preselected), the other attributes'
 * after them. "Empty" includes a first word being typed (`eic-imp`), which the skeleton replaces.
 * Nothing else is offered there, so the schema's own copy does not appear twice.
 */
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import { findAttribute } from '../attributes';
import skeletonFile from '../../../../snippets/saviynt.code-snippets.json';
import type { CompletionContribution, FeatureContext, CompletionContributor } from './contributors';

interface Skeleton { readonly title: string; readonly attribute: string; readonly prefix: string; readonly description: string; readonly body: string }

/** Every skeleton, in the file's order; the attribute is the part of its title before the colon. */
export const SKELETONS: readonly Skeleton[] = Object.entries(skeletonFile as Record<string, { prefix: string; description?: string; body: string[] | string }>)
  .map(([title, s]) => ({
    title,
    attribute: title.split(':')[0].trim(),
    prefix: s.prefix,
    description: s.description ?? '',
    body: Array.isArray(s.body) ? s.body.join('\n') : s.body,
  }));

/** Attribute order of EIC's form, for the skeletons of other attributes. */
function order(attribute: string): number {
  return findAttribute(attribute)?.order ?? 99;
}

export function skeletonCompletion(ctx: FeatureContext): CompletionContribution | undefined {
  const text = ctx.doc.text;
  if (text.length > 200 || !/^\s*[\w-]*\s*$/.test(text)) return undefined;
  const own = ctx.doc.attribute?.name;
  const range = ctx.doc.rangeOf(0, ctx.doc.text.length);
  const ranked = SKELETONS.map((s, index) => ({ s, index, mine: s.attribute === own }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || order(a.s.attribute) - order(b.s.attribute) || a.index - b.index);
  const items: CompletionItem[] = ranked.map(({ s, mine }, i) => ({
    label: s.title,
    kind: CompletionItemKind.Snippet,
    detail: mine ? `Skeleton of this file's attribute (${s.prefix})` : `Skeleton of ${s.attribute} (${s.prefix})`,
    documentation: { kind: MarkupKind.Markdown, value: s.description },
    filterText: `${s.prefix} ${s.title}`,
    sortText: `${mine ? 0 : 1}${String(i).padStart(3, '0')}`,
    preselect: mine && ranked[0].s === s ? true : undefined,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: s.body },
  }));
  return { items, exclusive: true };
}

export const skeletonCompletionProvider: CompletionContributor = { id: 'skeletons', provide: skeletonCompletion };
