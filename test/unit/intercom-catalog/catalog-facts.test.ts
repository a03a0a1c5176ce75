/**
 * Real Intercom API facts (shared/reference/intercom-api.md, checked against the OpenAPI
 * descriptions) must hold in the generated catalog, per version.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  type IntercomEndpoint,
  STABLE_DOCUMENTED_VERSIONS,
  bodyFields,
  endpointAvailableIn,
  endpointByKey,
  endpointPath,
  isEndpointAvailable,
  itemFields,
  listFieldAlternativesOf,
  listFieldOf,
  matchEndpoint,
  paginationOf,
  queryParams,
  requiredBodyFields,
  resolveField,
  resolvePath,
  responseFields,
  versionsWithResponsePath,
} from '../../../server/src/core/intercom/catalog';

function endpoint(version: string, method: string, path: string): IntercomEndpoint {
  const e = matchEndpoint(version, method, path);
  assert.ok(e, `${method} ${path} should exist in ${version}`);
  return e;
}

test('GET /admins: list field admins, unpaginated, in every documented version', () => {
  for (const v of STABLE_DOCUMENTED_VERSIONS) {
    const e = endpoint(v, 'GET', '/admins');
    assert.equal(listFieldOf(e, v), 'admins');
    assert.equal(paginationOf(e, v), 'none');
    assert.equal(resolvePath(itemFields(e, v), 'id'), 'string');
    assert.equal(resolvePath(itemFields(e, v), 'team_ids'), 'array<integer>');
  }
});

test('GET /teams: list field teams', () => {
  const e = endpoint('2.15', 'GET', '/teams');
  assert.equal(listFieldOf(e, '2.15'), 'teams');
  assert.equal(resolvePath(itemFields(e, '2.15'), 'admin_ids'), 'array<integer>');
});

test('GET /contacts: list field data, cursor in the query (per_page/starting_after), pages.next.starting_after', () => {
  for (const v of STABLE_DOCUMENTED_VERSIONS) {
    const e = endpoint(v, 'GET', '/contacts');
    assert.equal(listFieldOf(e, v), 'data');
    assert.equal(paginationOf(e, v), 'cursor-query');
    assert.ok(queryParams(e, v).names.includes('starting_after'), `starting_after in ${v}`);
    assert.ok(queryParams(e, v).names.includes('per_page'), `per_page in ${v}`);
    assert.equal(resolvePath(responseFields(e, v), 'pages.next.starting_after'), 'string');
  }
  const e = endpoint('2.16', 'GET', '/contacts');
  assert.equal(resolvePath(itemFields(e, '2.15'), 'owner_id'), 'integer');
  assert.equal(resolvePath(itemFields(e, '2.16'), 'owner_id'), 'string');
});

test('pagination styles: search in the body, companies by page number, scroll', () => {
  assert.equal(paginationOf(endpoint('2.15', 'POST', '/contacts/search'), '2.15'), 'cursor-body');
  assert.equal(paginationOf(endpoint('2.15', 'POST', '/tickets/search'), '2.15'), 'cursor-body');
  assert.equal(listFieldOf(endpoint('2.15', 'POST', '/tickets/search'), '2.15'), 'tickets');
  assert.equal(paginationOf(endpoint('2.15', 'GET', '/companies'), '2.15'), 'page-number');
  assert.equal(paginationOf(endpoint('2.15', 'GET', '/companies/scroll'), '2.15'), 'scroll');
  assert.equal(listFieldOf(endpoint('2.15', 'GET', '/conversations'), '2.15'), 'conversations');
  // 2.7's description points at a generic list (news items under data); the examples say conversations.
  assert.equal(listFieldOf(endpoint('2.7', 'GET', '/conversations'), '2.7'), 'conversations');
  assert.equal(paginationOf(endpoint('2.15', 'GET', '/segments'), '2.15'), 'none');
});

test('POST /tickets: requires ticket_type_id and contacts from 2.9; absent in 2.7 and 2.8', () => {
  for (const v of ['2.7', '2.8']) assert.equal(matchEndpoint(v, 'POST', '/tickets'), undefined, v);
  const e = endpoint('2.16', 'POST', '/tickets');
  assert.equal(endpointAvailableIn(e).first, '2.9');
  for (const v of STABLE_DOCUMENTED_VERSIONS.slice(2)) {
    assert.deepEqual(requiredBodyFields(e, v), ['contacts', 'ticket_type_id'], v);
  }
  assert.deepEqual(requiredBodyFields(e, '2.8'), []);
  const body = bodyFields(e, '2.15');
  assert.ok(body);
  // Spec says string, examples send a number: both are accepted.
  assert.equal(body.ticket_type_id.type, 'integer|string');
  assert.equal(body.contacts.type, 'array<object>');
  assert.deepEqual(Object.keys(body.contacts.fields ?? {}), ['email', 'external_id', 'id']);
  // oneOf alternatives each require one key; merged conservatively, none is required on its own.
  assert.equal(resolveField(body, 'contacts.email')?.required, undefined);
  assert.equal(resolvePath(body, 'ticket_attributes'), 'object');
  assert.equal(resolvePath(bodyFields(e, '2.13'), 'conversation_to_link_id'), undefined);
  assert.equal(resolvePath(bodyFields(e, '2.14'), 'conversation_to_link_id'), 'string');
});

test('PUT /tickets/{id}: state up to 2.11, ticket_state_id from 2.12', () => {
  const e = endpoint('2.16', 'PUT', '/tickets/123');
  assert.equal(resolvePath(bodyFields(e, '2.11'), 'state'), 'string');
  assert.equal(resolvePath(bodyFields(e, '2.11'), 'ticket_state_id'), undefined);
  assert.equal(resolvePath(bodyFields(e, '2.12'), 'ticket_state_id'), 'string');
  assert.equal(resolvePath(bodyFields(e, '2.12'), 'state'), undefined);
});

test('GET /ticket_states exists from 2.12 only; list field data', () => {
  for (const v of STABLE_DOCUMENTED_VERSIONS) {
    assert.equal(matchEndpoint(v, 'GET', '/ticket_states') !== undefined, Number(v.split('.')[1]) >= 12, v);
  }
  const e = endpoint('2.12', 'GET', '/ticket_states');
  assert.deepEqual(endpointAvailableIn(e), { first: '2.12', last: '2.16' });
  assert.equal(listFieldOf(e), 'data');
  assert.equal(resolvePath(itemFields(e, '2.12'), 'category'), 'string');
});

test('ticket.ticket_state: a string up to 2.11, an object with category from 2.12', () => {
  const e = endpoint('2.16', 'GET', '/tickets/${ticketID}');
  for (const v of ['2.9', '2.10', '2.11']) {
    assert.equal(resolvePath(responseFields(e, v), 'ticket_state'), 'string', v);
    assert.equal(resolvePath(responseFields(e, v), 'ticket_state.category'), undefined, v);
  }
  for (const v of ['2.12', '2.13', '2.14', '2.15', '2.16', 'Preview']) {
    assert.equal(resolvePath(responseFields(e, v), 'ticket_state'), 'object', v);
    assert.equal(resolvePath(responseFields(e, v), 'ticket_state.category'), 'string', v);
  }
  assert.deepEqual(versionsWithResponsePath(e, 'ticket_state.category'), ['2.12', '2.13', '2.14', '2.15', '2.16']);
  assert.equal(resolvePath(responseFields(e, '2.15'), 'id'), 'string');
  assert.equal(resolvePath(responseFields(e, '2.15'), 'admin_assignee_id'), 'string');
  assert.equal(resolvePath(responseFields(e, '2.16'), 'admin_assignee_id'), 'integer');
});

test('ticket_type attributes are under data (reality), not ticket_type_attributes (schema)', () => {
  const e = endpoint('2.15', 'GET', '/ticket_types/42');
  const fields = responseFields(e, '2.15');
  assert.equal(resolvePath(fields, 'ticket_type_attributes.data'), 'array<object>');
  assert.equal(resolvePath(fields, 'ticket_type_attributes.data[0].name'), 'string');
  assert.equal(resolvePath(fields, 'ticket_type_attributes.ticket_type_attributes'), undefined);
  // Deep enough to reach attribute names from a ticket too.
  const ticket = endpoint('2.15', 'GET', '/tickets/1');
  assert.equal(resolvePath(responseFields(ticket, '2.15'), 'ticket_type.ticket_type_attributes.data.name'), 'string');
  assert.equal(listFieldOf(endpoint('2.9', 'GET', '/ticket_types'), '2.9'), 'data');
});

test('DELETE /tickets/{id} from 2.13; POST /tickets/enqueue from 2.14', () => {
  assert.equal(matchEndpoint('2.12', 'DELETE', '/tickets/1'), undefined);
  const del = endpoint('2.13', 'DELETE', '/tickets/1');
  assert.deepEqual(endpointAvailableIn(del), { first: '2.13', last: '2.16' });
  assert.equal(resolvePath(responseFields(del, '2.13'), 'deleted'), 'boolean');
  assert.equal(matchEndpoint('2.13', 'POST', '/tickets/enqueue'), undefined);
  const enqueue = endpoint('2.14', 'POST', '/tickets/enqueue');
  assert.equal(endpointAvailableIn(enqueue).first, '2.14');
  assert.deepEqual(requiredBodyFields(enqueue, '2.14'), ['contacts', 'ticket_type_id']);
});

test('admin.role only in 2.16', () => {
  const e = endpoint('2.16', 'GET', '/admins/1');
  for (const v of STABLE_DOCUMENTED_VERSIONS) {
    const expected = v === '2.16' ? 'object' : undefined;
    assert.equal(resolvePath(responseFields(e, v), 'role'), expected, v);
  }
  assert.equal(resolvePath(responseFields(e, '2.16'), 'role.name'), 'string');
  assert.equal(resolveField(responseFields(e, '2.16'), 'role')?.nullable, true);
  assert.deepEqual(versionsWithResponsePath(endpoint('2.16', 'GET', '/admins'), 'role', true), ['2.16']);
});

test('contact companies: data (example) with companies (schema) as an alternative', () => {
  const e = endpoint('2.15', 'GET', '/contacts/abc/companies');
  assert.equal(listFieldOf(e, '2.15'), 'data');
  assert.deepEqual(listFieldAlternativesOf(e, '2.15'), ['companies']);
});

test('path parameter names follow the version', () => {
  const e = endpointByKey('GET /tickets/{ticket_id}');
  assert.ok(e);
  assert.equal(endpointPath(e, '2.12'), '/tickets/{id}');
  assert.equal(endpointPath(e, '2.16'), '/tickets/{ticket_id}');
  assert.equal(isEndpointAvailable(e, '2.8'), false);
  assert.equal(isEndpointAvailable(e, 'Preview'), true);
});
