// A preview never writes: it sends GETs and POSTs to Intercom's read-only search/list endpoints;
// any other call is refused with a message naming it, or (editor) asked about first.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runImport, type ImportOptions } from '../../../server/src/core/runner';
import { previewVerdict } from '../../../server/src/core/runner/previewPolicy';
import { prepareRequest } from '../../../server/src/core/runner/request';
import { READ_ONLY_POSTS } from '../../../server/src/core/intercom/readOnlyEndpoints';
import { allEndpoints, endpointByKey } from '../../../server/src/core/intercom/catalog';
import { main } from '../../../server/src/cli';
import { PREVIEW_IMPORT_USAGE } from '../../../server/src/cli/previewImport';
import { fake, headers, hostOf, importOptionsFor, logged, oneCallAccountParams, searchLoopImport, type FakeIntercom } from './helpers';

let f: FakeIntercom;
before(async () => { f = await fake(); });
after(async () => { await f.close(); });
beforeEach(() => f.reset());

const options = (extra: Partial<ImportOptions> = {}): ImportOptions => importOptionsFor(f, extra);

/** An import whose account call is `method url` with a body. */
function importWith(method: string, url: string, body = '{"email":"preview-created@example.com","role":"user"}'): string {
  return JSON.stringify({
    accountParams: oneCallAccountParams({
      http: { url, httpMethod: method, httpHeaders: headers(), httpContentType: 'application/json', httpParams: body },
      listField: 'data', keyField: 'accountID', colsToPropsMap: { accountID: 'id~#~char', name: 'email~#~char' },
    }),
  });
}

describe('which calls a preview may send', () => {
  const verdict = (method: string, url: string, baseUrl?: string) =>
    previewVerdict(prepareRequest({ method, url, headers: {} }, {}, { baseUrl }), { baseUrl });

  it('GET reads; POST to a search or list endpoint of Intercom reads', () => {
    assert.equal(verdict('GET', 'https://api.intercom.io/contacts').readOnly, true);
    for (const p of ['/contacts/search', '/conversations/search', '/tickets/search', '/companies/list']) {
      assert.equal(verdict('POST', `https://api.intercom.io${p}`).readOnly, true, p);
      assert.equal(verdict('POST', `https://api.eu.intercom.io${p}?starting_after=x`).readOnly, true, p);
    }
  });

  it('POST to a create, merge or unknown endpoint writes; so do PUT, PATCH and DELETE', () => {
    for (const [m, u] of [['POST', 'https://api.intercom.io/contacts'], ['POST', 'https://api.intercom.io/contacts/merge'],
      ['POST', 'https://api.intercom.io/tickets'], ['POST', 'https://api.intercom.io/contacts/search/extra'],
      ['POST', 'https://api.intercom.io/tags'], ['PUT', 'https://api.intercom.io/contacts/1'],
      ['PATCH', 'https://api.intercom.io/contacts/1'], ['DELETE', 'https://api.intercom.io/contacts/1'],
      ['DELETEWITHBODY', 'https://api.intercom.io/contacts/1']]) {
      const v = verdict(m, u);
      assert.equal(v.readOnly, false, `${m} ${u}`);
      assert.ok(v.reason && v.reason.length > 10, `${m} ${u} has a reason`);
    }
  });

  it('a search path on a host that is not Intercom is not known to be read-only', () => {
    assert.equal(verdict('POST', 'https://example.com/contacts/search').readOnly, false);
    assert.equal(verdict('POST', 'http://api.intercom.io/contacts/search').readOnly, false, 'not over https');
    // …unless the user pointed calls at that host as Intercom's stand-in (the base URL, e.g. the fake).
    assert.equal(verdict('POST', 'https://api.intercom.io/contacts/search', 'http://127.0.0.1:9/__region/eu').readOnly, true);
    assert.equal(verdict('POST', 'https://api.intercom.io/contacts', 'http://127.0.0.1:9').readOnly, false);
  });

  it('the list is data from the catalog: every entry is a POST of the spec, and every POST the spec calls a search or list is in it', () => {
    for (const key of READ_ONLY_POSTS) assert.equal(endpointByKey(key)?.method, 'POST', key);
    const searches = allEndpoints().filter(e => e.method === 'POST' && /^(search|list)\b/i.test(e.summary)).map(e => e.key).sort();
    assert.deepEqual([...READ_ONLY_POSTS].sort(), searches);
  });
});

