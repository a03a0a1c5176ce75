// Import preview against the fake: admins/teams with memberships from team_ids, contacts with
// cursor pagination, the search cursor-in-query loop, de-duplication, caps, cancellation.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runImport, type ImportOptions } from '../../../server/src/core/runner';
import { adminsTeamsImport, contactsImport, fake, followClock, importOptionsFor, logged, searchLoopImport, sendOptionsFor, type FakeIntercom } from './helpers';

let f: FakeIntercom;
before(async () => { f = await fake(); });
after(async () => { await f.close(); });
beforeEach(() => f.reset());

const options = (extra: Partial<ImportOptions> = {}): ImportOptions => importOptionsFor(f, extra);

async function fakeJson(path: string): Promise<any> {
  const res = await fetch(f.url + path, { headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Intercom-Version': '2.15' } });
  return res.json();
}

describe('admins and teams', () => {
  it('maps admins to accounts, teams to entitlements and team_ids to memberships', async () => {
    const admins = (await fakeJson('/admins')).admins as { id: string; name: string; email: string; team_ids: number[]; has_inbox_seat: boolean }[];
    const teams = (await fakeJson('/teams')).teams as { id: string; name: string; admin_ids: number[] }[];
    const preview = await runImport({ ImportAccountEntJSON: JSON.stringify(adminsTeamsImport()) }, options());
    assert.equal(preview.complete, true, JSON.stringify(preview.problems));
    assert.equal(preview.accounts.length, admins.length);
    assert.deepEqual(preview.entitlements.Team.map(r => r.key).sort(), teams.map(t => t.id).sort());

    const owner = preview.accounts.find(a => a.key === admins[0].id)!;
    assert.equal(owner.columns.displayName, admins[0].name);
    assert.equal(owner.columns.customproperty1, String(admins[0].has_inbox_seat));
    assert.equal(owner.columns.customproperty2, admins[0].email.toLowerCase());
    assert.equal(owner.columns.customproperty3, `[${admins[0].team_ids.join(', ')}]`);
    assert.deepEqual(JSON.parse(owner.columns.customproperty31!), { Team: { entIds: admins[0].team_ids.map(String), keyField: 'entitlementID' } });

    // Both sides of the relation agree: admin.team_ids and team.admin_ids.
    const fromTeams = teams.flatMap(t => t.admin_ids.map(a => `${a}→${t.id}`)).sort();
    const fromPreview = preview.memberships.map(m => `${m.accountID}→${m.entitlement}`).sort();
    assert.deepEqual(fromPreview, fromTeams);
    assert.ok(preview.memberships.every(m => m.entType === 'Team' && m.accountKnown && m.entitlementKnown));
    const withoutTeams = admins.find(a => a.team_ids.length === 0);
    if (withoutTeams) assert.equal(preview.accounts.find(a => a.key === withoutTeams.id)!.columns.customproperty31, null);

    // Unicode names round-trip unmangled.
    for (const a of admins) assert.equal(preview.accounts.find(r => r.key === a.id)!.columns.displayName, a.name);
    assert.ok(admins.some(a => /[^\x00-\x7f]/.test(a.name)));

    assert.equal(preview.stats.requests, 2);
    assert.equal(preview.stats.rateLimit.limit, 1667);
    assert.ok(preview.stats.rateLimit.lowestRemaining! < 1667);
  });
});

describe('contacts with cursor pagination', () => {
  it('follows pages.next.starting_after: per_page 150 gives 3 pages and every contact once', async () => {
    const total = (await fakeJson('/contacts?per_page=1')).total_count as number;
    assert.ok(total > 300 && total <= 353, String(total));
    const pages: number[] = [];
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(150) }, options({ onProgress: e => { if (e.type === 'page') pages.push(e.items); } }));
    assert.equal(preview.complete, true, JSON.stringify(preview.problems));
    assert.equal(preview.calls[0].pages, 3);
    assert.deepEqual(pages, [150, 150, total - 300]);
    assert.equal(preview.accounts.length, total);
    assert.equal(new Set(preview.accounts.map(a => a.key)).size, total);
    // Cursors were URL-encoded (a raw "+" would have been refused with 400 client_error).
    assert.ok(logged(f, /^\/contacts$/).every(r => r.status === 200));
  });

  it('per_page 500 is above the documented maximum (150): the preview stops with the 400 and says why', async () => {
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(500) }, options());
    assert.equal(preview.complete, false);
    assert.equal(preview.accounts.length, 0);
    assert.match(JSON.stringify(preview.problems), /per_page/);
  });

  it('de-duplicates by key when pages overlap (unstable ordering)', async () => {
    f.setOptions({ unstableOrdering: true });
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(150) }, options());
    assert.equal(preview.complete, true);
    assert.ok(preview.calls[0].duplicates > 0);
    assert.equal(preview.calls[0].items, preview.accounts.length + preview.calls[0].duplicates);
    assert.equal(new Set(preview.accounts.map(a => a.key)).size, preview.accounts.length);
  });

  it('honours X-RateLimit-Remaining proactively: waits for the reset instead of drawing a 429', async () => {
    f.setRateLimit({ preset: 'tiny' });
    const clock = followClock(f);
    const waits: string[] = [];
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(100) }, options({
      send: sendOptionsFor(f, { clock }),
      onProgress: e => { if (e.type === 'http' && e.event.type === 'rate-limit-wait') waits.push(e.event.message); },
    }));
    assert.equal(preview.complete, true, JSON.stringify(preview.problems));
    assert.equal(preview.calls[0].pages, 4);
    assert.equal(logged(f, /^\/contacts$/).filter(r => r.status === 429).length, 0);
    assert.equal(clock.sleeps.length, 1);
    assert.match(waits[0], /No rate-limit budget left/);
    assert.equal(preview.stats.rateLimit.lowestRemaining, 0);
  });

  it('stops at the page cap and marks the result incomplete', async () => {
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(150) }, options({ maxPages: 2 }));
    assert.equal(preview.complete, false);
    assert.equal(preview.calls[0].stoppedBecause, 'max-pages');
    assert.equal(preview.accounts.length, 300);
  });

  it('keeps partial results when cancelled', async () => {
    const controller = new AbortController();
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(150) }, options({
      signal: controller.signal,
      onProgress: e => { if (e.type === 'page') controller.abort(); },
    }));
    assert.equal(preview.complete, false);
    assert.equal(preview.cancelled, true);
    assert.equal(preview.accounts.length, 150);
    assert.equal(logged(f, /^\/contacts$/).length, 1);
  });

  it('stops cleanly when the token is revoked mid-run', async () => {
    let first = true;
    const preview = await runImport({ ImportAccountEntJSON: contactsImport(150) }, options({
      onProgress: e => { if (e.type === 'page' && first) { first = false; f.revokeToken('tok_valid_us'); } },
    }));
    assert.equal(preview.complete, false);
    assert.equal(preview.accounts.length, 150);
    assert.equal(preview.problems[0].problem?.code, 'token_revoked');
    assert.equal(logged(f, /^\/contacts$/).length, 2);
  });
});

