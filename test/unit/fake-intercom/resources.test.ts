// Resource behaviour: /me, admins, teams, tags, contacts, companies (spec §4.1–4.4, §9).

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED_US, startFakeIntercom, TOKEN_US, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code, listAllContactIds } from './helpers.js';

describe('fake Intercom — admins, teams, tags, contacts, companies', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('/me: the owner admin, an avatar object and the app with region and time zone', async () => {
    const me = (await call(fake, '/me')).json;
    assert.equal(me.type, 'admin');
    assert.equal(me.id, SEED_US.ownerAdminId);
    assert.equal(me.avatar.type, 'avatar');
    assert.deepEqual(
      { type: me.app.type, id_code: me.app.id_code, region: me.app.region, timezone: me.app.timezone },
      { type: 'app', id_code: 'ws_us1', region: 'US', timezone: 'America/Los_Angeles' },
    );
  });

  it('admins: complete list, avatar only with display_avatar=true, the seeded oddities', async () => {
    const list = (await call(fake, '/admins')).json;
    assert.equal(list.type, 'admin.list');
    assert.equal(list.admins.length, 7);
    assert.ok(list.admins.every((a: object) => !('avatar' in a)));
    assert.ok(list.admins.some((a: { team_ids: number[] }) => a.team_ids.length === 0));
    assert.ok(list.admins.some((a: { team_ids: number[] }) => a.team_ids.length === 3));
    assert.ok(list.admins.some((a: { has_inbox_seat: boolean }) => !a.has_inbox_seat));
    assert.ok(list.admins.some((a: { away_mode_enabled: boolean; away_status_reason_id: number | null }) => a.away_mode_enabled && a.away_status_reason_id));
    assert.ok(list.admins.some((a: { email: string }) => a.email.includes('+')));
    assert.ok(list.admins.some((a: { email: string }) => /[A-Z]/.test(a.email)));
    const withAvatar = (await call(fake, '/admins?display_avatar=true')).json;
    assert.ok(withAvatar.admins.every((a: object) => 'avatar' in a));
    const one = await call(fake, '/admins/1001002');
    assert.equal(one.json.name, 'Zoë Ångström');
    for (const bad of ['abc', '999']) {
      const res = await call(fake, `/admins/${bad}`);
      assert.equal(res.status, 404);
      assert.equal(code(res), 'admin_not_found');
    }
  });

  it('PUT /admins/{id}/away validates both booleans and reasons', async () => {
    const put = (id: string, body: unknown) => call(fake, `/admins/${id}/away`, { method: 'PUT', body });
    const ok = await put('1001002', { away_mode_enabled: true, away_mode_reassign: false, away_status_reason_id: 12346 });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.away_mode_enabled, true);
    assert.equal(ok.json.away_status_reason_id, 12346);
    assert.equal((await put('1001002', { away_mode_enabled: true })).status, 400);
    const deleted = await put('1001002', { away_mode_enabled: true, away_mode_reassign: true, away_status_reason_id: 12399 });
    assert.equal(code(deleted), 'parameter_invalid');
    assert.equal(deleted.json.errors[0].message, 'Away status reason is deleted');
    const unknown = await put('42', { away_mode_enabled: false, away_mode_reassign: false });
    assert.equal(code(unknown), 'admin_not_found');
    assert.equal(unknown.json.errors[0].message, 'Admin for admin_id not found');
    fake.configureWorkspace('us', { awayReasonRequired: true });
    const mandatory = await put('1001002', { away_mode_enabled: true, away_mode_reassign: false });
    assert.equal(code(mandatory), 'away_status_reason_mandatory');
  });

  it('teams: one empty team; membership agrees with admins; unknown → team_not_found', async () => {
    const teams = (await call(fake, '/teams')).json.teams;
    assert.ok(teams.some((t: { admin_ids: number[] }) => t.admin_ids.length === 0));
    const admins = (await call(fake, '/admins')).json.admins;
    for (const t of teams) {
      for (const id of t.admin_ids) {
        assert.ok(admins.find((a: { id: string }) => a.id === String(id)).team_ids.includes(Number(t.id)));
      }
    }
    assert.equal((await call(fake, `/teams/${teams[0].id}`)).json.name, teams[0].name);
    assert.equal(code(await call(fake, '/teams/1')), 'team_not_found');
  });

  it('tags: create or return by name, rename, tag users, refuse bad bodies, segment tag undeletable', async () => {
    const list = (await call(fake, '/tags')).json;
    assert.ok(list.data.some((t: { name: string }) => t.name === 'Équipe données 🚀 (EU)'));
    const again = await call(fake, '/tags', { body: { name: 'VIP' } });
    assert.equal(again.json.id, '7001');
    const renamed = await call(fake, '/tags', { body: { id: '7002', name: 'Beta ✓' } });
    assert.equal((await call(fake, '/tags/7002')).json.name, renamed.json.name);
    const contactId = (await listAllContactIds(fake, 150))[0];
    const tagged = await call(fake, '/tags', { body: { name: 'Bulk', users: [{ id: contactId }, { id: 'nope' }] } });
    assert.deepEqual(tagged.json.users.map((u: { tagged: boolean }) => u.tagged), [true, false]);
    const bad = await call(fake, '/tags', { body: { name: 'x', colour: 'red' } });
    assert.equal(code(bad), 'parameter_invalid');
    assert.equal(bad.json.errors[0].message, 'invalid tag parameters');
    const segment = await call(fake, `/tags/${SEED_US.segmentTagId}`, { method: 'DELETE' });
    assert.equal(segment.status, 400);
    assert.equal(code(segment), 'tag_has_dependent_objects');
    const del = await call(fake, '/tags/7003', { method: 'DELETE' });
    assert.equal(del.status, 200);
    assert.equal(del.text, '');
    assert.equal(code(await call(fake, '/tags/7003')), 'not_found');
  });

  it('contacts: create validation, update conflicts, archive, delete', async () => {
    assert.equal(code(await call(fake, '/contacts', { body: { name: 'Nobody' } })), 'parameter_invalid');
    assert.equal(code(await call(fake, '/contacts', { body: { role: 'admin' } })), 'parameter_invalid');
    assert.equal(code(await call(fake, '/contacts', { body: { email: 'a@example.com', custom_attributes: { shoe_size: 9 } } })), 'parameter_invalid');
    const created = await call(fake, '/contacts', { body: { email: 'new.person@example.com', custom_attributes: { department: 'Legal' }, owner_id: 1001002 } });
    assert.equal(created.json.owner_id, 1001002);
    const id = created.json.id;
    assert.match(id, /^[0-9a-f]{24}$/);
    const clash = await call(fake, `/contacts/${id}`, { method: 'PUT', body: { email: 'zoe.angstrom@example.com' } });
    assert.equal(clash.status, 409);
    const updated = await call(fake, `/contacts/${id}`, { method: 'PUT', body: { name: 'Renamed' } });
    assert.equal(updated.json.name, 'Renamed');
    assert.equal(updated.json.custom_attributes.department, 'Legal');
    const archived = await call(fake, `/contacts/${id}/archive`, { body: {} });
    assert.deepEqual(archived.json, { type: 'contact', id, external_id: null, archived: true });
    assert.equal((await call(fake, `/contacts/${id}/archive`, { body: {} })).status, 200, 'idempotent');
    assert.equal((await call(fake, `/contacts/${id}`)).json.archived, true, 'still retrievable');
    assert.ok(!(await listAllContactIds(fake, 150)).includes(id), 'not listed');
    const dupArchived = await call(fake, '/contacts', { body: { email: 'new.person@example.com' } });
    assert.equal(dupArchived.status, 409);
    assert.equal(code(dupArchived), 'conflict');
    await call(fake, `/contacts/${id}/unarchive`, { body: {} });
    const deleted = await call(fake, `/contacts/${id}`, { method: 'DELETE' });
    assert.deepEqual(deleted.json, { type: 'contact', id, external_id: null, deleted: true });
    const again = await call(fake, `/contacts/${id}`, { method: 'DELETE' });
    assert.equal(again.status, 404);
    assert.equal(again.json.errors[0].message, 'User Not Found');
  });

  it('contacts: the seed has 353 with archived, blocked and merged ones left out of lists', async () => {
    const ws = fake.state.workspace('us');
    assert.equal(ws.contacts.length, SEED_US.contactCount);
    const listed = await listAllContactIds(fake, 150);
    const hidden = ws.contacts.filter((c) => c.archived || c.blocked || c.mergedInto);
    assert.ok(hidden.some((c) => c.archived) && hidden.some((c) => c.blocked) && hidden.some((c) => c.mergedInto));
    assert.equal(listed.length, SEED_US.contactCount - hidden.length);
    assert.ok(ws.contacts.some((c) => c.role === 'lead' && c.email === null));
  });

  it('tags on a contact: embedded list shows 10 with has_more; sub-resource 404s', async () => {
    const ws = fake.state.workspace('us');
    const twelve = ws.contacts.find((c) => c.tagIds.length === 12);
    assert.ok(twelve);
    const c = (await call(fake, `/contacts/${twelve.id}`)).json;
    assert.equal(c.tags.data.length, 10);
    assert.equal(c.tags.total_count, 12);
    assert.equal(c.tags.has_more, true);
    const all = await call(fake, c.tags.url.slice(fake.url.length));
    assert.equal(all.json.data.length, 12);
    const other = ws.contacts.find((x) => x.tagIds.length === 0 && !x.archived && !x.mergedInto && !x.blocked);
    assert.ok(other);
    assert.equal((await call(fake, `/contacts/${other.id}/tags`, { body: { id: '7001' } })).json.id, '7001');
    const noUser = await call(fake, '/contacts/000000000000000000000000/tags', { body: { id: '7001' } });
    assert.equal(noUser.json.errors[0].message, 'User Not Found');
    const noTag = await call(fake, `/contacts/${other.id}/tags`, { body: { id: '1' } });
    assert.equal(noTag.json.errors[0].message, 'Resource Not Found');
    const removed = await call(fake, `/contacts/${other.id}/tags/7001`, { method: 'DELETE' });
    assert.equal(removed.json.name, 'VIP');
    assert.deepEqual((await call(fake, `/contacts/${other.id}/tags`)).json, { type: 'list', data: [] });
  });

  it('the "empty" seed keeps workspaces and tokens but no data', async () => {
    fake.reset({ seed: 'empty' });
    assert.equal((await call(fake, '/admins')).json.admins.length, 1);
    assert.equal((await call(fake, '/contacts')).json.total_count, 0);
    assert.deepEqual((await call(fake, '/tags')).json.data, []);
    assert.equal((await call(fake, '/me', { token: 'tok_missing_scopes' })).status, 200);
    fake.reset();
    assert.equal((await call(fake, '/admins')).json.admins.length, 7, 'a plain reset goes back to the start-up seed');
  });

  it('companies: list hides companies without users; lookups; scroll; strict create keys', async () => {
    const list = (await call(fake, '/companies')).json;
    assert.equal(list.type, 'list');
    assert.ok(list.data.every((c: { name: string }) => !c.name.includes('no users')));
    assert.equal(list.pages.next, null);
    const found = await call(fake, '/companies?company_id=acme-001');
    assert.equal(found.json.data[0].name, 'Acme Corp');
    const missing = await call(fake, '/companies?company_id=nope');
    assert.equal(code(missing), 'company_not_found');
    const bad = await call(fake, '/companies', { body: { company_id: 'x', colour: 'red' } });
    assert.equal(code(bad), 'bad_request');
    const s1 = (await call(fake, '/companies/scroll')).json;
    assert.ok(s1.data.length > 0);
    assert.equal((await call(fake, '/companies/scroll')).status, 400, 'one scroll at a time');
    const s2 = (await call(fake, `/companies/scroll?scroll_param=${s1.scroll_param}`)).json;
    assert.deepEqual(s2.data, []);
    assert.equal((await call(fake, `/companies/scroll?scroll_param=${s1.scroll_param}`)).status, 404, 'dead after the end');
    fake.setOptions({ scroll500AfterNPages: 1 });
    const first = (await call(fake, '/companies/scroll')).json;
    const broken = await call(fake, `/companies/scroll?scroll_param=${first.scroll_param}`);
    assert.equal(broken.status, 500);
    assert.equal((await call(fake, '/companies/scroll')).status, 200, 'a new scroll can start after the failure');
    const upsert = await call(fake, '/companies', { body: { company_id: 'acme-001', name: 'Acme Corporation' } });
    assert.equal(upsert.json.id, found.json.data[0].id);
    assert.equal(
      (await call(fake, `/companies/${upsert.json.id}`, { method: 'DELETE', token: TOKEN_US })).json.deleted,
      true,
    );
  });
});
