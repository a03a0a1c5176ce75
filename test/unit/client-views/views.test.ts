/**
 * The pure view helpers of the call commands (no VS Code needed): the import preview page,
 * the request and response documents and the CSV tables. The token never shows, values
 * are escaped, and the page loads nothing remote.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, importPreviewHtml, MAX_RENDERED_ROWS } from '../../../client/src/calls/importPreviewHtml';
import { confirmationDetail, formatRequest } from '../../../client/src/calls/requestView';
import { formatResponseDocument, statusLine } from '../../../client/src/calls/responseView';
import { previewTables, tableCsv } from '../../../client/src/calls/importCsv';
import { prepareRequest, SecretToken } from '../../../server/src/core/runner';
import type { ImportPreview } from '../../../server/src/core/runner';
import { DEFAULT_INTERCOM_VERSION, type CallDescription } from '../../../common/src/protocol';

const CANARY = 'canaryTOKEN0123456789xyz';

function preview(accounts: number): ImportPreview {
  return {
    accounts: Array.from({ length: accounts }, (_, i) => ({ key: String(i), columns: { accountID: String(i), name: i === 0 ? '<script>alert(1)</script>' : `user${i}@example.com`, displayName: i === 1 ? 'مرحبا 😀' : `User ${i}` } })),
    entitlements: { Team: [{ key: '7', columns: { entitlementID: '7', entitlement_value: 'Tier "2" & co' } }] },
    memberships: [{ accountID: '0', entType: 'Team', entitlement: '7', keyField: 'entitlementID', source: 'acctEntMappings', accountKnown: true, entitlementKnown: true } as never],
    complete: true, cancelled: false, calls: [], problems: [], warnings: [],
    stats: { pages: 3, items: accounts + 1, requests: 4, timeMs: 120, duplicates: 0, rateLimit: { limit: 1667, lowestRemaining: 1660, requests: 4 } },
  };
}

const call: CallDescription = {
  path: ['call', 0], name: 'call1', attribute: 'CreateAccountJSON', method: 'POST', url: 'https://api.intercom.io/contacts',
  headers: { Authorization: '${access_token}', Accept: 'application/json', 'Intercom-Version': '2.15' },
  body: '{"email":"${user.email}"}', contentType: 'application/json', responsePaths: [{ role: 'accountIdPath', path: 'id' }], bindings: ['access_token', 'user.email'],
};

test('escapeHtml escapes markup, quotes and ampersands', () => {
  assert.equal(escapeHtml('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  assert.equal(escapeHtml(null), '');
});

test('the import preview page escapes values, uses a nonce CSP and loads nothing remote', () => {
  const p = preview(3);
  const html = importPreviewHtml({ title: 'Import preview', preview: p, tables: previewTables(p), problems: [] });
  assert.doesNotMatch(html, /<script>alert\(1\)<\/script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /Tier &quot;2&quot; &amp; co/);
  const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(csp, 'a CSP meta tag');
  const policy = csp![1].replace(/&#39;/g, "'");
  assert.match(policy, /default-src 'none'/);
  const nonce = /nonce-([A-Za-z0-9+/=]+)/.exec(policy)![1];
  for (const m of html.matchAll(/<script([^>]*)>/g)) assert.match(m[1], new RegExp(`nonce="${nonce.replace(/[+/=]/g, c => '\\' + c)}"`));
  assert.doesNotMatch(html, /(src|href)="https?:/, 'no remote resources');
  assert.match(html, /Export CSV/);
});

test('the import preview page caps rendered rows but says how many there are', () => {
  const p = preview(MAX_RENDERED_ROWS + 5);
  const html = importPreviewHtml({ title: 't', preview: p, tables: previewTables(p), problems: [] });
  assert.match(html, new RegExp(`first ${MAX_RENDERED_ROWS} of ${MAX_RENDERED_ROWS + 5} rows`));
});

test('CSV tables: accounts, one per entitlement type, memberships; quoting per RFC 4180', () => {
  const tables = previewTables(preview(2));
  assert.deepEqual(tables.map(t => t.id), ['accounts', 'entitlements:Team', 'memberships']);
  const csv = tableCsv(tables[1]);
  assert.match(csv, /^entitlementID,entitlement_value\r?\n7,"Tier ""2"" & co"/);
  assert.match(tableCsv(tables[0]), /<script>alert\(1\)<\/script>/, 'CSV keeps the raw value');
});

test('the request document masks the token and notes the confirmation', () => {
  const token = new SecretToken(CANARY);
  const request = prepareRequest(call, { user: { email: 'ann@example.com' } }, { token });
  const text = formatRequest(request, {}, token);
  assert.ok(!text.includes(CANARY), 'token masked');
  assert.match(text, /^POST https:\/\/api\.intercom\.io\/contacts/);
  assert.match(text, /Authorization: Bearer ••••/);
  assert.match(text, /ann@example\.com/);
  assert.match(text, /asks for confirmation/);
  const detail = confirmationDetail(request, token);
  assert.match(detail, /^POST https:\/\/api\.intercom\.io\/contacts/);
  assert.match(detail, /"email": "ann@example\.com"/);
  assert.ok(!detail.includes(CANARY));
});

test('a request without Intercom-Version proposes the configured default version', () => {
  const request = prepareRequest({ ...call, headers: { Accept: 'application/json' } }, { user: { email: 'ann@example.com' } }, {});
  assert.match(formatRequest(request, { defaultVersion: '2.14' }), /No Intercom-Version header: .*Pin one \(e\.g\. "2\.14"\)/);
  assert.match(formatRequest(request), new RegExp(`Pin one \\(e\\.g\\. "${DEFAULT_INTERCOM_VERSION.replace('.', '\\.')}"\\)`));
});

test('the response document lists what the response paths pick out, and never the token', () => {
  const token = new SecretToken(CANARY);
  const request = prepareRequest(call, { user: { email: 'ann@example.com' } }, { token });
  const response = {
    request, status: 200, statusText: 'OK', headers: { 'x-echo': `Bearer ${CANARY}` }, timeMs: 42, bodyText: '{"id":"abc"}',
    json: { id: 'abc', echoed: CANARY }, rateLimit: {}, ok: true, warnings: [], attempts: 1,
  } as never;
  assert.equal(statusLine({ status: 200, statusText: 'OK', timeMs: 42 }), statusLine({ status: 200, statusText: 'OK', timeMs: 42 }));
  assert.match(statusLine({ status: 200, statusText: 'OK', timeMs: 42 }), /200/);
  const text = formatResponseDocument({ call, response, picked: [{ role: 'accountIdPath', path: 'id', found: true, value: 'abc', scope: 'body' } as never], token });
  assert.ok(!text.includes(CANARY), 'token redacted from the shown response');
  const doc = JSON.parse(text);
  assert.equal(doc.pickedPaths[0].path, 'id');
  assert.match(JSON.stringify(doc), /abc/);
});
