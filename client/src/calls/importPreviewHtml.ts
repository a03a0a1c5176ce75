/**
 * The import preview page: tabs for accounts, each entitlement type and memberships (sortable
 * tables with an "Export CSV" button each), the run's statistics and rate-limit budget, and the
 * problems. A strict Content-Security-Policy with a nonce, no remote resources, and every value
 * escaped (names may contain `<script>`, quotes, RTL text, emoji or line breaks).
 */
import { randomBytes } from 'node:crypto';
import type { ImportPreview } from '../../../server/src/core/runner';
import type { PreviewTable } from './importCsv';

/** Rows rendered per table; the CSV export always has all of them. */
export const MAX_RENDERED_ROWS = 1000;

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface ImportPageInput {
  title: string;
  preview: ImportPreview;
  tables: PreviewTable[];
  /** Problems in plain language (token masked). */
  problems: string[];
}

function renderTable(table: PreviewTable, index: number): string {
  const shown = table.rows.slice(0, MAX_RENDERED_ROWS);
  const head = table.columns.map((c, i) => `<th data-col="${i}" title="Sort by ${escapeHtml(c)}">${escapeHtml(c)}</th>`).join('');
  const body = shown.map(row => `<tr>${table.columns.map(c => `<td dir="auto">${escapeHtml(row[c])}</td>`).join('')}</tr>`).join('\n');
  const more = table.rows.length > shown.length ? `<p class="note">Showing the first ${shown.length} of ${table.rows.length} rows; Export CSV writes all of them.</p>` : '';
  const empty = table.rows.length ? '' : '<p class="note">No rows.</p>';
  return `<section class="tab-panel" id="panel-${index}" data-table="${index}">
<div class="toolbar"><h2>${escapeHtml(table.title)} <span class="count">(${table.rows.length})</span></h2>
<button class="export" data-table="${index}">Export CSV</button></div>
${empty}${more}${table.rows.length ? `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>` : ''}
</section>`;
}

function statsHtml(preview: ImportPreview): string {
  const s = preview.stats;
  const rl = s.rateLimit;
  const budget = rl.limit !== undefined
    ? `${rl.requests} request${rl.requests === 1 ? '' : 's'} against a limit of ${rl.limit} per window; lowest remaining ${rl.lowestRemaining ?? '?'}, last remaining ${rl.lastRemaining ?? '?'}${rl.reset !== undefined ? `, window resets ${new Date(rl.reset * 1000).toISOString()}` : ''}`
    : `${rl.requests} request${rl.requests === 1 ? '' : 's'}; the API sent no rate-limit headers`;
  const items = [
    ['Pages', String(s.pages)], ['Records', String(s.items)], ['Requests', String(s.requests)], ['Time', `${(s.timeMs / 1000).toFixed(1)} s`],
    ['Duplicates dropped', String(s.duplicates)], ['Rate-limit budget', budget],
  ];
  return `<dl class="stats">${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function callsHtml(preview: ImportPreview): string {
  if (!preview.calls.length) return '';
  const rows = preview.calls.map(c => `<tr><td>${escapeHtml(c.section)}</td><td dir="auto">${escapeHtml(c.entType ? `${c.entType} › ${c.name}` : c.name)}</td>` +
    `<td>${c.pages}</td><td>${c.items}</td><td>${c.requests}</td><td>${c.timeMs} ms</td><td>${escapeHtml(c.stoppedBecause)}${c.note ? ` — ${escapeHtml(c.note)}` : ''}</td></tr>`).join('\n');
  return `<details><summary>Calls (${preview.calls.length})</summary><div class="scroll"><table class="calls"><thead><tr><th>Section</th><th>Call</th><th>Pages</th><th>Records</th><th>Requests</th><th>Time</th><th>Stopped because</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

/** Calls that read one page per run (a search EIC cannot page) or less than their total_count. */
function windowsHtml(preview: ImportPreview): string {
  const items = preview.calls.filter(c => c.window).map(c => {
    const w = c.window!;
    const name = escapeHtml(`${c.section} › ${c.entType ? `${c.entType} › ` : ''}${c.name}`);
    const match = `${w.total} record${w.total === 1 ? '' : 's'} match (total_count)`;
    return w.onePagePerRun
      ? `<li><strong>${name}</strong>: ${match}; one run reads at most ${w.perRun ?? w.read} (EIC reads one page of a search per run)${w.total > w.read ? ` — <strong>${w.total - w.read} not read by this run</strong>` : ''}.</li>`
      : `<li><strong>${name}</strong>: ${match}, the call read ${w.read}.</li>`;
  });
  return items.length ? `<section class="windows"><h2>Window</h2><ul>${items.join('')}</ul></section>` : '';
}

function listHtml(title: string, cls: string, items: string[]): string {
  if (!items.length) return '';
  return `<section class="${cls}"><h2>${escapeHtml(title)} (${items.length})</h2><ul>${items.map(i => `<li dir="auto">${escapeHtml(i)}</li>`).join('')}</ul></section>`;
}

/**
 * Readable in a narrow editor beside the source (the default placement) and in every theme: each
 * table scrolls sideways inside its own box instead of squeezing its columns; cells keep a minimum
 * width and wrap at word boundaries only; the header row (and the key column) stay in view while
 * scrolling. Colours come from the theme's CSS variables only.
 */
export const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1em 2em; }
h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin: .6em 0; display: inline-block; }
.status.complete { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); } .status.partial { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
.stats { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2em 1em; }
.stats dt { font-weight: 600; } .stats dd { margin: 0; overflow-wrap: break-word; }
.tabs { display: flex; flex-wrap: wrap; gap: .3em; margin: 1em 0 .5em; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
.tabs button, .export { background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); border: none; padding: .3em .8em; cursor: pointer; font: inherit; }
.tabs button[aria-selected="true"] { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.tabs button:focus-visible, .export:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; }
.scroll { overflow: auto; max-height: 70vh; max-width: 100%; border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
table { border-collapse: separate; border-spacing: 0; width: max-content; min-width: 100%; }
th, td { border-right: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent));
  padding: .25em .6em; text-align: start; vertical-align: top; min-width: 8ch; max-width: 36ch; white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; }
