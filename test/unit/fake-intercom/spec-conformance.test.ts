// The fake follows the OpenAPI where it used to be more lenient or stricter (issue 12): the old
// version name "Unstable", per_page above a documented maximum, unknown contact fields, `sort`
// before 2.16, and the reads the live workspace check makes (GET /data_attributes by model).

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startFakeIntercom, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code } from './helpers.js';

describe('fake Intercom — follows the spec', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('accepts "Unstable", the old name of Preview (existing version names keep working)', async () => {
    const res = await call(fake, '/admins', { version: 'Unstable' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.headers.get('x-intercom-version'), 'Preview');
    assert.equal(code(await call(fake, '/admins', { version: 'unstable' })), 'intercom_version_invalid');
  });

  it('GET /contacts: per_page above the documented maximum (150) is refused, not clamped', async () => {
    const res = await call(fake, '/contacts?per_page=500', { version: '2.15' });
    assert.equal(res.status, 400);
    assert.equal(code(res), 'parameter_invalid');
    const ok = await call(fake, '/contacts?per_page=150', { version: '2.15' });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.data.length, 150);
  });

  it('contacts: a field the version does not define is refused on create and update', async () => {
    const created = await call(fake, '/contacts', { version: '2.15', body: { email: 'new.person@example.com', name: 'New' } });
    assert.equal(created.status, 200, created.text);
    const update = await call(fake, `/contacts/${created.json.id}`, { method: 'PUT', version: '2.15', body: { emial: 'x@example.com' } });
    assert.equal(update.status, 400);
    const create = await call(fake, '/contacts', { version: '2.15', body: { email: 'other@example.com', nmae: 'Typo' } });
    assert.equal(create.status, 400);
    // email_verified exists only from 2.16.
    assert.equal((await call(fake, `/contacts/${created.json.id}`, { method: 'PUT', version: '2.15', body: { email: 'new.person@example.com', email_verified: true } })).status, 400);
    assert.equal((await call(fake, `/contacts/${created.json.id}`, { method: 'PUT', version: '2.16', body: { email: 'new.person@example.com', email_verified: true } })).status, 200);
  });

  it('contact search: sort is honoured from 2.16 and ignored before (the 2.15 request has no sort)', async () => {
    const body = { query: { field: 'role', operator: '=', value: 'user' }, sort: { field: 'created_at', order: 'descending' }, pagination: { per_page: 20 } };
    const times = (res: { json: { data: { created_at: number }[] } }) => res.json.data.map((c) => c.created_at);
    const v216 = await call(fake, '/contacts/search', { version: '2.16', body });
    assert.equal(v216.status, 200, v216.text);
    assert.deepEqual(times(v216), [...times(v216)].sort((a, b) => b - a));
    const v215 = await call(fake, '/contacts/search', { version: '2.15', body });
    assert.equal(v215.status, 200, v215.text);
    assert.deepEqual(times(v215), [...times(v215)].sort((a, b) => a - b));
    assert.notDeepEqual(times(v215), times(v216));
  });

  it('GET /data_attributes lists standard and custom attributes, filtered by model', async () => {
    const contact = await call(fake, '/data_attributes?model=contact', { version: '2.15' });
    assert.equal(contact.status, 200, contact.text);
    assert.equal(contact.json.type, 'list');
    const names = contact.json.data.map((a: { name: string }) => a.name);
    assert.ok(names.includes('email') && names.includes('employee_id'), names.join(','));
    const custom = contact.json.data.find((a: { name: string }) => a.name === 'employee_id');
    assert.deepEqual({ type: custom.type, model: custom.model, custom: custom.custom, full_name: custom.full_name },
      { type: 'data_attribute', model: 'contact', custom: true, full_name: 'custom_attributes.employee_id' });
    assert.ok(contact.json.data.every((a: { model: string }) => a.model === 'contact'));
    const company = await call(fake, '/data_attributes?model=company', { version: '2.15' });
    assert.ok(company.json.data.length > 0 && company.json.data.every((a: { model: string }) => a.model === 'company'));
    const all = await call(fake, '/data_attributes', { version: '2.15' });
    assert.equal(all.json.data.length, contact.json.data.length + company.json.data.length + all.json.data.filter((a: { model: string }) => a.model === 'conversation').length);
    assert.equal(code(await call(fake, '/data_attributes?model=ticket', { version: '2.15' })), 'parameter_invalid');
  });
});
