/**
 * EIC export files checked in place: each embedded attribute's findings land on the exact
 * characters inside the escaped string, quick fixes are re-escaped, and hover and completion
 * answer from the embedded attribute.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument } from '../../../server/src/core/document';
import { singleDocumentConnection } from '../../../server/src/core/connection';
import { analyze, hover, complete } from '../../support/engine';

function exportOf(attributes: Record<string, string>): string {
  return JSON.stringify({
    Intercom: {
      connectionname: 'Intercom', externalconnectiontype: 'REST', status: 1,
      EXTERNAL_ATTR: Object.entries(attributes).map(([attributename, value]) => ({ formdata: null, credentialSaveStatus: false, attributename, encryptedattributevalue: value })),
    },
  }, null, 2);
}

const createTicket = '{\r\n  "call": [\r\n    {\r\n      "name": "call1",\r\n      "connection": "acctAuth",\r\n      "url": "https://api.intercom.io/tickets",\r\n      "showRespons": true,\r\n      "httpMethod": "POST",\r\n      "httpHeaders": {"Authorization": "${access_token}", "Accept": "application/json", "Intercom-Version": "2.15"},\r\n      "httpContentType": "application/json",\r\n      "httpParams": "{\\"ticket_type_id\\":\\"41\\",\\"contacts\\":[{\\"email\\":\\"${user.email}\\"}],\\"ticket_attributes\\":{\\"_default_title_\\":\\"x\\"}}",\r\n      "ticketidPath": "id",\r\n      "successResponses": {"statusCode": [200]}\r\n    }\r\n  ]\r\n}';

test('a finding of an embedded attribute points at the exact characters in the export', async () => {
  const text = exportOf({ ConnectionJSON: 'F094T0v6WHOpHcSzOqzN/G0EOXMVamwB8u2E9ttQ==', CreateTicketJSON: createTicket });
  const doc = AttributeDocument.fromFile('Connection_2026-01-01_00-00-00(UTC).json', text);
  assert.equal(doc.kind, 'export');
  const findings = await analyze(doc);
  const unknown = findings.find(f => f.code === 'unknown-key');
  assert.ok(unknown, JSON.stringify(findings.map(f => f.code)));
  // In the export the key is written with escaped quotes.
  assert.equal(text.substr(unknown!.offset, unknown!.length), '\\"showRespons\\"');
  assert.match(unknown!.message, /^Unknown key `showRespons`: .* \(in CreateTicketJSON\)$/);
  const fix = unknown!.fixes![0].edits[0];
  assert.equal(fix.newText, '\\"showResponse\\"', 'the replacement is escaped for the JSON string');
  assert.equal(text.substr(fix.offset, fix.length), '\\"showRespons\\"');
  assert.ok(!findings.some(f => f.code === 'json-syntax'), 'the ciphertext ConnectionJSON is not parsed');
});

test('a binding inside the doubly escaped httpParams of an export is located exactly', async () => {
  const broken = createTicket.replace('${user.email}', '${user.emial}');
  const text = exportOf({ CreateTicketJSON: broken });
  const findings = await analyze(AttributeDocument.fromFile('Connection_x.json', text));
  const binding = findings.find(f => f.code === 'binding-unknown-variable');
  assert.ok(binding, JSON.stringify(findings.map(f => f.code)));
  assert.match(text.substr(binding!.offset, binding!.length), /emial/);
});

test('hover and completion answer inside an embedded attribute', async () => {
  const text = exportOf({ CreateTicketJSON: createTicket });
  const doc = AttributeDocument.fromFile('Connection_x.json', text);
  const at = text.indexOf('ticketidPath');
  const h = await hover({ doc, offset: at + 2, connection: singleDocumentConnection(doc), settings: {} });
  assert.ok(h, 'hover result');
  assert.ok(JSON.stringify(h!.contents).length > 30, JSON.stringify(h));
  const range = h!.range!;
  assert.equal(range.start.line, doc.positionAt(at).line);

  const bindingAt = text.indexOf('${user.email}') + '${user.'.length;
  const list = await complete({ doc, offset: bindingAt, connection: singleDocumentConnection(doc), settings: {} });
  const email = list.items.find(i => i.label === 'email');
  assert.ok(email, list.items.map(i => i.label).join(','));
});