th { white-space: nowrap; max-width: none; cursor: pointer; position: sticky; top: 0; z-index: 2; background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); color: var(--vscode-foreground); font-weight: 600; }
td:first-child, th:first-child { position: sticky; left: 0; z-index: 1; background: var(--vscode-editor-background); }
th:first-child { z-index: 3; background: var(--vscode-editorWidget-background, var(--vscode-editor-background)); }
tbody tr:hover td { background: var(--vscode-list-hoverBackground); }
th.asc::after { content: " ▲"; } th.desc::after { content: " ▼"; }
table.calls td, table.calls th { position: static; }
.problems li { color: var(--vscode-errorForeground); } .warnings li { color: var(--vscode-editorWarning-foreground, var(--vscode-foreground)); }
.note { opacity: .8; font-style: italic; }
.hidden { display: none; }
`;

const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const tabs = Array.from(document.querySelectorAll('.tabs button'));
  const panels = Array.from(document.querySelectorAll('.tab-panel'));
  function select(index) {
    tabs.forEach(function (t) { t.setAttribute('aria-selected', t.dataset.table === index ? 'true' : 'false'); });
    panels.forEach(function (p) { p.classList.toggle('hidden', p.dataset.table !== index); });
    vscode.setState({ tab: index });
  }
  tabs.forEach(function (t) { t.addEventListener('click', function () { select(t.dataset.table); }); });
  const state = vscode.getState();
  select(state && state.tab && tabs.some(function (t) { return t.dataset.table === state.tab; }) ? state.tab : '0');
  document.querySelectorAll('button.export').forEach(function (b) {
    b.addEventListener('click', function () { vscode.postMessage({ type: 'exportCsv', table: Number(b.dataset.table) }); });
  });
  document.querySelectorAll('th[data-col]').forEach(function (th) {
    th.addEventListener('click', function () {
      const table = th.closest('table'); const body = table.tBodies[0]; const col = Number(th.dataset.col);
      const desc = th.classList.contains('asc');
      table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
      th.classList.add(desc ? 'desc' : 'asc');
      const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
      const rows = Array.from(body.rows);
      rows.sort(function (a, b) { const r = collator.compare(a.cells[col].textContent, b.cells[col].textContent); return desc ? -r : r; });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
})();
`;

export function importPreviewHtml(input: ImportPageInput): string {
  const nonce = randomBytes(16).toString('base64');
  const { preview, tables } = input;
  const status = preview.complete ? '<span class="status complete">complete</span>'
    : preview.cancelled ? '<span class="status partial">stopped by you: partial results</span>'
    : '<span class="status partial">incomplete: see the problems</span>';
  const tabs = tables.map((t, i) => `<button role="tab" data-table="${i}" aria-selected="${i === 0}">${escapeHtml(t.title)} (${t.rows.length})</button>`).join('');
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(input.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<h1 dir="auto">${escapeHtml(input.title)}: ${status}</h1>
<p class="note">Nothing was stored: these are the rows EIC's import would write.</p>
${statsHtml(preview)}
${windowsHtml(preview)}
${listHtml('Problems', 'problems', input.problems)}
${listHtml('Warnings', 'warnings', preview.warnings)}
${callsHtml(preview)}
<nav class="tabs" role="tablist">${tabs}</nav>
${tables.map(renderTable).join('\n')}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}
