/** Intercom completion (url, listField, mapping paths, ticket paths, Intercom-Version) and URL hover. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { intercomCompletion } from '../../../server/src/core/features/intercomCompletion';
import { intercomHover } from '../../../server/src/core/features/intercomHover';
import { StaticConnection } from '../../../server/src/core/connection';
import type { AttributeDocument } from '../../../server/src/core/document';
import { GOOD_HEADERS, callList, docOf, importJson } from './helpers';
import { complete, hover } from '../../support/engine';

/** Text with a `|` cursor marker → document and offset. */
function at(attribute: string, marked: string): { doc: AttributeDocument; offset: number } {
  const offset = marked.indexOf('|');
  return { doc: docOf(attribute, marked.slice(0, offset) + marked.slice(offset + 1)), offset };
}
function ctxOf(attribute: string, marked: string, siblings: AttributeDocument[] = []) {
  const { doc, offset } = at(attribute, marked);
  return { doc, offset, connection: new StaticConnection('t', [doc, ...siblings]), settings: {} };
}
function rangeText(doc: AttributeDocument, item: CompletionItem): string {
  const e = item.textEdit as TextEdit;
  return doc.text.slice(doc.offsetAt(e.range.start), doc.offsetAt(e.range.end));
}

test('url: endpoint URLs of the version, matching method first, replacing the string content', () => {
  const marked = callList({ url: 'https://api.intercom.io/tic|', httpMethod: 'POST', httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': '2.9' } });
  const ctx = ctxOf('CreateTicketJSON', marked);
  const result = intercomCompletion(ctx)!;
  assert.equal(result.exclusive, true);
  const labels = result.items.map(i => `${i.labelDetails?.description} ${i.label}`);
  assert.ok(labels.includes('POST https://api.intercom.io/tickets'));
  assert.ok(!labels.some(l => l.endsWith('/tickets/enqueue')), 'enqueue needs 2.14');
  const sorted = [...result.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].labelDetails?.description, 'POST');
  const tickets = result.items.find(i => i.label === 'https://api.intercom.io/tickets' && i.labelDetails?.description === 'POST')!;
  assert.equal(rangeText(ctx.doc, tickets), 'https://api.intercom.io/tic');
  assert.equal((tickets.textEdit as TextEdit).newText, 'https://api.intercom.io/tickets');
  const get = result.items.find(i => i.labelDetails?.description === 'GET' && i.label === 'https://api.intercom.io/admins')!;
  assert.equal(get.additionalTextEdits?.[0].newText, '"GET"', 'choosing a GET endpoint sets the method');
});

test('url: the region host already used by the connection; ${ticketID} in TicketStatusJSON', () => {
  const sibling = docOf('CreateTicketJSON', callList({ url: 'https://api.eu.intercom.io/tickets', httpMethod: 'POST' }));
  const ctx = ctxOf('TicketStatusJSON', callList({ url: '|', httpMethod: 'GET', httpHeaders: GOOD_HEADERS }), [sibling]);
  const items = intercomCompletion(ctx)!.items;
  const ticket = items.find(i => i.label === 'https://api.eu.intercom.io/tickets/{ticket_id}' && i.labelDetails?.description === 'GET')!;
  assert.ok(ticket, 'EU host used');
  assert.equal((ticket.textEdit as TextEdit).newText, 'https://api.eu.intercom.io/tickets/${1:\\${ticketID\\}}');
  assert.equal(rangeText(ctx.doc, ticket), '');
});

test('url: nothing for another host or inside ${…}', () => {
  assert.equal(intercomCompletion(ctxOf('CreateAccountJSON', callList({ url: 'https://example.com/|', httpMethod: 'GET' }))), undefined);
  assert.equal(intercomCompletion(ctxOf('TicketStatusJSON', callList({ url: 'https://api.intercom.io/tickets/${tick|}', httpMethod: 'GET' }))), undefined);
});

test('listField: the endpoint\'s record list', () => {
  const ctx = ctxOf('ImportAccountEntJSON', importJson({ listField: 'ad|', colsToPropsMap: {} }, { url: 'https://api.intercom.io/admins' }));
  const items = intercomCompletion(ctx)!.items;
  assert.equal(items[0].label, 'admins');
  assert.equal(items[0].preselect, true);
  assert.equal(rangeText(ctx.doc, items[0]), 'ad');
});

test('colsToPropsMap: item fields with types, replacing only the path before ~#~', () => {
  const ctx = ctxOf('ImportAccountEntJSON', importJson({ listField: 'admins', colsToPropsMap: { name: 'em|~#~char' } }, { url: 'https://api.intercom.io/admins' }));
  const items = intercomCompletion(ctx)!.items;
  const email = items.find(i => i.label === 'email')!;
  assert.equal(email.detail, 'string');
  assert.equal(rangeText(ctx.doc, email), 'em');
  assert.equal((email.textEdit as TextEdit).newText, 'email');
  assert.ok(items.some(i => i.label === 'team_priority_level.primary_team_ids'));
  const fresh = ctxOf('ImportAccountEntJSON', importJson({ listField: 'admins', colsToPropsMap: { name: '|' } }, { url: 'https://api.intercom.io/admins' }));
  assert.equal((intercomCompletion(fresh)!.items.find(i => i.label === 'id')!.textEdit as TextEdit).newText, 'id~#~char');
});

test('ticketStatusPath: the response paths, "ticket_state.category" first for 2.15 and "ticket_state" for 2.11', () => {
  for (const [v, first] of [['2.15', 'ticket_state.category'], ['2.11', 'ticket_state']]) {
    const ctx = ctxOf('TicketStatusJSON', callList({ url: 'https://api.intercom.io/tickets/${ticketID}', httpMethod: 'GET',
      httpHeaders: { ...GOOD_HEADERS, 'Intercom-Version': v }, ticketStatusPath: 'ticket_s|' }));
    const items = intercomCompletion(ctx)!.items;
    const pre = items.find(i => i.preselect)!;
    assert.equal(pre.label, first);
    assert.equal(rangeText(ctx.doc, pre), 'ticket_s');
    if (v === '2.15') assert.equal(items.find(i => i.label === 'ticket_state')!.detail, 'object');
  }
});

test('Intercom-Version value: versions newest first, 2.15 recommended', () => {
  const ctx = ctxOf('CreateAccountJSON', callList({ url: 'https://api.intercom.io/admins', httpMethod: 'GET', httpHeaders: { 'Intercom-Version': '2.|' } }));
  const items = intercomCompletion(ctx)!.items;
  assert.deepEqual(items.slice(0, 3).map(i => i.label), ['2.16', '2.15', '2.14']);
  assert.equal(items.find(i => i.preselect)!.label, '2.15');
  assert.ok(items.some(i => i.label === 'Preview'));
  assert.equal(rangeText(ctx.doc, items[0]), '2.');
});

test('completion driver: Intercom items come first and schema proposals are left out', async () => {
  const ctx = ctxOf('ImportAccountEntJSON', importJson({ listField: '|', colsToPropsMap: {} }, { url: 'https://api.intercom.io/teams' }));
  const list = await complete(ctx);
  assert.deepEqual(list.items.map(i => i.label), ['teams']);
});

test('hover on an Intercom URL: summary, versions, list field and pagination', async () => {
  const ctx = ctxOf('ImportAccountEntJSON', importJson({ listField: 'data', colsToPropsMap: {} }, { url: 'https://api.intercom.io/con|tacts' }));
  const h = intercomHover(ctx)!;
  const value = (h.contents as { value: string }).value;
  assert.match(value, /\*\*GET \/contacts\*\*/);
  assert.match(value, /Exists in Intercom-Version 2\.7–2\.16 and Preview/);
  assert.match(value, /listField: "data"/);
  assert.match(value, /starting_after/);
  assert.match(value, /Intercom-Version 2\.15/);
  const viaDriver = await hover(ctx);
  assert.equal((viaDriver!.contents as { value: string }).value, value);
});

test('hover: tickets exist from 2.9; an unpinned call says so; nothing off-host', () => {
  const ctx = ctxOf('TicketStatusJSON', callList({ url: 'https://api.intercom.io/tic|kets/${ticketID}', httpMethod: 'GET' }));
  const value = (intercomHover(ctx)!.contents as { value: string }).value;
  assert.match(value, /2\.9–2\.16/);
  assert.match(value, /pins no Intercom-Version/);
  assert.equal(intercomHover(ctxOf('CreateAccountJSON', callList({ url: 'https://example.com/ad|mins', httpMethod: 'GET' }))), undefined);
});
