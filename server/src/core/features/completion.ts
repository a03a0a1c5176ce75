/**
 * Completion: contributors first, then the schema-driven proposals of the JSON service, without
 * `$schema` (EIC has no such key: the schemas allow it only so that a file carrying one is not flagged).
 */
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { jsonService } from '../json/jsonService';
import type { CompletionContributor, FeatureContext } from './contributors';
import { embeddedContext, mapCompletions } from '../export/exportFeatures';

export async function complete(ctx: FeatureContext, providers: readonly CompletionContributor[], isCancelled?: () => boolean): Promise<CompletionList> {
  const embedded = embeddedContext(ctx);
  if (embedded) return mapCompletions(ctx.doc, embedded.embedded, await complete(embedded.inner, providers, isCancelled));
  const items: CompletionItem[] = [];
  let exclusive = false;
  for (const contributor of providers) {
    const result = contributor.provide(ctx);
    if (!result) continue;
    items.push(...result.items);
    if (result.exclusive) exclusive = true;
  }
  if (exclusive || isCancelled?.() || ctx.doc.kind === 'unknown') return { isIncomplete: false, items };
  const schemaList = await jsonService().doComplete(ctx.doc.jsonTextDocument, ctx.doc.positionAt(ctx.offset), ctx.doc.json);
  if (schemaList) {
    const labels = new Set(items.map(i => i.label));
    for (const item of schemaList.items) if (!labels.has(item.label) && item.label !== '$schema') items.push(item);
  }
  return { isIncomplete: schemaList?.isIncomplete ?? false, items };
}
