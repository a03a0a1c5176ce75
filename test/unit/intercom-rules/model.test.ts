/** The Intercom call model: URL parsing, version selection, memoisation, speed and robustness. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intercomCalls, parseUrl, versionOf } from '../../../server/src/core/intercom/rules/model';
import { findCalls } from '../../../server/src/core/calls/callModel';
import { defaultRules } from '../../../server/src/core/index';
import { engineWith } from '../../support/engine';
import { StaticConnection } from '../../../server/src/core/connection';
import type { Finding } from '../../../server/src/core/types';
import { GOOD_HEADERS, callList, docOf, intercomFindings } from './helpers';

test('parseUrl: host, path and query as indices of the value, blanks and ${…} respected', () => {
  const u = parseUrl('  https://api.eu.intercom.io/tickets/${a?b}?per_page=5#x ')!;
  assert.equal(u.host, 'api.eu.intercom.io');
  assert.equal(u.path, '/tickets/${a?b}');
  assert.equal(u.value.slice(u.pathStart, u.pathEnd), '/tickets/${a?b}');
  assert.equal(u.query, 'per_page=5');
  assert.equal(parseUrl('${base}/admins'), undefined);
  assert.equal(parseUrl('https://${host}/admins'), undefined);
  assert.equal(parseUrl('https://api.intercom.io')!.path, '');
});

test('versionOf: header spelling, bound, invalid, legacy, newer, default', () => {
  const v = (headers: Record<string, unknown>) => {
    const doc = docOf('CreateAccountJSON', callList({ url: 'https://api.intercom.io/admins', httpHeaders: headers }));
    return versionOf(doc, findCalls(doc)[0].httpNode, '2.14');
  };
  assert.deepEqual([v({}).status, v({}).version], ['missing', '2.14']);
  assert.deepEqual([v({ 'INTERCOM-VERSION': '2.9' }).status, v({ 'INTERCOM-VERSION': '2.9' }).version], ['valid', '2.9']);
  assert.deepEqual([v({ 'Intercom-Version': '${x}' }).status, v({ 'Intercom-Version': '${x}' }).version], ['bound', '2.14']);
  assert.deepEqual([v({ 'Intercom-Version': 'preview' }).status, v({ 'Intercom-Version': 'preview' }).version], ['invalid', undefined]);
  assert.equal(v({ 'Intercom-Version': '2.3' }).status, 'legacy');
  assert.deepEqual([v({ 'Intercom-Version': '2.17' }).status, v({ 'Intercom-Version': '2.17' }).version], ['newer', '2.16']);
  assert.equal(v({ 'Intercom-Version': 'Preview' }).status, 'valid');
});

test('intercomCalls is computed once per document version and default version', () => {
  const doc = docOf('TicketStatusJSON', callList({ url: 'https://api.intercom.io/tickets/${ticketID}', httpMethod: 'GET', httpHeaders: GOOD_HEADERS }));
  const a = intercomCalls(doc, {});
  assert.equal(intercomCalls(doc, {}), a);
  assert.equal(intercomCalls(doc, { defaultIntercomVersion: '2.15' }), a, 'the default setting is 2.15');
  assert.notEqual(intercomCalls(doc, { defaultIntercomVersion: '2.11' }), a);
  assert.equal(a[0].endpoint?.key, 'GET /tickets/{ticket_id}');
  assert.equal(a[0].region.id, 'us');
});

test('speed: the Intercom rules check 300 calls in well under a second', () => {
  const calls = Array.from({ length: 300 }, (_, i) => ({
    name: `call${i}`, connection: 'acctAuth', url: i % 2 ? 'https://api.intercom.io/tickets' : 'https://api.intercom.io/ticket/${ticketID}',
    httpMethod: i % 2 ? 'POST' : 'GET', httpHeaders: { Authorization: '${access_token}' }, httpContentType: 'application/json',
    httpParams: '{"ticket_type_id":"${user.customproperty1}","contacts":[{"id":"${user.id}"}],"ticket_attributes":{"title":"t"}}',
  }));
  const doc = docOf('CreateTicketJSON', JSON.stringify({ call: calls }, null, 2));
  const intercomRules = engineWith({ rules: defaultRules.filter(r => r.id.startsWith('intercom-')) });
  const start = performance.now();
  const findings: Finding[] = [];
  const connection = new StaticConnection('t', [doc]);
  findings.push(...intercomRules.ruleFindings(doc, { connection }));
  const ms = performance.now() - start;
  assert.ok(findings.length >= 300 * 3, `${findings.length} findings`);
  assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
});

test('robustness: truncated and odd documents never throw', () => {
  const base = callList({
    url: ' https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: { Authorization: '${access_token}', 'Intercom-Version': 2.10 },
    httpParams: '{"ticket_type_id":${user.x},"contacts":{"id":"${user.id}"},"ticket_attributes":[1]}', ticketidPath: 'ticket_id',
    successResponses: [{ statusCode: [201] }],
  });
  for (let cut = 0; cut <= base.length; cut += 7) {
    for (const attribute of ['CreateTicketJSON', 'TicketStatusJSON', 'ImportAccountEntJSON', 'ConnectionJSON']) {
      assert.doesNotThrow(() => intercomFindings(docOf(attribute, base.slice(0, cut))), `${attribute} cut at ${cut}`);
    }
  }
  const odd = JSON.stringify({ call: [{ url: 42 }, { url: 'https://api.intercom.io/admins', httpHeaders: 'x', httpMethod: ['GET'] }, null] });
  assert.doesNotThrow(() => intercomFindings(docOf('CreateAccountJSON', odd)));
});