describe('search cursor in the query string', () => {
  it('detects that the same page comes back and stops instead of looping', async () => {
    const preview = await runImport({ ImportAccountEntJSON: searchLoopImport() }, options({ maxPages: 20 }));
    assert.equal(preview.complete, false);
    assert.equal(preview.calls[0].stoppedBecause, 'repeat');
    assert.match(preview.problems[0].message, /cursor belongs in the body/);
    assert.ok(logged(f, /^\/contacts\/search$/).length <= 3);
    assert.equal(preview.accounts.length, 50);
  });
});

describe('import model problems', () => {
  it('reports a missing or invalid ImportAccountEntJSON without calling anything', async () => {
    assert.equal((await runImport({}, options())).complete, false);
    const bad = await runImport({ ImportAccountEntJSON: '{"accountParams": ' }, options());
    assert.match(bad.problems[0].message, /not valid JSON/);
    assert.equal(f.requests.length, 0);
  });

  it('reports a listField that selects nothing, with the nearest key', async () => {
    const json = adminsTeamsImport() as any;
    json.accountParams.call.call1.listField = 'admin';
    const preview = await runImport({ ImportAccountEntJSON: json }, options({ sections: ['accounts'] }));
    assert.equal(preview.complete, false);
    assert.match(preview.problems[0].message, /nearest existing key is "admins"/);
  });
});
