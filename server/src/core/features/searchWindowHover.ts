/**
 * Hover on the body (`httpParams`) of an import call to an Intercom search (the incremental import):
 * how many records one run reads, which ones (sort), the window, what happens beyond it and how often
 * to run it — the text a comment would hold, which attribute JSON cannot. The URL's hover
 * (intercomHover.ts) adds the same text below the endpoint.
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import { searchWindowMarkdown, searchWindowOf } from '../intercom/searchWindow';
import type { FeatureContext, HoverContributor } from './contributors';
import { inBinding, stringSpotAt } from './intercomContext';

function searchWindowHover(ctx: FeatureContext): Hover | undefined {
  const spot = stringSpotAt(ctx);
  if (!spot?.intercom || spot.key !== 'httpParams' || inBinding(spot)) return undefined;
  const window = searchWindowOf(ctx.doc, spot.intercom);
  if (!window) return undefined;
  return { contents: { kind: MarkupKind.Markdown, value: searchWindowMarkdown(window) }, range: ctx.doc.rangeOf(spot.node.offset, spot.node.length) };
}

export const searchWindowHoverProvider: HoverContributor = { id: 'intercom-search-window', provide: searchWindowHover };
