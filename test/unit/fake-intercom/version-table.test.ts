// Golden tests for the version switch table of spec §3, row by row.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED_US, startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code } from './helpers.js';

const S = SEED_US.stateIds;

describe('fake Intercom — version switch table (spec §3)', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  const unavailable = async (path: string, version: string, opts: { method?: string; body?: unknown } = {}) => {
    const res = await call(fake, path, { version, ...opts });
    assert.equal(res.status, 400, `${opts.method ?? 'GET'} ${path} on ${version}`);
    assert.equal(code(res), 'intercom_version_invalid');
  };

  it('ticket endpoints: 400 up to 2.8, served from 2.9', async () => {
    await unavailable('/tickets/631', '2.8');
    await unavailable('/ticket_types', '1.4');
    assert.equal((await call(fake, '/tickets/631', { version: '2.9' })).status, 200);
    assert.equal((await call(fake, '/ticket_types', { version: '2.9' })).status, 200);
  });

  it('POST /tickets/search and ticket tags: 400 on 2.9, served from 2.10', async () => {
    const search = { query: { field: 'open', operator: '=', value: true } };
    await unavailable('/tickets/search', '2.9', { body: search });
    await unavailable('/tickets/631/tags', '2.9', { body: { id: '7001', admin_id: '1001001' } });
    assert.equal((await call(fake, '/tickets/search', { version: '2.10', body: search })).status, 200);
    assert.equal((await call(fake, '/tickets/631/tags', { version: '2.10', body: { id: '7001', admin_id: '1001001' } })).status, 200);
  });

  it('ticket.ticket_state: string with labels ≤2.11, object 2.12–2.15, plus previous_ticket_state_id on 2.16', async () => {
    const v211 = (await call(fake, '/tickets/633', { version: '2.11' })).json;
    assert.equal(v211.ticket_state, 'resolved');
    assert.equal(v211.ticket_state_internal_label, 'Access granted');
    assert.equal(typeof v211.ticket_state_external_label, 'string');
    assert.ok(!('previous_ticket_state_id' in v211));
    const v212 = (await call(fake, '/tickets/633', { version: '2.12' })).json;
    assert.deepEqual(v212.ticket_state, {
      type: 'ticket_state',
      id: S.accessGranted,
      category: 'resolved',
      internal_label: 'Access granted',
      external_label: 'Done',
    });
    assert.ok(!('ticket_state_internal_label' in v212));
    assert.ok(!('previous_ticket_state_id' in (await call(fake, '/tickets/633', { version: '2.15' })).json));
    const v216 = (await call(fake, '/tickets/633', { version: '2.16' })).json;
    assert.equal(v216.ticket_state.category, 'resolved');
    assert.equal(v216.previous_ticket_state_id, S.in_progress);
    const preview = (await call(fake, '/tickets/633', { version: 'Preview' })).json;
    assert.equal(preview.previous_ticket_state_id, S.in_progress);
  });

  it('ticket_parts keep string states in every version', async () => {
    for (const version of ['2.11', '2.15', '2.16']) {
      const parts = (await call(fake, '/tickets/633', { version })).json.ticket_parts.ticket_parts;
      assert.ok(parts.length >= 2);
      for (const p of parts) {
        assert.equal(typeof p.ticket_state, 'string', version);
        assert.equal(typeof p.previous_ticket_state, 'string', version);
      }
    }
  });

  it('ticket_type.ticket_states: absent ≤2.11, present from 2.12', async () => {
    const old = (await call(fake, `/ticket_types/${SEED_US.accessRequestTypeId}`, { version: '2.11' })).json;
    assert.ok(!('ticket_states' in old));
    assert.equal(old.ticket_type_attributes.type, 'list');
    const now = (await call(fake, `/ticket_types/${SEED_US.accessRequestTypeId}`, { version: '2.12' })).json;
    const labels = now.ticket_states.data.map((s: { internal_label: string }) => s.internal_label);
    assert.ok(labels.includes('Access granted') && labels.includes('Rejected'));
    assert.ok(!labels.includes('Legacy triage'), 'archived states are not usable on the type');
  });

  it('GET /ticket_states: 400 on 2.11, served on 2.12 with archived states included', async () => {
    await unavailable('/ticket_states', '2.11');
    const res = await call(fake, '/ticket_states', { version: '2.12' });
    assert.equal(res.status, 200);
    const archived = res.json.data.find((s: { id: string }) => s.id === S.archivedTriage);
    assert.equal(archived.archived, true);
    assert.equal(archived.ticket_types.type, 'list');
  });

  it('PUT /tickets/{id}: the state enum ≤2.11, ticket_state_id from 2.12', async () => {
    const v211 = await call(fake, '/tickets/631', { method: 'PUT', version: '2.11', body: { state: 'resolved' } });
    assert.equal(v211.status, 200);
    assert.equal(v211.json.ticket_state, 'resolved');
    assert.equal(v211.json.ticket_state_internal_label, 'Resolved');
    const submitted = await call(fake, '/tickets/632', { method: 'PUT', version: '2.11', body: { state: 'submitted' } });
    assert.equal(submitted.status, 400);
    assert.equal(code(submitted), 'parameter_invalid');
    const v215 = await call(fake, '/tickets/632', { method: 'PUT', version: '2.15', body: { ticket_state_id: S.rejected } });
    assert.equal(v215.json.ticket_state.internal_label, 'Rejected');
    const archived = await call(fake, '/tickets/631', { method: 'PUT', version: '2.15', body: { ticket_state_id: S.archivedTriage } });
    assert.equal(archived.status, 400);
    assert.equal(code(archived), 'ticket_state_id_invalid');
    const foreign = await call(fake, '/tickets/634', { method: 'PUT', version: '2.15', body: { ticket_state_id: '9481' } });
    assert.equal(code(foreign), 'ticket_state_id_invalid');
  });

  it('PUT assignment: assignment{} ≤2.13, admin_id / assignee_id from 2.14; unknown → 404 assignee_not_found', async () => {
    const old = await call(fake, '/tickets/631', { method: 'PUT', version: '2.11', body: { assignment: { admin_id: '1001001', assignee_id: '1001002' } } });
    assert.equal(old.json.admin_assignee_id, '1001002');
    const v214 = await call(fake, '/tickets/631', { method: 'PUT', version: '2.14', body: { admin_id: 1001001, assignee_id: '5102' } });
    assert.equal(v214.json.team_assignee_id, '5102');
    const unknown = await call(fake, '/tickets/631', { method: 'PUT', version: '2.14', body: { admin_id: 1001001, assignee_id: '999' } });
    assert.equal(unknown.status, 404);
    assert.equal(code(unknown), 'assignee_not_found');
    const badAdmin = await call(fake, '/tickets/631', { method: 'PUT', version: '2.14', body: { admin_id: 42 } });
    assert.equal(code(badAdmin), 'assignee_not_found');
  });

  it('DELETE /tickets/{id}: 400 on 2.12, served from 2.13', async () => {
    await unavailable('/tickets/631', '2.12', { method: 'DELETE' });
    const res = await call(fake, '/tickets/631', { method: 'DELETE', version: '2.13' });
    assert.deepEqual(res.json, { id: '631', object: 'ticket', deleted: true });
    assert.equal((await call(fake, '/tickets/631', { version: '2.13' })).status, 404);
  });

  it('POST /tickets/enqueue: 400 on 2.13, served from 2.14', async () => {
    const body = { ticket_type_id: 41, contacts: [{ email: 'q@example.com' }], ticket_attributes: { _default_title_: 'Q' } };
    await unavailable('/tickets/enqueue', '2.13', { body });
    assert.equal((await call(fake, '/tickets/enqueue', { version: '2.14', body })).status, 200);
  });

  it('admin_assignee_id / team_assignee_id: strings up to 2.15, integers on 2.16', async () => {
    const v215 = (await call(fake, '/tickets/632', { version: '2.15' })).json;
    assert.equal(typeof v215.admin_assignee_id, 'string');
    assert.equal(typeof v215.team_assignee_id, 'string');
    const v216 = (await call(fake, '/tickets/632', { version: '2.16' })).json;
    assert.equal(typeof v216.admin_assignee_id, 'number');
    assert.equal(String(v216.admin_assignee_id), v215.admin_assignee_id);
  });

  it('contact.owner_id: integer up to 2.15, string on 2.16', async () => {
    const page = async (version: string) => (await call(fake, '/contacts?per_page=10', { version })).json.data;
    const owned215 = (await page('2.15')).find((c: { owner_id: unknown }) => c.owner_id !== null);
    const owned216 = (await page('2.16')).find((c: { id: string }) => c.id === owned215.id);
    assert.equal(typeof owned215.owner_id, 'number');
    assert.equal(owned216.owner_id, String(owned215.owner_id));
    const owned28 = (await page('2.8')).find((c: { id: string }) => c.id === owned215.id);
    assert.equal(owned28.owner_id, owned215.owner_id);
  });

  it('admin.role: only on 2.16 and only when set', async () => {
    const v215 = (await call(fake, '/admins', { version: '2.15' })).json.admins;
    assert.ok(v215.every((a: object) => !('role' in a)));
    const v216 = (await call(fake, '/admins', { version: '2.16' })).json.admins;
    const owner = v216.find((a: { id: string }) => a.id === SEED_US.ownerAdminId);
    assert.deepEqual(owner.role, { type: 'role', id: '1', name: 'Workspace admin' });
    assert.ok(v216.some((a: object) => !('role' in a)), 'admins without a role have no role key');
  });

  it('merged contact: 404 up to 2.15, 410 contact_merged on 2.16', async () => {
    const merged = fake.state.workspace('us').contacts.find((c) => c.mergedInto !== null);
    assert.ok(merged);
    assert.equal((await call(fake, `/contacts/${merged.id}`, { version: '2.8' })).status, 404);
    assert.equal((await call(fake, `/contacts/${merged.id}`, { version: '2.16' })).status, 410);
  });

  it('contact search sort.order other than ascending/descending: accepted up to 2.15, 400 invalid_sort_order on 2.16', async () => {
    const body = { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: 'created_at', order: 'desc' } };
    assert.equal((await call(fake, '/contacts/search', { version: '2.15', body })).status, 200);
    const v216 = await call(fake, '/contacts/search', { version: '2.16', body });
    assert.equal(v216.status, 400);
    assert.equal(code(v216), 'invalid_sort_order');
    const ok = await call(fake, '/contacts/search', { version: '2.16', body: { ...body, sort: { field: 'created_at', order: 'descending' } } });
    assert.equal(ok.status, 200);
  });

  it('replaying the corrected Saviynt create/status pair: only the version-matching status path completes', async () => {
    const lookup = (doc: unknown, path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
    for (const [version, works, fails] of [
      ['2.11', 'ticket_state', 'ticket_state.category'],
      ['2.15', 'ticket_state.category', 'ticket_state'],
      ['2.16', 'ticket_state.category', 'ticket_state'],
    ] as const) {
      const created = await call(fake, '/tickets', {
        version,
        body: {
          ticket_type_id: SEED_US.accessRequestTypeId,
          contacts: [{ email: 'saviynt.user@example.com' }],
          ticket_attributes: { _default_title_: 'Access request REQ-1', _default_description_: 'Grant Workday Viewer' },
        },
      });
      assert.equal(created.status, 200, version);
      const id = lookup(created.json, 'id') as string; // ticketidPath "id"
      fake.transitionTicket(id, { stateId: S.accessGranted });
      const status = (await call(fake, `/tickets/${id}`, { version })).json;
      assert.equal(lookup(status, works), 'resolved', `${version} ${works}`);
      assert.notEqual(lookup(status, fails), 'resolved', `${version} ${fails}`);
    }
  });

  it('find_by_external_id and POST /contacts/{id}/block: 400 on 2.12, served from 2.13', async () => {
    await unavailable('/contacts/find_by_external_id/ext-ws_us1-0000', '2.12');
    const found = await call(fake, '/contacts/find_by_external_id/ext-ws_us1-0000', { version: '2.13' });
    assert.equal(found.status, 200);
    assert.equal(found.json.external_id, 'ext-ws_us1-0000');
    const odd = await call(fake, `/contacts/find_by_external_id/${encodeURIComponent('EMP 0012/ß+x')}`, { version: '2.13' });
    assert.equal(odd.status, 200);
    await unavailable(`/contacts/${found.json.id}/block`, '2.12', { body: {} });
    const blocked = await call(fake, `/contacts/${found.json.id}/block`, { version: '2.13', body: {} });
    assert.deepEqual(blocked.json, { type: 'contact', id: found.json.id, external_id: 'ext-ws_us1-0000', blocked: true });
  });
});
