/**
 * The community Intercom package (../shared/saviynt-corpus/connections/Intercom) must show every
 * correction of intercom-api.md §8 that can be seen in its two files — one assertion each — through
 * the full analysis (schema, every rule), as the editor and the CLI run it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import type { Finding } from '../../../server/src/core/types';
import { CORPUS_CONNECTIONS, HAS_CORPUS, NO_CORPUS_MESSAGE } from '../../support/corpus';
import { applyFix } from './helpers';
import { analyze } from '../../support/engine';

const DIR = path.join(CORPUS_CONNECTIONS, 'Intercom');
const skip = !HAS_CORPUS && NO_CORPUS_MESSAGE;

interface Package { create: AttributeDocument; status: AttributeDocument; createFindings: Finding[]; statusFindings: Finding[] }
let loaded: Package | undefined;
async function pkg(): Promise<Package> {
  if (loaded) return loaded;
  const read = (name: string) => AttributeDocument.fromFile(`Intercom/${name}.json`, fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8'));
  const create = read('CreateTicketJSON');
  const status = read('TicketStatusJSON');
  const connection = new StaticConnection('Intercom', [create, status], DIR);
  loaded = { create, status, createFindings: await analyze(create, { connection }), statusFindings: await analyze(status, { connection }) };
  return loaded;
}
const text = (doc: AttributeDocument, f: Finding) => doc.text.slice(f.offset, f.offset + f.length);
const of = (list: Finding[], code: string) => list.filter(f => f.code === code);

test('§8.1 ticketStatusPath "ticket_state" with no pinned version: warning, fix pins 2.15 and reads ticket_state.category', { skip }, async () => {
  const { status, statusFindings } = await pkg();
  const [f] = of(statusFindings, 'intercom-ticket-status-path');
  assert.ok(f && f.severity === 'warning' && text(status, f) === '"ticket_state"' && /forever/.test(f.message));
  const fixed = JSON.parse(applyFix(status.text, f.fixes![0])).call[0];
  assert.deepEqual([fixed.httpHeaders['Intercom-Version'], fixed.ticketStatusPath], ['2.15', 'ticket_state.category']);
});

test('§8.1 "always pin Intercom-Version in both JSONs": intercom-version-missing in each', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  assert.deepEqual([of(createFindings, 'intercom-version-missing').length, of(statusFindings, 'intercom-version-missing').length], [1, 1]);
});

test('§8.2 ticket attribute "title" → "_default_title_" (error)', { skip }, async () => {
  const { create, createFindings } = await pkg();
  assert.ok(of(createFindings, 'intercom-ticket-attributes').some(f => f.severity === 'error' && text(create, f) === 'title' && f.fixes![0].edits[0].newText === '_default_title_'));
});

test('§8.2 ticket attribute "description" → "_default_description_" (error)', { skip }, async () => {
  const { create, createFindings } = await pkg();
  assert.ok(of(createFindings, 'intercom-ticket-attributes').some(f => f.severity === 'error' && text(create, f) === 'description' && f.fixes![0].edits[0].newText === '_default_description_'));
});

test('§8.3 contacts [{"id":"${user.id}"}]: Saviynt\'s id, not Intercom\'s — fix sends {"email":"${user.email}"}', { skip }, async () => {
  const { create, createFindings } = await pkg();
  const [f] = of(createFindings, 'intercom-ticket-contacts');
  assert.ok(f && text(create, f) === '${user.id}' && JSON.parse(JSON.parse(applyFix(create.text, f.fixes![0])).call[0].httpParams).contacts[0].email === '${user.email}');
});

test('§8.4 ticket_type_id from ${user.customproperty1} varies per user', { skip }, async () => {
  const { create, createFindings } = await pkg();
  assert.ok(of(createFindings, 'intercom-ticket-type-id').some(f => text(create, f) === '${user.customproperty1}'));
});

test('§8.5 ticketidPath "id" is right: no intercom-ticket-id-path and no unknown field', { skip }, async () => {
  const { createFindings } = await pkg();
  assert.equal(of(createFindings, 'intercom-ticket-id-path').length + of(createFindings, 'intercom-unknown-field').length, 0);
});

test('§8.6 successResponses 201 never occurs (information, in both files)', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  assert.deepEqual([...of(createFindings, 'intercom-success-status'), ...of(statusFindings, 'intercom-success-status')].map(f => f.severity), ['information', 'information']);
});

test('§8.7 the leading space of " https://api.intercom.io/tickets" (url-whitespace, once)', { skip }, async () => {
  const { create, createFindings } = await pkg();
  const found = createFindings.filter(f => f.offset === create.text.indexOf(' https://api.intercom.io/tickets'));
  assert.deepEqual(found.map(f => f.code), ['url-whitespace']);
});

test('§8.8 Accept: application/json is missing in both files', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  assert.deepEqual([of(createFindings, 'intercom-accept-missing').length, of(statusFindings, 'intercom-accept-missing').length], [1, 1]);
});

test('§8.8 Content-Type comes from httpContentType and Authorization is "${access_token}": nothing to report', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  const codes = [...createFindings, ...statusFindings].map(f => f.code);
  assert.ok(!codes.some(c => ['intercom-content-type-missing', 'intercom-authorization-missing', 'binding-bearer-prefix', 'bearer-prefix-duplicated'].includes(c)), codes.join(', '));
});

test('§8.9 one region (the US host) throughout: no intercom-mixed-regions', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  assert.equal([...createFindings, ...statusFindings].filter(f => f.code === 'intercom-mixed-regions').length, 0);
});

test('§8.11 a ticket deleted in Intercom answers 404 on every poll (information)', { skip }, async () => {
  const { statusFindings } = await pkg();
  assert.deepEqual(of(statusFindings, 'intercom-ticket-deleted').map(f => f.severity), ['information']);
});

test('the only errors of the package are the attribute names', { skip }, async () => {
  const { createFindings, statusFindings } = await pkg();
  const errors = [...createFindings, ...statusFindings].filter(f => f.severity === 'error' && f.code.startsWith('intercom-'));
  assert.deepEqual(errors.map(f => f.code), ['intercom-ticket-attributes', 'intercom-ticket-attributes']);
});
