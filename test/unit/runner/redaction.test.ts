// A hostile host that echoes the token back changed (case, \u escapes, HTML entities, percent
// encoding, base64 of the token and of "Bearer <token>" / "user:<token>"): no output shows it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { SecretToken, prepareRequest, redact, runImport, sendRequest } from '../../../server/src/core/runner';
import { main } from '../../../server/src/cli';
import { formatResponseDocument } from '../../../client/src/calls/responseView';
import { importPreviewHtml } from '../../../client/src/calls/importPreviewHtml';
import { previewTables, tableCsv } from '../../../client/src/calls/importCsv';

const TOKEN = 'tok_Hostile+Echo/9a8B7c6D5e4F=';

const swapCase = (s: string) => [...s].map(c => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
const uEscape = (s: string) => [...s].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const htmlDec = (s: string) => [...s].map(c => `&#${c.charCodeAt(0)};`).join('');
const htmlHex = (s: string) => [...s].map(c => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`).join('');
const htmlNamed = (s: string) => s.replace(/\+/g, '&plus;').replace(/\//g, '&sol;').replace(/=/g, '&equals;');
const pctAll = (s: string) => [...s].map(c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Every transformed echo the hostile server sends, by name. */
const FORMS: Record<string, string> = {
  raw: TOKEN,
  upper: TOKEN.toUpperCase(),
  lower: TOKEN.toLowerCase(),
  swapped: swapCase(TOKEN),
  jsonUnicode: uEscape(TOKEN),
  jsonUnicodeHalf: TOKEN.slice(0, 10) + uEscape(TOKEN.slice(10)),
  jsonSlash: TOKEN.replace(/\//g, '\\/'),
  htmlDecimal: htmlDec(TOKEN),
  htmlHex: htmlHex(TOKEN),
  htmlNamed: htmlNamed(TOKEN),
  percentAll: pctAll(TOKEN),
  percentUpper: pctAll(TOKEN).toUpperCase(),
  percentComponent: encodeURIComponent(TOKEN),
  base64: b64(TOKEN),
  base64Bearer: b64(`Bearer ${TOKEN}`),
  base64Basic: b64(`user:${TOKEN}`),
  base64Url: b64(TOKEN).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
};

/** Asserts that no form of the token (in any case) is in the text. */
function assertClean(label: string, text: string): void {
  const lower = text.toLowerCase();
  for (const [name, form] of Object.entries(FORMS)) {
    assert.ok(!lower.includes(form.toLowerCase()), `${label}: the ${name} echo (${form.slice(0, 24)}…) is shown`);
  }
  // The token's distinctive middle, decoded, must not survive either.
  assert.ok(!lower.includes('hostile+echo') && !lower.includes('hostile%2becho'), `${label}: a piece of the token is shown`);
}

let server: http.Server;
let base: string;
let dir: string;

before(async () => {
  server = http.createServer((req, res) => {
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    const echo: Record<string, string> = {};
    for (const [name, form] of Object.entries(FORMS)) echo[name] = form.replace(TOKEN, token); // built from what arrived
    // JSON with the \u and \/ forms written raw (JSON.stringify would escape their backslashes).
    const body = JSON.stringify({ data: [{ id: '1', email: `a@example.com ${echo.upper}`, name: `${echo.htmlNamed} ${echo.base64Bearer}`, notes: echo }] })
      .replace(JSON.stringify(echo.jsonUnicode), `"${echo.jsonUnicode}"`).replace(JSON.stringify(echo.jsonSlash), `"${echo.jsonSlash}"`)
      .replace(JSON.stringify(echo.jsonUnicodeHalf), `"${echo.jsonUnicodeHalf}"`);
    res.writeHead(req.url?.includes('fail') ? 401 : 200, `Echo ${echo.swapped}`, {
      'Content-Type': 'application/json', 'X-Echo': echo.percentAll, 'X-Echo-Html': echo.htmlHex, 'X-Echo-B64': echo.base64Basic,
    });
    res.end(body);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'redaction-'));
  process.env.REDACTION_TOKEN = TOKEN;
});

after(async () => {
  await new Promise(resolve => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.REDACTION_TOKEN;
});

const HEADERS = { Authorization: '${access_token}', Accept: 'application/json' };

describe('redact()', () => {
  it('masks every form of the token, case-insensitively, keeping the text around it', () => {
    const secret = new SecretToken(TOKEN);
    for (const [name, form] of Object.entries(FORMS)) {
      const out = redact(`before ${form} after`, secret);
      assertClean(name, out);
      assert.match(out, /^before .*•••• ?.* after$|^before .*••••.* after$/, `${name}: ${out}`);
    }
    assert.equal(redact('nothing secret here: tok_other', secret), 'nothing secret here: tok_other');
  });
});

describe('a hostile server echoing the token', () => {
  it('sendRequest: body, parsed JSON, headers, status text and problem are clean', async () => {
    const secret = new SecretToken(TOKEN);
    for (const url of [`${base}/contacts`, `${base}/fail`]) {
      const request = prepareRequest({ method: 'GET', url, headers: HEADERS }, {}, { token: secret });
      const response = await sendRequest(request, { allowedHosts: ['127.0.0.1'] });
      assertClean('body', response.bodyText);
      assertClean('json', JSON.stringify(response.json));
      assertClean('headers', JSON.stringify(response.headers));
      assertClean('status text', response.statusText);
      assertClean('problem', JSON.stringify(response.problem ?? {}));
    }
  });

  it('the CLI: call (text and JSON) and preview-import (text, JSON, CSV files)', async () => {
    const conn = path.join(dir, 'conn');
    fs.mkdirSync(conn, { recursive: true });
    fs.writeFileSync(path.join(conn, 'TicketStatusJSON.json'), JSON.stringify({ call: [{ name: 'call1', url: `${base}/tickets/1`, httpMethod: 'GET', httpHeaders: HEADERS }] }));
    fs.writeFileSync(path.join(conn, 'ImportAccountEntJSON.json'), JSON.stringify({ accountParams: { call: { call1: {
      callOrder: 0, stageNumber: 0, http: { url: `${base}/contacts`, httpMethod: 'GET', httpHeaders: HEADERS }, listField: 'data', keyField: 'accountID',
      colsToPropsMap: { accountID: 'id~#~char', name: 'email~#~char', displayName: 'name~#~char', customproperty1: 'notes~#~char' } } } } }));
    const run = async (...args: string[]) => {
      const out: string[] = [];
      await main(args, { out: t => out.push(t), err: t => out.push(t), cwd: dir });
      return out.join('\n');
    };
    const target = ['--token-env', 'REDACTION_TOKEN', '--allow-host', '127.0.0.1'];
    assertClean('call text', await run('call', 'conn/TicketStatusJSON.json', ...target));
    assertClean('call json', await run('call', 'conn/TicketStatusJSON.json', ...target, '--format', 'json'));
    assertClean('preview text', await run('preview-import', 'conn', ...target));
    assertClean('preview json', await run('preview-import', 'conn', ...target, '--format', 'json'));
    assertClean('preview csv', await run('preview-import', 'conn', ...target, '--format', 'csv'));
    await run('preview-import', 'conn', ...target, '--format', 'csv', '--out', 'csv');
    for (const file of fs.readdirSync(path.join(dir, 'csv'))) assertClean(file, fs.readFileSync(path.join(dir, 'csv', file), 'utf8'));
  });

  it('the editor\'s views: response document, import preview page and its CSV', async () => {
    const secret = new SecretToken(TOKEN);
    const request = prepareRequest({ method: 'GET', url: `${base}/contacts`, headers: HEADERS }, {}, { token: secret });
    const response = await sendRequest(request, { allowedHosts: ['127.0.0.1'] });
    assertClean('response view', formatResponseDocument({ call: { name: 'call1', attribute: 'ImportAccountEntJSON', responsePaths: [{ role: 'listField', path: 'data' }] }, response, picked: [], token: secret }));
    const preview = await runImport({ ImportAccountEntJSON: fs.readFileSync(path.join(dir, 'conn', 'ImportAccountEntJSON.json'), 'utf8') },
      { token: secret, send: { allowedHosts: ['127.0.0.1'] } });
    assert.ok(preview.accounts.length > 0, JSON.stringify(preview.problems));
    const tables = previewTables(preview);
    assertClean('preview page', importPreviewHtml({ title: 't', preview, tables, problems: [] }));
    for (const table of tables) assertClean(`csv ${table.title}`, tableCsv(table));
  });
});
