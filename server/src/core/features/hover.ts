/** Hover: contributors first, then the schema's description of the key or value. */
import type { Hover } from 'vscode-languageserver-types';
import { jsonService } from '../json/jsonService';
import type { HoverContributor, FeatureContext } from './contributors';
import { embeddedContext, mapHover } from '../export/exportFeatures';

export async function hover(ctx: FeatureContext, providers: readonly HoverContributor[]): Promise<Hover | null> {
  const embedded = embeddedContext(ctx);
  if (embedded) return mapHover(ctx.doc, embedded.embedded, await hover(embedded.inner, providers));
  for (const contributor of providers) {
    const result = contributor.provide(ctx);
    if (result) return result;
  }
  if (ctx.doc.kind !== 'attribute') return null;
  const result = await jsonService().doHover(ctx.doc.jsonTextDocument, ctx.doc.positionAt(ctx.offset), ctx.doc.json);
  if (result) return result;
  if (ctx.doc.attribute?.grammar === 'any') {
    const node = ctx.doc.json.getNodeFromOffset(ctx.offset);
    if (node && !node.parent) {
      return { contents: { kind: 'markdown', value: `**${ctx.doc.attribute.name}** — ${ctx.doc.attribute.summary}\n\nSaviynt publishes no grammar for this attribute, so any JSON is accepted here; only JSON syntax is checked.` } };
    }
  }
  return null;
}
