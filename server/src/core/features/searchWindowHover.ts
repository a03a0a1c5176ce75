/**
 * Hover on an import call to an Intercom search (the incremental import): how many records one run
 * reads, which ones (sort), the window, what happens beyond it and how often to run it — the text a
 * comment would hold, which attribute JSON cannot. On the URL it follows the endpoint's own hover.
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import { searchWindowMarkdown, searchWindowOf } from '../intercom/searchWindow';
import { FeatureContext, registerHover } from './contributors';
import { inBinding, stringSpotAt } from './intercomContext';
import { intercomHover } from './intercomHover';

function searchWindowHover(ctx: FeatureContext): Hover | undefined {
  const spot = stringSpotAt(ctx);
  if (!spot?.intercom || inBinding(spot)) return undefined;
  const onUrl = spot.key === 'url' && spot.intercom.urlNode === spot.node;
  if (!onUrl && spot.key !== 'httpParams') return undefined;
  const window = searchWindowOf(ctx.doc, spot.intercom);
  if (!window) return undefined;
  const endpoint = onUrl ? intercomHover(ctx) : undefined;
  const before = endpoint && typeof endpoint.contents === 'object' && 'value' in endpoint.contents ? `${endpoint.contents.value}\n\n---\n\n` : '';
  return { contents: { kind: MarkupKind.Markdown, value: before + searchWindowMarkdown(window) }, range: ctx.doc.rangeOf(spot.node.offset, spot.node.length) };
}

registerHover({ id: 'intercom-search-window', provide: searchWindowHover });
