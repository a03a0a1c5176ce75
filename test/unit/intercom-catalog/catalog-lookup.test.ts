/**
 * Version handling, URL matching and did-you-mean suggestions of the Intercom catalog.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  API_VERSIONS,
  STABLE_DOCUMENTED_VERSIONS,
  catalogVersionFor,
  compareVersions,
  endpointsFor,
  isKnownVersion,
  matchEndpoint,
  nearestEndpoints,
  resolvePath,
  splitRequestPath,
} from '../../../server/src/core/intercom/catalog';

test('version lists: legacy, documented and Preview', () => {
  assert.deepEqual(STABLE_DOCUMENTED_VERSIONS, ['2.7', '2.8', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15', '2.16']);
  for (const v of ['1.0', '1.4', '2.0', '2.6', '2.7', '2.16', 'Preview']) assert.ok(API_VERSIONS.includes(v), v);
  assert.equal(API_VERSIONS.length, new Set(API_VERSIONS).size, 'no duplicates');
  assert.equal(API_VERSIONS[API_VERSIONS.length - 1], 'Preview');
});

test('isKnownVersion is exact', () => {
  assert.equal(isKnownVersion('2.10'), true);
  assert.equal(isKnownVersion('Preview'), true);
  assert.equal(isKnownVersion('preview'), false);
  assert.equal(isKnownVersion('2.17'), false);
  assert.equal(isKnownVersion('2.1'), true); // legacy, and what 2.10 turns into as a number
  assert.equal(isKnownVersion(' 2.10'), false);
});

test('compareVersions orders numerically with Preview last', () => {
  assert.ok(compareVersions('2.9', '2.10') < 0);
  assert.ok(compareVersions('2.16', '2.7') > 0);
  assert.ok(compareVersions('1.4', '2.0') < 0);
  assert.equal(compareVersions('2.12', '2.12'), 0);
  assert.ok(compareVersions('Preview', '2.16') > 0);
  assert.ok(compareVersions('2.16', 'Preview') < 0);
  assert.deepEqual(['2.10', 'Preview', '2.9', '1.0'].sort(compareVersions), ['1.0', '2.9', '2.10', 'Preview']);
});

test('catalogVersionFor: Preview → newest, legacy → oldest, unknown text → undefined', () => {
  assert.equal(catalogVersionFor('Preview'), '2.16');
  assert.equal(catalogVersionFor('2.12'), '2.12');
  assert.equal(catalogVersionFor('1.4'), '2.7');
  assert.equal(catalogVersionFor('preview'), undefined);
  assert.ok(endpointsFor('Preview').some((e) => e.key === 'POST /tickets/{ticket_id}/change_type'));
});

test('splitRequestPath drops scheme, host, base bindings and the query', () => {
  assert.deepEqual(splitRequestPath('https://api.intercom.io/tickets/${ticketID}?a=1'), ['tickets', '${ticketID}']);
  assert.deepEqual(splitRequestPath(' https://api.intercom.io/tickets'), ['tickets']);
  assert.deepEqual(splitRequestPath('${baseUrl}/contacts/search'), ['contacts', 'search']);
  assert.deepEqual(splitRequestPath('https://${host}/admins/'), ['admins']);
  assert.deepEqual(splitRequestPath('/contacts?starting_after=${cursor?x}'), ['contacts']);
  assert.deepEqual(splitRequestPath('api.eu.intercom.io/teams'), ['teams']);
});

test('matchEndpoint: ${...} and concrete ids match parameters; literals win; method matters', () => {
  assert.equal(matchEndpoint('2.15', 'GET', 'https://api.intercom.io/tickets/${ticketID}')?.key, 'GET /tickets/{ticket_id}');
  assert.equal(matchEndpoint('2.15', 'get', '/tickets/123')?.key, 'GET /tickets/{ticket_id}');
  assert.equal(matchEndpoint('2.15', 'POST', '/contacts/search')?.key, 'POST /contacts/search');
  assert.equal(matchEndpoint('2.15', 'GET', '/contacts/${user.id}')?.key, 'GET /contacts/{contact_id}');
  assert.equal(matchEndpoint('2.15', 'GET', '/contacts/find_by_external_id/${user.username}')?.key,
    'GET /contacts/find_by_external_id/{external_id}');
  // A binding never matches a literal segment.
  assert.equal(matchEndpoint('2.15', 'POST', '/contacts/${action}')?.key, undefined);
  assert.equal(matchEndpoint('2.15', 'PATCH', '/tickets/1'), undefined);
  assert.equal(matchEndpoint('2.15', 'GET', '/tickets/1/extra'), undefined);
  assert.equal(matchEndpoint('nonsense', 'GET', '/admins'), undefined);
});

test('nearestEndpoints suggests /tickets for /ticket', () => {
  const [first] = nearestEndpoints('2.15', 'POST', 'https://api.intercom.io/ticket', 3);
  assert.equal(first.endpoint.path, '/tickets');
  assert.equal(first.endpoint.method, 'POST');
  assert.ok(first.distance > 0 && first.distance < 0.5);
  const [byId] = nearestEndpoints('2.15', 'GET', '/ticket/${ticketID}', 1);
  assert.equal(byId.endpoint.key, 'GET /tickets/{ticket_id}');
  const [admins] = nearestEndpoints('2.15', 'GET', '/admin', 1);
  assert.equal(admins.endpoint.path, '/admins');
  assert.equal(nearestEndpoints('2.15', 'GET', '/admins', 5).length, 5);
});

test('endpointsFor lists what the version has, with summaries', () => {
  const v27 = endpointsFor('2.7');
  const v216 = endpointsFor('2.16');
  assert.ok(v27.length > 90 && v216.length > v27.length);
  assert.ok(!v27.some((e) => e.path === '/tickets'));
  const admins = v216.find((e) => e.key === 'GET /admins');
  assert.ok(admins && admins.summary.length > 0);
  assert.equal(resolvePath(undefined, 'x'), undefined);
});
