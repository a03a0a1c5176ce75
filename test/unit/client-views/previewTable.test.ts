/**
 * The import preview table is readable in its default side-by-side placement and in every theme
 * (issue 14, item 6): tables scroll sideways in a box of their own instead of squeezing columns
 * letter by letter, cells have a minimum width and wrap at words, headers (and the key column)
 * stay in view, and every colour is a theme variable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPreviewHtml, STYLE } from '../../../client/src/calls/importPreviewHtml';
import { previewTables } from '../../../client/src/calls/importCsv';
import type { ImportPreview } from '../../../server/src/core/runner';

/** The declarations that apply to `selector`: every rule whose selector list names it, later ones winning. */
function rule(selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of STYLE.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const selectors = m[1].split(',').map(s => s.trim());
    if (!selectors.includes(selector)) continue;
    for (const d of m[2].split(';').map(x => x.trim()).filter(Boolean)) {
      const i = d.indexOf(':');
      out[d.slice(0, i).trim()] = d.slice(i + 1).trim();
    }
  }
  return out;
}

function preview(columns: number, rows: number): ImportPreview {
  const record = (r: number) => Object.fromEntries(Array.from({ length: columns }, (_, c) => [`customproperty${c}`, `value ${r}-${c} with several words in it`]));
  return {
    accounts: Array.from({ length: rows }, (_, r) => ({ key: String(r), columns: { accountID: String(r), ...record(r) } })),
    entitlements: { Team: [{ key: '7', columns: { entitlementID: '7', entitlement_value: 'Support' } }] },
    memberships: [{ accountID: '0', entType: 'Team', entitlement: '7', keyField: 'entitlementID', source: 'acctEntMappings', accountKnown: true, entitlementKnown: true }],
    complete: true, cancelled: false, calls: [], problems: [], warnings: [],
    stats: { pages: 1, items: rows, requests: 1, timeMs: 10, duplicates: 0, rateLimit: { requests: 1 } },
  } as unknown as ImportPreview;
}

test('tables scroll sideways in their own box; columns keep a minimum width and wrap at words only', () => {
  assert.equal(rule('.scroll').overflow, 'auto');
  assert.equal(rule('.scroll')['max-width'], '100%');
  assert.equal(rule('table').width, 'max-content', 'the table takes the width its columns need, the box scrolls');
  const cell = rule('td');
  assert.match(cell['min-width'] ?? '', /^\d+(ch|em|px)$/);
  assert.match(cell['max-width'] ?? '', /^\d+(ch|em)$/, 'long values wrap instead of making one very wide column');
  assert.equal(cell['overflow-wrap'], 'break-word');
  assert.equal(cell['word-break'], 'normal');
  assert.ok(!/overflow-wrap:\s*anywhere|word-break:\s*break-all/.test(STYLE), 'no letter-by-letter breaking');
  assert.equal(rule('th')['white-space'], 'nowrap', 'a header is never broken');
});

test('the header row stays in view when scrolling down, the key column when scrolling sideways', () => {
  const th = rule('th');
  assert.equal(th.position, 'sticky');
  assert.equal(th.top, '0');
  assert.ok(th.background, 'a sticky header needs a background of its own');
  assert.equal(rule('table')['border-collapse'], 'separate', 'sticky cells keep their borders only with separate borders');
  const first = rule('td:first-child');
  assert.equal(first.position, 'sticky');
  assert.equal(first.left, '0');
});

test('every colour is a theme variable, so light, dark and high-contrast themes all read', () => {
  const colourDeclarations = [...STYLE.matchAll(/(?:^|[;{\s])((?:background|color|border(?:-(?:top|right|bottom|left))?|outline)\s*:\s*[^;}]+)/g)].map(m => m[1]);
  assert.ok(colourDeclarations.length > 10);
  for (const declaration of colourDeclarations) {
    const value = declaration.slice(declaration.indexOf(':') + 1);
    if (/^\s*(none|0|inherit)\s*$/.test(value)) continue;
    assert.match(value, /var\(--vscode-/, declaration);
    assert.ok(!/#[0-9a-f]{3,8}\b|rgba?\(/i.test(value), `no fixed colour in ${declaration}`);
  }
});

test('every table of the page sits in a scroll box, the wide accounts table included', () => {
  const tables = previewTables(preview(30, 5));
  const html = importPreviewHtml({ title: 'Import preview: x', preview: preview(30, 5), tables, problems: [] });
  const opened = html.match(/<table[\s>]/g)?.length ?? 0;
  const boxed = html.match(/<div class="scroll"><table[\s>]/g)?.length ?? 0;
  assert.equal(opened, 3, 'accounts, entitlements and memberships');
  assert.equal(boxed, opened, 'each table in a .scroll box');
  assert.equal(html.match(/<th data-col=/g)?.length, 31 + 2 + 7, 'every column of the three tables is there');
});
