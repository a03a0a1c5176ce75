/**
 * `intercom-search-one-page` on import calls to an Intercom search (incremental imports): EIC reads
 * one page of the search per run (the cursor belongs in the body), so the page must hold the newest
 * changes, or changes beyond it are lost silently while they stay in the window:
 * - warning: not sorted by a date descending (no sort, ascending, or a version without `sort`, which
 *   only 2.16 defines); fix: sort by updated_at descending (or pin 2.16 when sort is written);
 * - information: `pagination.per_page` below 150 (one run reads fewer than it could); fix: 150;
 * - information: a `>` date window shorter than two days: calendar-day matching makes it "today only",
 *   so a run just after midnight misses late-yesterday changes.
 * A search body without per_page is reported by intercom-pagination-missing.
 */
import type { Fix, Finding } from '../../types';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { SEARCH_MAX_PER_PAGE, newestFirst, searchWindowOf, type SearchWindow } from '../searchWindow';
import { intercomCalls, type IntercomCall } from './model';
import { setHeaderEdits } from './support';

const SORT_TEXT = '"sort":{"field":"updated_at","order":"descending"}';

function at(ctx: RuleContext, w: SearchWindow, n: { offset: number; length: number }): Pick<Finding, 'offset' | 'length'> {
  return spanIn(ctx.doc, w.body.node, n.offset, n.length);
}

function checkOrder(ctx: RuleContext, ic: IntercomCall, w: SearchWindow): void {
  if (newestFirst(w)) return;
  const fixes: Fix[] = [];
  let message: string;
  let span: Pick<Finding, 'offset' | 'length'>;
  if (!w.sortAvailable) {
    span = w.sortNode ? at(ctx, w, w.sortNode) : ic.urlNode;
    message = `One page per run: EIC reads one page of this search per run (at most ${w.perPage} records), and Intercom-Version ${w.version} has no "sort"${w.sortNode ? ': the sort written here is not part of this version' : ''}, so the page holds whichever matches come first, not the newest changes; when the window holds more than ${w.perPage}, the newest are never read while they stay in it. Pin Intercom-Version 2.16 and sort by updated_at descending.`;
    const edits = setHeaderEdits(ctx.doc, ic, 'Intercom-Version', '2.16');
    if (edits) fixes.push({ title: 'Pin Intercom-Version "2.16" (sort exists there)', edits });
  } else if (w.sortNode && w.sortOrderNode?.type === 'string' && w.sortOrder !== 'descending') {
    span = at(ctx, w, w.sortOrderNode);
    message = `One page per run: EIC reads one page of this search per run (at most ${w.perPage} records). Sorted "${w.sortOrder}", that page holds the oldest matches: when the window holds more than ${w.perPage}, the newest changes are never read until the older ones leave the window. Sort "descending" so that each run reads the newest changes.`;
    fixes.push({ title: 'Sort "descending"', isPreferred: true, edits: [editIn(ctx.doc, w.body.node, w.sortOrderNode.offset, w.sortOrderNode.length, '"descending"')] });
  } else if (w.sortNode && !/_at$/.test(w.sortField ?? '')) {
    span = at(ctx, w, w.sortNode);
    message = `One page per run: EIC reads one page of this search per run (at most ${w.perPage} records), sorted by ${w.sortField ?? 'a field that is not a date'}: that page is not the newest changes, so changes beyond it are lost silently while they stay in the window. Sort by updated_at descending.`;
  } else {
    span = ic.urlNode;
    message = `One page per run: EIC reads one page of this search per run (at most ${w.perPage} records) and the body sets no "sort", so the page holds whichever matches come first, not the newest changes: when the window holds more than ${w.perPage}, the newest are never read while they stay in it. Add ${SORT_TEXT} to the body.`;
    const root = w.body.root;
    fixes.push({ title: 'Sort by updated_at descending', isPreferred: true, edits: [editIn(ctx.doc, w.body.node, root.offset + root.length - 1, 0, `,${SORT_TEXT}`)] });
  }
  ctx.report({ ...span, severity: 'warning', code: 'intercom-search-one-page', message, fixes });
}

function checkPageSize(ctx: RuleContext, w: SearchWindow): void {
  const node = w.perPageNode;
  if (node?.type !== 'number' || Number(node.value) >= SEARCH_MAX_PER_PAGE) return;
  ctx.report({
    ...at(ctx, w, node), severity: 'information', code: 'intercom-search-one-page',
    message: `Small page: one run of this import reads one page of the search, ${node.value} records at most. Intercom allows ${SEARCH_MAX_PER_PAGE} per page; with fewer, more changes wait for the next full import.`,
    fixes: [{ title: `Read ${SEARCH_MAX_PER_PAGE} per run`, isPreferred: true, edits: [editIn(ctx.doc, w.body.node, node.offset, node.length, String(SEARCH_MAX_PER_PAGE))] }],
  });
}

function checkWindow(ctx: RuleContext, ic: IntercomCall, w: SearchWindow): void {
  const win = w.window;
  if (!win?.seconds || win.operator !== '>' || win.seconds >= 2 * 86_400) return;
  ctx.report({
    offset: ic.urlNode.offset, length: ic.urlNode.length, severity: 'information', code: 'intercom-search-one-page',
    message: `Short search window: it is ${win.field} > now − ${win.seconds} s, but Intercom compares dates by calendar day in the workspace's time zone and ">" starts at the next day: this matches today only, so a run shortly after midnight misses the changes of late yesterday. Use at least 172800 (two days: since the start of yesterday).`,
  });
}

export const intercomSearchOnePageRule: Rule = {
  id: 'intercom-search-one-page',
  grammars: ['importAccountEnt', 'importUser'],
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const w = searchWindowOf(ctx.doc, ic);
      if (!w) continue;
      checkOrder(ctx, ic, w);
      checkPageSize(ctx, w);
      checkWindow(ctx, ic, w);
    }
  },
};
