// Tickets: creation details, update rules, jobs, tags, ticket types and the seeded ticket data.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED_US, startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code } from './helpers.js';

const V = '2.15';

describe('fake Intercom — tickets', () => {
  let fake: FakeIntercom;
  let applicationIds: string[] = [];
  const create = (body: Record<string, unknown>, version = V) => call(fake, '/tickets', { version, body });
  const base = (extra: Record<string, unknown> = {}) => ({
    ticket_type_id: SEED_US.accessRequestTypeId,
    contacts: [{ email: 'zoe.angstrom@example.com' }],
    ticket_attributes: { _default_title_: 'Access', ...((extra.attrs as object) ?? {}) },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'attrs')),
  });

  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
    const type = (await call(fake, `/ticket_types/${SEED_US.accessRequestTypeId}`, { version: V })).json;
    const app = type.ticket_type_attributes.data.find((a: { name: string }) => a.name === 'Application');
    applicationIds = app.input_options.list_options.map((o: { id: string }) => o.id);
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('the seed: ~25 tickets, a Back-office "Access request" type with the expected attributes', async () => {
    const types = (await call(fake, '/ticket_types', { version: V })).json.data;
    const access = types.find((t: { id: string }) => t.id === SEED_US.accessRequestTypeId);
    assert.equal(access.category, 'Back-office');
    const attrs = Object.fromEntries(access.ticket_type_attributes.data.map((a: { name: string }) => [a.name, a]));
    assert.equal(attrs._default_title_.required_to_create, true);
    assert.ok(attrs._default_description_);
    assert.equal(attrs.Application.data_type, 'list');
    assert.match(applicationIds[0], /^[0-9a-f-]{36}$/);
    assert.equal(attrs['Requested role'].required_to_create, false);
    assert.ok(types.some((t: { archived: boolean }) => t.archived));
    assert.ok(types.some((t: { category: string }) => t.category === 'Customer'));
    assert.equal(fake.state.workspace('us').tickets.length, 25);
  });

  it('a created ticket: new id and separate number, submitted state, open, one string-state part', async () => {
    const res = await create(base({ attrs: { Application: applicationIds[1], 'Requested role': 'Editor' } }), '2.16');
    assert.equal(res.status, 200);
    const t = res.json;
    assert.notEqual(t.id, t.ticket_id);
    assert.equal(t.ticket_state.category, 'submitted');
    assert.equal(t.open, true);
    assert.equal(t.category, 'Back-office');
    assert.equal(t.admin_assignee_id, 0);
    assert.equal(t.ticket_parts.ticket_parts.length, 1);
    assert.equal(t.ticket_parts.ticket_parts[0].part_type, 'ticket_state_updated_by_admin');
    assert.equal(t.ticket_parts.ticket_parts[0].ticket_state, 'submitted');
    assert.equal(t.previous_ticket_state_id, null);
    const next = (await create(base(), '2.16')).json;
    assert.equal(Number(next.ticket_id), Number(t.ticket_id) + 1);
  });

  it('create validation order and codes', async () => {
    assert.equal(code(await create({ contacts: [{ email: 'a@example.com' }] })), 'parameter_not_found');
    assert.equal((await create(base({ ticket_type_id: 88 }))).status, 404);
    assert.equal(code(await create(base({ ticket_type_id: Number(SEED_US.archivedTypeId) }))), 'parameter_invalid');
    assert.equal(code(await create(base({ contacts: [] }))), 'parameter_not_found');
    assert.equal((await create(base({ contacts: [{ external_id: 'nobody' }] }))).status, 404);
    const label = await create(base({ attrs: { Application: 'Workday' } }));
    assert.equal(code(label), 'parameter_invalid', 'a list value must be an item id, not its label');
    const mismatch = await create(base({ attrs: { 'Duration (days)': 'ten' } }));
    assert.equal(mismatch.status, 400);
    assert.equal(code(mismatch), 'type_mismatch');
    const ok = await create(base({ ticket_type_id: Number(SEED_US.accessRequestTypeId), attrs: { 'Duration (days)': 10 } }));
    assert.equal(ok.status, 200, 'a numeric ticket_type_id is accepted');
    const company = await create(base({ company_id: 'acme-001', contacts: [{ email: 'someone.new@example.com' }] }));
    assert.equal(code(company), 'parameter_invalid');
  });

  it('failed validation creates no contact for an unknown e-mail', async () => {
    const before = fake.state.workspace('us').contacts.length;
    await create(base({ contacts: [{ email: 'ghost@example.com' }], ticket_attributes: { title: 'x' } }));
    assert.equal(fake.state.workspace('us').contacts.length, before);
  });

  it('lenient_unknown_attributes drops unknown keys instead of failing', async () => {
    fake.setOptions({ lenientUnknownAttributes: true });
    const res = await create(base({ attrs: { title: 'x', description: 'y' } }));
    assert.equal(res.status, 200);
    assert.ok(!('title' in res.json.ticket_attributes));
  });

  it('assignment on create (2.14+) and open:false on update', async () => {
    const assigned = await create(base({ assignment: { admin_assignee_id: 1001002, team_assignee_id: 5101 } }), '2.16');
    assert.equal(assigned.json.admin_assignee_id, 1001002);
    assert.equal(assigned.json.team_assignee_id, 5101);
    const unknown = await create(base({ assignment: { admin_assignee_id: 5 } }), '2.16');
    assert.equal(code(unknown), 'assignee_not_found');
    const closed = await call(fake, `/tickets/${assigned.json.id}`, { method: 'PUT', version: V, body: { open: false } });
    assert.equal(closed.json.open, false);
    assert.ok(!('snoozed_until' in closed.json), 'not snoozed → no snoozed_until');
    const v211 = await call(fake, '/tickets/631', { method: 'PUT', version: '2.11', body: { ticket_state_id: SEED_US.stateIds.resolved } });
    assert.equal(code(v211), 'parameter_invalid');
    const v215 = await call(fake, '/tickets/631', { method: 'PUT', version: V, body: { state: 'resolved' } });
    assert.equal(code(v215), 'parameter_invalid');
    const missing = await call(fake, '/tickets/99999', { method: 'PUT', version: V, body: { open: false } });
    assert.equal(code(missing), 'ticket_not_found');
  });

  it('a state change appends a part and records the previous state', async () => {
    const res = await call(fake, '/tickets/631', { method: 'PUT', version: '2.16', body: { ticket_state_id: SEED_US.stateIds.in_progress, admin_id: 1001002 } });
    const parts = res.json.ticket_parts.ticket_parts;
    const last = parts.at(-1);
    assert.deepEqual([last.previous_ticket_state, last.ticket_state], ['submitted', 'in_progress']);
    assert.equal(last.author.id, '1001002');
    assert.equal(res.json.previous_ticket_state_id, SEED_US.stateIds.submitted);
  });

  it('enqueue returns a pending job whose URL polls to success with the ticket id', async () => {
    const job = await call(fake, '/tickets/enqueue', { version: '2.14', body: base() });
    assert.equal(job.json.type, 'job');
    assert.equal(job.json.status, 'pending');
    assert.equal(job.json.resource_id, null);
    assert.equal(job.json.url, `${fake.url}/jobs/status/${job.json.id}`);
    const path = job.json.url.slice(fake.url.length);
    assert.equal((await call(fake, path, { version: '2.14' })).json.status, 'pending');
    fake.advanceClock(2);
    const done = (await call(fake, path, { version: '2.14' })).json;
    assert.equal(done.status, 'success');
    assert.equal((await call(fake, `/tickets/${done.resource_id}`, { version: V })).status, 200);
    const invalid = await call(fake, '/tickets/enqueue', { version: '2.14', body: base({ ticket_attributes: {} }) });
    assert.equal(invalid.json.errors[0].message, 'Missing required ticket attributes');
    const regional = await call(fake, '/tickets/enqueue', { version: '2.14', body: base(), base: fake.urls.us });
    assert.ok(regional.json.url.startsWith(`${fake.urls.us}/jobs/status/`));
  });

  it('ticket tags need id and admin_id; unknown ticket → ticket_not_found', async () => {
    assert.equal(code(await call(fake, '/tickets/631/tags', { version: V, body: { id: '7001' } })), 'parameter_not_found');
    const unknown = await call(fake, '/tickets/99999/tags', { version: V, body: { id: '7001', admin_id: '1001001' } });
    assert.equal(code(unknown), 'ticket_not_found');
    assert.equal(unknown.json.errors[0].message, 'Ticket not found');
    const tagged = await call(fake, '/tickets/631/tags', { version: V, body: { id: '7001', admin_id: '1001001' } });
    assert.deepEqual([tagged.json.id, tagged.json.applied_by.id], ['7001', '1001001']);
    const untagged = await call(fake, '/tickets/631/tags/7001', { method: 'DELETE', version: V, body: { admin_id: '1001001' } });
    assert.equal(untagged.json.id, '7001');
  });

  it('ticket types: create with default attributes, add attributes with validation', async () => {
    assert.equal(code(await call(fake, '/ticket_types', { version: V, body: {} })), 'parameter_not_found');
    const type = await call(fake, '/ticket_types', { version: V, body: { name: 'Laptop', category: 'Back-office' } });
    const names = type.json.ticket_type_attributes.data.map((a: { name: string }) => a.name);
    assert.deepEqual(names, ['_default_title_', '_default_description_']);
    assert.equal(type.json.ticket_states.data.length, 4);
    const id = type.json.id;
    const badType = await call(fake, `/ticket_types/${id}/attributes`, { version: V, body: { name: 'X', description: 'x', data_type: 'colour' } });
    assert.equal(code(badType), 'parameter_invalid');
    const noItems = await call(fake, `/ticket_types/${id}/attributes`, { version: V, body: { name: 'X', description: 'x', data_type: 'list' } });
    assert.equal(code(noItems), 'parameter_invalid');
    const list = await call(fake, `/ticket_types/${id}/attributes`, { version: V, body: { name: 'Model', description: 'Model', data_type: 'list', list_items: 'Air, Pro' } });
    assert.deepEqual(list.json.input_options.list_options.map((o: { label: string }) => o.label), ['Air', 'Pro']);
    assert.equal(code(await call(fake, '/ticket_types/999', { version: V })), 'not_found');
  });
});
