// Contact and ticket search (spec §4.2, §4.6) and cursor rules (spec §5).

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeIntercom, TOKEN_EU, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code } from './helpers.js';

type Query = Record<string, unknown>;

describe('fake Intercom — search and cursors', () => {
  let fake: FakeIntercom;
  const search = (query: unknown, extra: Record<string, unknown> = {}, version?: string) =>
    call(fake, '/contacts/search', { body: { query, ...extra }, version });
  const count = async (query: Query) => {
    const res = await search(query, { pagination: { per_page: 150 } });
    assert.equal(res.status, 200, res.text);
    return res.json.total_count as number;
  };
  const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });

  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('text and number operators', async () => {
    assert.equal(await count(f('email', '=', 'BOBBY+TABLES@example.com')), 1);
    assert.equal(await count(f('email', '~', 'bobby')), 1);
    assert.equal(await count(f('name', '^', 'Zoë')), 1);
    assert.equal(await count(f('email', '$', '@example.com')), await count(f('email', '~', '@example.com')));
    const users = await count(f('role', '=', 'user'));
    const leads = await count(f('role', '=', 'lead'));
    assert.equal(await count(f('role', 'IN', ['user', 'lead'])), users + leads);
    assert.equal(await count(f('role', 'NIN', ['lead'])), users);
    assert.equal(await count(f('role', '!=', 'lead')), users);
    assert.ok((await count(f('owner_id', '>', 0))) > 0);
    assert.ok((await count(f('custom_attributes.department', '=', 'Finance'))) > 0);
    assert.equal(await count({ operator: 'AND', value: [f('role', '=', 'lead'), f('email', '=', null)] }) > 0, true);
  });

  it('tag_id supports only = and !=', async () => {
    assert.ok((await count(f('tag_id', '=', '7001'))) > 0);
    const bad = await search(f('tag_id', 'IN', ['7001']));
    assert.equal(bad.status, 400);
    assert.equal(code(bad), 'parameter_invalid');
  });

  it('dates compare by calendar day in the workspace time zone; > starts the next day', async () => {
    fake.setClock(Date.UTC(2026, 0, 15, 7, 30) / 1000); // 2026-01-14 23:30 in Los Angeles
    await call(fake, '/contacts', { body: { email: 'late.night@example.com' } });
    const mine = (q: Query) => ({ operator: 'AND', value: [f('email', '=', 'late.night@example.com'), q] });
    const jan14 = Date.UTC(2026, 0, 14, 12) / 1000;
    const jan15 = Date.UTC(2026, 0, 15, 12) / 1000;
    assert.equal(await count(mine(f('created_at', '=', jan14))), 1);
    assert.equal(await count(mine(f('created_at', '=', jan15))), 0, 'UTC would say Jan 15');
    assert.equal(await count(mine(f('created_at', '>', jan14))), 0);
    assert.equal(await count(mine(f('created_at', '<', jan15))), 1);
    for (const op of ['!=', '>=', '<=']) {
      const res = await search(f('created_at', op, jan14));
      assert.equal(res.status, 400, op);
      assert.equal(code(res), 'parameter_invalid');
    }
    assert.equal((await search(f('created_at', 'IN', [jan14]))).status, 400);
  });

  it('query shape limits: required query, 2 levels of nesting, 15 filters per group, IN needs an array', async () => {
    const none = await call(fake, '/contacts/search', { body: {} });
    assert.equal(none.status, 400);
    assert.equal(code(none), 'parameter_not_found');
    const deep = { operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [f('role', '=', 'user')] }] }] };
    assert.equal(code(await search(deep)), 'parameter_invalid');
    assert.equal((await search({ operator: 'AND', value: [{ operator: 'OR', value: [f('role', '=', 'user')] }] })).status, 200);
    const wide = { operator: 'OR', value: Array.from({ length: 16 }, (_, i) => f('email', '=', `x${i}@example.com`)) };
    assert.equal(code(await search(wide)), 'parameter_invalid');
    assert.equal((await search({ ...wide, value: wide.value.slice(0, 15) })).status, 200);
    assert.equal(code(await search(f('role', 'IN', 'user'))), 'parameter_invalid');
    assert.equal(code(await search(f('role', 'LIKE', 'user'))), 'parameter_invalid');
    assert.equal(code(await search(f('no_such_field', '=', 'x'))), 'parameter_invalid');
  });

  it('search pagination: default 50, pagination.page ignored, cursor only from the body', async () => {
    const first = await search(f('role', '=', 'user'), { pagination: { page: 3 } });
    assert.equal(first.json.pages.page, 1);
    assert.equal(first.json.pages.per_page, 50);
    assert.equal(first.json.data.length, 50);
    let cursor = first.json.pages.next.starting_after;
    const ids = new Set(first.json.data.map((c: { id: string }) => c.id));
    while (cursor) {
      const page = await search(f('role', '=', 'user'), { pagination: { starting_after: cursor } });
      for (const c of page.json.data) ids.add(c.id);
      cursor = page.json.pages.next?.starting_after;
    }
    assert.equal(ids.size, first.json.total_count);
  });

  it('descending sort and sorting on a text field', async () => {
    const desc = await search(f('role', '=', 'user'), { sort: { field: 'created_at', order: 'descending' } }, '2.16');
    const times = desc.json.data.map((c: { created_at: number }) => c.created_at);
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const byEmail = await search(f('role', '=', 'user'), { sort: { field: 'email', order: 'ascending' } }, '2.16');
    assert.equal(byEmail.status, 200);
    assert.equal(code(await search(f('role', '=', 'user'), { sort: { field: 'tag_id' } }, '2.16')), 'parameter_invalid');
  });

  it('cursors are bound to their endpoint, sort, workspace and (optionally) age', async () => {
    const listCursor = (await call(fake, '/contacts?per_page=5')).json.pages.next.starting_after;
    const inSearch = await search(f('role', '=', 'user'), { pagination: { starting_after: listCursor } });
    assert.equal(code(inSearch), 'client_error');
    const searchCursor = (await search(f('role', '=', 'user'), { pagination: { per_page: 5 } }, '2.16')).json.pages.next.starting_after;
    const otherSort = await search(f('role', '=', 'user'), { pagination: { starting_after: searchCursor }, sort: { field: 'email' } }, '2.16');
    assert.equal(code(otherSort), 'client_error');
    const inList = await call(fake, `/contacts?starting_after=${encodeURIComponent(searchCursor)}`);
    assert.equal(code(inList), 'client_error');
    const euCursor = (await call(fake, '/contacts?per_page=5', { token: TOKEN_EU })).json.pages.next.starting_after;
    assert.equal(code(await call(fake, `/contacts?starting_after=${encodeURIComponent(euCursor)}`)), 'client_error');
    const tampered = listCursor.slice(0, 10) + (listCursor[10] === 'A' ? 'B' : 'A') + listCursor.slice(11);
    assert.equal(code(await call(fake, `/contacts?starting_after=${encodeURIComponent(tampered)}`)), 'client_error');
    fake.setOptions({ cursorTtlSeconds: 60 });
    const fresh = (await call(fake, '/contacts?per_page=5')).json.pages.next.starting_after;
    assert.equal((await call(fake, `/contacts?starting_after=${encodeURIComponent(fresh)}`)).status, 200);
    fake.advanceClock(61);
    assert.equal(code(await call(fake, `/contacts?starting_after=${encodeURIComponent(fresh)}`)), 'client_error');
  });

  it('per_page: 0, negative or non-numeric → 400; the last page has no next (or next: null when asked)', async () => {
    for (const bad of ['0', '-5', 'ten']) {
      const res = await call(fake, `/contacts?per_page=${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(code(res), 'parameter_invalid');
    }
    const all = await call(fake, '/contacts?per_page=150');
    const total = all.json.total_count;
    const lastSearch = await search(f('email', '=', 'zoe.angstrom@example.com'));
    assert.ok(!('next' in lastSearch.json.pages));
    fake.setOptions({ lastPageNextNull: true });
    assert.equal((await search(f('email', '=', 'zoe.angstrom@example.com'))).json.pages.next, null);
    assert.equal(all.json.pages.total_pages, Math.ceil(total / 150));
  });

  it('ticket search: state (not ticket_state), categories request/task/tracker, default 20 per page', async () => {
    const tsearch = (query: unknown, pagination?: unknown) =>
      call(fake, '/tickets/search', { version: '2.15', body: { query, ...(pagination ? { pagination } : {}) } });
    const wrongField = await tsearch(f('ticket_state', '=', 'resolved'));
    assert.equal(wrongField.status, 400);
    assert.equal(code(wrongField), 'parameter_invalid');
    const everything = { operator: 'OR', value: [f('open', '=', true), f('open', '=', false)] };
    const all = await tsearch(everything);
    assert.equal(all.json.type, 'ticket.list');
    assert.equal(all.json.pages.per_page, 20);
    assert.equal(all.json.tickets.length, 20);
    assert.equal(all.json.total_count, 25);
    const rest = await tsearch(everything, { starting_after: all.json.pages.next.starting_after });
    assert.equal(rest.json.tickets.length, 5);
    const resolved = await tsearch(f('state', '=', 'resolved'));
    assert.ok(resolved.json.tickets.every((t: { ticket_state: { category: string } }) => t.ticket_state.category === 'resolved'));
    const tasks = (await tsearch(f('category', '=', 'task'))).json.total_count;
    const requests = (await tsearch(f('category', '=', 'request'))).json.total_count;
    const trackers = (await tsearch(f('category', '=', 'tracker'))).json.total_count;
    assert.equal(tasks + requests + trackers, 25);
    assert.ok(tasks > 0 && requests > 0 && trackers > 0);
    const ticket = (await call(fake, '/tickets/631', { version: '2.15' })).json;
    const byContact = await tsearch(f('contact_ids', '=', ticket.contacts.contacts[0].id));
    assert.ok(byContact.json.tickets.some((t: { id: string }) => t.id === '631'));
    const byAttr = await tsearch(f('ticket_attribute.303', '=', 'Viewer'));
    assert.ok(byAttr.json.total_count > 0);
  });
});