describe('runImport', () => {
  it('refuses a POST that creates, naming the call, and sends nothing', async () => {
    const preview = await runImport({ ImportAccountEntJSON: importWith('POST', 'https://api.intercom.io/contacts') }, options());
    assert.equal(preview.complete, false);
    assert.equal(logged(f, /^\/contacts/).length, 0, 'no request reached the fake');
    assert.equal(preview.problems.length, 1);
    const message = preview.problems[0].message;
    assert.match(message, /ImportAccountEntJSON › call1/);
    assert.match(message, new RegExp(`POST ${f.url.replace(/[.]/g, '\\.')}/contacts\\b`));
    assert.match(message, /not sent/);
    assert.equal(preview.calls[0].stoppedBecause, 'refused');
  });

  it('still sends a POST search', async () => {
    const preview = await runImport({ ImportAccountEntJSON: JSON.stringify(searchLoopImport()) }, options());
    assert.ok(logged(f, /^\/contacts\/search$/, 'POST').length >= 1);
    assert.ok(preview.accounts.length > 0);
  });

  it('re-checks every page: a next-page URL that points at a create endpoint is refused', async () => {
    const doc = JSON.parse(JSON.stringify(searchLoopImport()));
    doc.accountParams.call.call1.pagination = { nextUrl: { nextUrlPath: "${'https://api.intercom.io/contacts'}" } };
    const preview = await runImport({ ImportAccountEntJSON: JSON.stringify(doc) }, options());
    assert.equal(logged(f, /^\/contacts$/, 'POST').length, 0, 'the create endpoint was never called');
    assert.equal(preview.complete, false);
    assert.match(preview.problems[0].message, /POST .*\/contacts\b.*not sent|not sent.*POST .*\/contacts\b/s);
  });

  it('asks confirmWrite (the editor) once per call, and sends only when it says yes', async () => {
    const asked: { label: string; method: string; url: string }[] = [];
    const declined = await runImport({ ImportAccountEntJSON: importWith('POST', 'https://api.intercom.io/contacts') },
      options({ confirmWrite: async q => { asked.push(q); return false; } }));
    assert.equal(asked.length, 1);
    assert.equal(asked[0].label, 'ImportAccountEntJSON › call1');
    assert.equal(asked[0].method, 'POST');
    assert.ok(asked[0].url.endsWith('/contacts'));
    assert.equal(logged(f, /^\/contacts$/, 'POST').length, 0);
    assert.match(declined.problems[0].message, /not confirmed|not sent/);

    const accepted = await runImport({ ImportAccountEntJSON: importWith('POST', 'https://api.intercom.io/contacts') },
      options({ confirmWrite: async () => true }));
    assert.equal(logged(f, /^\/contacts$/, 'POST').length, 1, 'sent once, after the yes');
    assert.ok(accepted.calls[0].requests >= 1);
  });
});

describe('preview-import (CLI)', () => {
  it('refuses the write with a message naming call, method and URL, exit 1, nothing sent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-policy-'));
    try {
      fs.writeFileSync(path.join(dir, 'ImportAccountEntJSON.json'), importWith('POST', 'https://api.intercom.io/contacts'));
      process.env.PREVIEW_POLICY_TOKEN = 'tok_valid_us';
      const out: string[] = [], err: string[] = [];
      const code = await main(['preview-import', dir, '--base-url', f.url, '--token-env', 'PREVIEW_POLICY_TOKEN', '--allow-host', hostOf(f)],
        { out: t => out.push(t), err: t => err.push(t), cwd: dir });
      assert.equal(code, 1);
      assert.equal(logged(f, /^\/contacts/).length, 0);
      assert.match(err.join('\n'), /ImportAccountEntJSON › call1.*POST http:\/\/127\.0\.0\.1:\d+\/contacts/s);
    } finally {
      delete process.env.PREVIEW_POLICY_TOKEN;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the help says exactly what is sent', () => {
    assert.doesNotMatch(PREVIEW_IMPORT_USAGE, /POST calls to search endpoints\)/);
    for (const p of READ_ONLY_POSTS) assert.ok(PREVIEW_IMPORT_USAGE.includes(p.replace(/^POST /, '')), p);
    assert.match(PREVIEW_IMPORT_USAGE, /refused/);
  });
});
