// Spec §10 edge cases 13–25 against the started fake.

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SEED_US, startFakeIntercom, TOKEN_US, type FakeIntercom } from '../../fake-intercom/server.js';
import { call, code, raw, rawJson } from './helpers.js';

const TYPE = SEED_US.accessRequestTypeId;

function ticketBody(extra: Record<string, unknown> = {}) {
  return {
    ticket_type_id: TYPE,
    contacts: [{ email: 'zoe.angstrom@example.com' }],
    ticket_attributes: { _default_title_: 'Access to Workday', _default_description_: 'Please grant Viewer' },
    ...extra,
  };
}

describe('fake Intercom — spec §10 edge cases 13–25', () => {
  let fake: FakeIntercom;
  before(async () => {
    fake = await startFakeIntercom({ clock: 'manual' });
  });
  after(() => fake.close());
  beforeEach(() => fake.reset());

  it('§10.13 a slow response and a hang make a client timeout fire', async () => {
    fake.addFaults([{ match: { path_regex: '^/me$', nth: 1 }, action: { type: 'delay', ms: 400 } }]);
    await assert.rejects(call(fake, '/me', { signal: AbortSignal.timeout(100) }), { name: 'TimeoutError' });
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/admins$' }, action: 'hang' }]);
    await assert.rejects(call(fake, '/admins', { signal: AbortSignal.timeout(150) }), { name: 'TimeoutError' });
    assert.equal((await call(fake, '/me')).status, 200);
  });

  it('§10.13 a timeout after the server committed leaves a ticket behind (so blind POST retries duplicate)', async () => {
    const count = async () =>
      (await call(fake, '/tickets/search', { version: '2.15', body: { query: { field: 'title', operator: '=', value: 'Access to Workday' } } })).json.total_count;
    assert.equal(await count(), 0);
    fake.addFaults([{ match: { method: 'POST', path_regex: '^/tickets$' }, action: { type: 'delay', ms: 400, phase: 'after' } }]);
    await assert.rejects(call(fake, '/tickets', { version: '2.15', body: ticketBody(), signal: AbortSignal.timeout(100) }));
    assert.equal(await count(), 1);
  });

  it('§10.14 a connection reset or a truncated body gives a clean client error', async () => {
    fake.addFaults([{ match: { path_regex: '^/me$' }, action: 'reset_connection' }]);
    await assert.rejects(call(fake, '/me'));
    fake.clearFaults();
    fake.addFaults([{ match: { path_regex: '^/contacts$' }, action: { type: 'truncate_body', bytes: 200 } }]);
    await assert.rejects(call(fake, '/contacts?per_page=20'));
    fake.clearFaults();
    assert.equal((await call(fake, '/contacts?per_page=20')).status, 200);
  });

  it('§10.15 without a header the 2.11 app gets a string ticket_state; 2.1 has no tickets; "preview" is invalid', async () => {
    const noHeader = await call(fake, '/tickets/631');
    assert.equal(noHeader.headers.get('x-intercom-version'), '2.11');
    assert.equal(noHeader.json.ticket_state, 'submitted');
    const yamlTrap = await call(fake, '/tickets/631', { version: '2.1' });
    assert.equal(yamlTrap.status, 400);
    assert.equal(code(yamlTrap), 'intercom_version_invalid');
    assert.equal(yamlTrap.json.errors[0].message, 'Requested resource is not available in current API version.');
    const lower = await call(fake, '/me', { version: 'preview' });
    assert.equal(lower.status, 400);
    assert.equal(code(lower), 'intercom_version_invalid');
    assert.equal((await call(fake, '/me', { version: 'Preview' })).status, 200);
  });

  it('§10.16 polling: submitted → in_progress → "Access granted"; only the category says resolved', async () => {
    const created = await call(fake, '/tickets', { version: '2.15', body: ticketBody() });
    const id = created.json.id;
    fake.transitionTicket(id, { category: 'in_progress', afterPolls: 1 });
    fake.transitionTicket(id, { stateId: SEED_US.stateIds.accessGranted, afterPolls: 1 });
    const seen: Array<{ category: string; label: string }> = [];
    for (let i = 0; i < 6; i++) {
      const t = (await call(fake, `/tickets/${id}`, { version: '2.15' })).json;
      seen.push({ category: t.ticket_state.category, label: t.ticket_state.internal_label });
      if (t.ticket_state.category === 'resolved') break;
    }
    // Each scheduled transition lets one poll see the state before it.
    assert.deepEqual(seen.map((s) => s.category), ['submitted', 'in_progress', 'resolved']);
    assert.equal(seen.at(-1)?.label, 'Access granted');
    assert.notEqual(seen.at(-1)?.label, 'Resolved');
  });

  it('§10.16 "Rejected" is also category resolved, so the label tells granted from rejected', async () => {
    const states = (await call(fake, '/ticket_states', { version: '2.15' })).json.data;
    const byLabel = new Map(states.map((s: { internal_label: string; category: string }) => [s.internal_label, s.category]));
    assert.equal(byLabel.get('Access granted'), 'resolved');
    assert.equal(byLabel.get('Rejected'), 'resolved');
    const search = await call(fake, '/tickets/search', { version: '2.15', body: { query: { field: 'state', operator: '=', value: 'resolved' }, pagination: { per_page: 50 } } });
    const labels = new Set(search.json.tickets.map((t: { ticket_state: { internal_label: string } }) => t.ticket_state.internal_label));
    assert.ok(labels.has('Rejected') && labels.has('Access granted'));
  });

  it('§10.16 transitions after T seconds follow the manual clock', async () => {
    fake.transitionTicket('631', { category: 'resolved', afterSeconds: 60 });
    assert.equal((await call(fake, '/tickets/631', { version: '2.16' })).json.ticket_state.category, 'submitted');
    fake.advanceClock(61);
    const t = (await call(fake, '/tickets/631', { version: '2.16' })).json;
    assert.equal(t.ticket_state.category, 'resolved');
    assert.equal(t.previous_ticket_state_id, SEED_US.stateIds.submitted);
  });

  it('§10.17 a ticket deleted while polling gets 404 ticket_not_found', async () => {
    assert.equal((await call(fake, '/tickets/632', { version: '2.15' })).status, 200);
    const del = await fetch(`${fake.url}/__fake/tickets/632`, { method: 'DELETE' });
    assert.equal(del.status, 200);
    const res = await call(fake, '/tickets/632', { version: '2.15' });
    assert.equal(res.status, 404);
    assert.equal(code(res), 'ticket_not_found');
  });

  it('§10.18 the Inbox number (ticket_id) is not a path id', async () => {
    const t = (await call(fake, '/tickets/633', { version: '2.15' })).json;
    assert.notEqual(t.ticket_id, t.id);
    const byNumber = await call(fake, `/tickets/${t.ticket_id}`, { version: '2.15' });
    assert.equal(byNumber.status, 404);
    assert.equal(code(byNumber), 'ticket_not_found');
    // The trap: ticket 631's Inbox number equals another ticket's id, which returns the wrong ticket.
    const clash = (await call(fake, `/tickets/${SEED_US.ticketWithClashingNumber}`, { version: '2.15' })).json;
    const wrong = (await call(fake, `/tickets/${clash.ticket_id}`, { version: '2.15' })).json;
    assert.equal(wrong.id, clash.ticket_id);
    assert.notEqual(wrong.ticket_id, clash.ticket_id);
  });

  it('§10.19 create-ticket validation', async () => {
    const extra = await call(fake, '/tickets', {
      version: '2.15',
      body: { ticket_type_id: TYPE, contacts: [{ email: 'x@example.com' }], ticket_attributes: { title: 'T', description: 'D' } },
    });
    assert.equal(extra.status, 400);
    assert.equal(code(extra), 'parameter_invalid');
    assert.match(extra.json.errors[0].message, /^Extra attributes provided that are not found on ticket type: title, description/);
    const missingTitle = await call(fake, '/tickets', { version: '2.15', body: ticketBody({ ticket_attributes: { _default_description_: 'D' } }) });
    assert.equal(missingTitle.status, 400);
    assert.equal(missingTitle.json.errors[0].message, 'Missing required ticket attributes');
    const two = await call(fake, '/tickets', { version: '2.15', body: ticketBody({ contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] }) });
    assert.equal(two.status, 400);
    const saviyntId = await call(fake, '/tickets', { version: '2.15', body: ticketBody({ contacts: [{ id: '12345' }] }) });
    assert.equal(saviyntId.status, 404);
    const search = { query: { field: 'email', operator: '=', value: 'brand.new@example.com' } };
    assert.equal((await call(fake, '/contacts/search', { body: search })).json.total_count, 0);
    const byEmail = await call(fake, '/tickets', { version: '2.15', body: ticketBody({ contacts: [{ email: 'brand.new@example.com' }] }) });
    assert.equal(byEmail.status, 200);
    assert.equal((await call(fake, '/contacts/search', { body: search })).json.total_count, 1);
    assert.equal(byEmail.json.contacts.contacts.length, 1);
  });

  it('§10.20 a duplicate contact gets 409 conflict with the existing id; concurrent creates give one 409', async () => {
    const first = await call(fake, '/contacts', { body: { email: 'dup@example.com', role: 'user' } });
    assert.equal(first.status, 200);
    const dup = await call(fake, '/contacts', { body: { email: 'DUP@example.com' } });
    assert.equal(dup.status, 409);
    assert.equal(code(dup), 'conflict');
    const id = /already exists with id=([0-9a-f]{24})/.exec(dup.json.errors[0].message)?.[1];
    assert.equal(id, first.json.id);
    const race = await Promise.all([1, 2].map(() => call(fake, '/contacts', { body: { external_id: 'race-1' } })));
    assert.deepEqual(race.map((r) => r.status).sort(), [200, 409]);
  });

  it('§10.21 a merged contact gets 410 with a Link header on 2.16 and 404 before', async () => {
    const merged = fake.state.workspace('ws_us1').contacts.find((c) => c.mergedInto !== null);
    assert.ok(merged);
    const v216 = await call(fake, `/contacts/${merged.id}`, { version: '2.16' });
    assert.equal(v216.status, 410);
    assert.equal(code(v216), 'contact_merged');
    assert.equal(v216.headers.get('link'), `</contacts/${merged.mergedInto}>; rel="canonical"`);
    const v215 = await call(fake, `/contacts/${merged.id}`, { version: '2.15' });
    assert.equal(v215.status, 404);
    assert.equal(code(v215), 'not_found');
  });

  it('§10.22 a new contact is missing from search until the index catches up', async () => {
    fake.setOptions({ searchIndexDelaySeconds: 120 });
    const created = await call(fake, '/contacts', { body: { email: 'fresh@example.com' } });
    assert.equal(created.status, 200);
    const body = { query: { field: 'email', operator: '=', value: 'fresh@example.com' } };
    assert.equal((await call(fake, '/contacts/search', { body })).json.total_count, 0);
    assert.equal((await call(fake, `/contacts/${created.json.id}`)).status, 200);
    fake.advanceClock(121);
    assert.equal((await call(fake, '/contacts/search', { body })).json.total_count, 1);
  });

  it('§10.23 no Accept header → 406 media_type_not_acceptable; an unsupported method → 404', async () => {
    const noAccept = await raw(fake, '/me', { authorization: `Bearer ${TOKEN_US}` });
    assert.equal(noAccept.status, 406);
    const body = rawJson(noAccept);
    assert.equal(body.errors?.[0].code, 'media_type_not_acceptable');
    assert.equal(body.errors?.[0].message, 'The Accept header should send a media type of application/json');
    const html = await raw(fake, '/me', { authorization: `Bearer ${TOKEN_US}`, accept: 'text/html' });
    assert.equal(html.status, 406);
    assert.equal((await raw(fake, '/me', { authorization: `Bearer ${TOKEN_US}`, accept: '*/*' })).status, 200);
    const patch = await call(fake, '/contacts', { method: 'PATCH', body: {} });
    assert.equal(patch.status, 404);
    assert.equal(code(patch), 'not_found');
    const delMe = await call(fake, '/me', { method: 'DELETE' });
    assert.equal(delMe.status, 404);
  });

  it('§10.24 an invalid JSON body (an unescaped quote from ${…} substitution) → 400 parameter_invalid', async () => {
    const rawBody = '{"ticket_type_id":"41","contacts":[{"email":"a@example.com"}],"ticket_attributes":{"_default_title_":"Access for Robert "Bobby" Tables"}}';
    const res = await call(fake, '/tickets', { version: '2.15', rawBody });
    assert.equal(res.status, 400);
    assert.equal(code(res), 'parameter_invalid');
  });

  it('§10.25 tokens and paths are not trimmed for the client', async () => {
    const doubleSpace = await raw(fake, '/me', { authorization: `Bearer  ${TOKEN_US}`, accept: 'application/json' });
    assert.equal(doubleSpace.status, 401);
    assert.equal(rawJson(doubleSpace).errors?.[0].code, 'unauthorized');
    const inner = await raw(fake, '/me', { authorization: `Bearer tok_valid\tus`, accept: 'application/json' });
    assert.equal(inner.status, 401);
    const leadingSpacePath = await call(fake, '/%20tickets/631', { version: '2.15' });
    assert.equal(leadingSpacePath.status, 404);
    const noScheme = await raw(fake, '/me', { authorization: TOKEN_US, accept: 'application/json' });
    assert.equal(noScheme.status, 401);
  });
});
