/**
 * The facts the Intercom rules read from the generated catalog, per endpoint and version, as the
 * OpenAPI descriptions 2.7–2.16 state them: documented success statuses, page sizes, request-body
 * requirement groups and enums, fields by version, and the search endpoints' fields, operators and limits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  STABLE_DOCUMENTED_VERSIONS, bodyFields, bodyRequirements, endpointByKey, versionsWithBodyPath, type IntercomEndpoint,
} from '../../../server/src/core/intercom/catalog';
import { pageSizeOf, successStatuses } from '../../../server/src/core/intercom/endpointFacts';
import { operatorsFor, searchFactsOf, searchFieldEntry } from '../../../server/src/core/intercom/searchFacts';

function ep(key: string): IntercomEndpoint {
  const e = endpointByKey(key);
  assert.ok(e, key);
  return e;
}

test('success statuses: 200 for most creates, 201/202/204 where the description documents them', () => {
  assert.deepEqual(successStatuses(ep('POST /tickets'), '2.15'), [200]);
  assert.deepEqual(successStatuses(ep('POST /contacts'), '2.16'), [200]);
  assert.deepEqual(successStatuses(ep('POST /events'), '2.15'), [202]);
  assert.deepEqual(successStatuses(ep('POST /content_snippets'), '2.16'), [201]);
  assert.deepEqual(successStatuses(ep('DELETE /content_snippets/{id}'), '2.16'), [204]);
  // Not in the version: nothing documented.
  assert.deepEqual(successStatuses(ep('POST /tickets'), '2.8'), []);
});

test('page sizes: schema maximums, parameter prose and the documented GET /contacts limit', () => {
  for (const v of STABLE_DOCUMENTED_VERSIONS) assert.deepEqual(pageSizeOf(ep('GET /contacts'), v), { default: 10, max: 150 }, v);
  assert.deepEqual(pageSizeOf(ep('GET /conversations'), '2.15'), { default: 20, max: 150 });
  assert.deepEqual(pageSizeOf(ep('POST /conversations/search'), '2.15'), { default: 20, max: 150 });
  assert.deepEqual(pageSizeOf(ep('POST /contacts/search'), '2.15'), { default: 50 });
  assert.deepEqual(pageSizeOf(ep('POST /tickets/search'), '2.15'), { default: 20 });
  assert.deepEqual(pageSizeOf(ep('GET /companies'), '2.15'), { default: 15 });
  assert.deepEqual(pageSizeOf(ep('GET /admins'), '2.15'), {});
});

test('request bodies: a contact needs email, external_id or role (anyOf), a ticket contact id, external_id or email (oneOf)', () => {
  for (const v of STABLE_DOCUMENTED_VERSIONS) {
    assert.deepEqual(bodyRequirements(ep('POST /contacts'), v), [{ exactlyOne: false, alternatives: [['email'], ['external_id'], ['role']] }], v);
  }
  assert.deepEqual(bodyRequirements(ep('PUT /contacts/{contact_id}'), '2.15'), []);
  const contacts = bodyFields(ep('POST /tickets'), '2.15')!.contacts;
  assert.equal(contacts.type, 'array<object>');
  assert.deepEqual(contacts.requirements, [{ exactlyOne: true, alternatives: [['id'], ['external_id'], ['email']] }]);
});

test('request bodies: fields by version (assignment on POST /tickets from 2.14, sort on contact search in 2.16 only)', () => {
  assert.deepEqual(versionsWithBodyPath(ep('POST /tickets'), 'assignment'), ['2.14', '2.15', '2.16']);
  assert.equal(bodyFields(ep('POST /tickets'), '2.13')!.assignment, undefined);
  assert.deepEqual(versionsWithBodyPath(ep('POST /contacts/search'), 'sort'), ['2.16']);
  assert.deepEqual(bodyFields(ep('POST /contacts/search'), '2.16')!.sort.fields!.order.values, ['ascending', 'descending']);
  assert.equal(bodyFields(ep('POST /contacts'), '2.15')!.owner_id.type, 'integer');
  assert.equal(bodyFields(ep('POST /contacts'), '2.16')!.owner_id.type, 'string');
  assert.deepEqual(versionsWithBodyPath(ep('PUT /tickets/{ticket_id}'), 'state'), ['2.9', '2.10', '2.11']);
});

test('search facts: contacts — fields, date operators, tag_id, limits', () => {
  const facts = searchFactsOf(ep('POST /contacts/search'), '2.15')!;
  assert.ok(facts);
  assert.deepEqual(facts.fields.created_at, ['date']);
  assert.deepEqual(facts.fields.email, ['string']);
  assert.deepEqual(operatorsFor(facts, 'created_at', ['date']).sort(), ['<', '=', '>']);
  assert.deepEqual(operatorsFor(facts, 'tag_id', ['string']), ['=', '!=']);
  assert.ok(operatorsFor(facts, 'email', ['string']).includes('~'));
  assert.ok(!operatorsFor(facts, 'email', ['string']).includes('>'));
  assert.ok(operatorsFor(facts, 'name', ['string']).includes('IN'));
  assert.equal(facts.maxNesting, 2);
  assert.equal(facts.maxFiltersPerGroup, 15);
  assert.deepEqual(searchFieldEntry(facts, 'custom_attributes.plan')?.name, 'custom_attributes.{attribute_name}');
  assert.equal(searchFieldEntry(facts, 'state'), undefined);
});

test('search facts: tickets search by state (never ticket_state) in every version that has it; created_at also takes <= and >=', () => {
  const e = ep('POST /tickets/search');
  for (const v of e.versions) {
    const facts = searchFactsOf(e, v)!;
    assert.deepEqual(facts.fields.state, ['string'], v);
    assert.equal(facts.fields.ticket_state, undefined, v);
  }
  const facts = searchFactsOf(e, '2.15')!;
  assert.ok(operatorsFor(facts, 'created_at', ['date']).includes('>='));
  assert.ok(!operatorsFor(facts, 'updated_at', ['date']).includes('>='));
  assert.deepEqual(searchFieldEntry(facts, 'ticket_attribute.1234')?.types, ['string', 'integer', 'float', 'boolean', 'date']);
  assert.equal(searchFactsOf(ep('POST /contacts'), '2.15'), undefined);
});

test('search facts: conversations take != on dates (their table says All)', () => {
  const facts = searchFactsOf(ep('POST /conversations/search'), '2.16')!;
  assert.ok(operatorsFor(facts, 'created_at', ['date']).includes('!='));
  assert.ok(!operatorsFor(facts, 'created_at', ['date']).includes('>='));
});
