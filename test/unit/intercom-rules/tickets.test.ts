/** Ticket rules: status path and values, the create body (ranges inside the escaped string), statuses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_HEADERS, applyFix, callList, expectFinding, findingsOf, none, one } from './helpers';

const STATUS = (headers: Record<string, string>, path: string, values: string[] = ['resolved']) => callList({
  url: 'https://api.intercom.io/tickets/${ticketID}', httpMethod: 'GET', httpHeaders: headers, httpContentType: 'application/json',
  ticketStatusPath: path, ticketStatusValue: values, successResponses: { statusCode: [200] }, unsuccessResponses: { statusCode: [404] },
});
const V = (v: string) => ({ ...GOOD_HEADERS, 'Intercom-Version': v });

test('intercom-ticket-status-path: "ticket_state" with 2.15 pinned is an error; fix reads the category', () => {
  const text = STATUS(V('2.15'), 'ticket_state');
  expectFinding('intercom-ticket-status-path', 'TicketStatusJSON', text, {
    severity: 'error', range: '"ticket_state"', fixed: text.replace('"ticketStatusPath": "ticket_state"', '"ticketStatusPath": "ticket_state.category"'),
    message: /polls this ticket forever/,
  });
});

test('intercom-ticket-status-path: "ticket_state.category" with 2.11 pinned is an error; fix reads the string', () => {
  const text = STATUS(V('2.11'), 'ticket_state.category');
  expectFinding('intercom-ticket-status-path', 'TicketStatusJSON', text, {
    severity: 'error', range: '"ticket_state.category"', fixed: text.replace('"ticket_state.category"', '"ticket_state"'),
  });
});

test('intercom-ticket-status-path: no version header → warning explaining both; fix pins the version and the path', () => {
  const headers = { Authorization: '${access_token}', Accept: 'application/json' };
  const text = STATUS(headers, 'ticket_state');
  const f = expectFinding('intercom-ticket-status-path', 'TicketStatusJSON', text, {
    severity: 'warning', range: '"ticket_state"',
    fixed: text.replace('"Accept": "application/json"', '"Accept": "application/json",\n        "Intercom-Version": "2.15"')
      .replace('"ticketStatusPath": "ticket_state"', '"ticketStatusPath": "ticket_state.category"'),
    message: /up to 2\.11 .* from 2\.12/,
  });
  assert.equal(f.fixes![1].title, 'Pin Intercom-Version "2.11" and keep "ticket_state"');
  // Both fixes leave nothing to report.
  for (const fix of f.fixes!) none('intercom-ticket-status-path', 'TicketStatusJSON', applyFix(text, fix));
});

test('intercom-ticket-status-path: near misses and labels', () => {
  none('intercom-ticket-status-path', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category'));
  none('intercom-ticket-status-path', 'TicketStatusJSON', STATUS(V('2.9'), 'ticket_state'));
  none('intercom-ticket-status-path', 'TicketStatusJSON', STATUS(V('Preview'), 'ticket_state.category'));
  none('intercom-ticket-status-path', 'TicketStatusJSON', STATUS({ Authorization: '${access_token}' }, 'ticket_state.category'));
  const label = one('intercom-ticket-status-path', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.internal_label'));
  assert.equal(label.severity, 'warning');
  assert.match(label.message, /per workspace/);
  const unknown = one('intercom-unknown-field', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_status'));
  assert.match(unknown.message, /Did you mean "ticket_state"/);
});

test('intercom-ticket-status-value: not a category → did-you-mean; error when none can match', () => {
  const text = STATUS(V('2.15'), 'ticket_state.category', ['Resolved']);
  expectFinding('intercom-ticket-status-value', 'TicketStatusJSON', text, {
    severity: 'error', range: '"Resolved"', fixed: text.replace('"Resolved"', '"resolved"'),
  });
  const closed = one('intercom-ticket-status-value', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category', ['resolved', 'closed']));
  assert.equal(closed.severity, 'warning');
  assert.match(closed.message, /Did you mean "resolved"/);
  assert.match(one('intercom-ticket-status-value', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category', ['submitted', 'resolved'])).message, /starts in the category "submitted"/);
  none('intercom-ticket-status-value', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category', ['resolved', 'waiting_on_customer']));
  none('intercom-ticket-status-value', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_type.name', ['Closed']));
});

test('intercom-ticket-deleted: information; near miss when 404 is listed', () => {
  const text = STATUS(V('2.15'), 'ticket_state.category').replace(',\n      "unsuccessResponses": {\n        "statusCode": [\n          404\n        ]\n      }', '');
  const f = one('intercom-ticket-deleted', 'TicketStatusJSON', text);
  assert.equal(f.severity, 'information');
  assert.deepEqual(JSON.parse(applyFix(text, f.fixes![0])).call[0].unsuccessResponses, { statusCode: [404] });
  none('intercom-ticket-deleted', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category'));
});

const CREATE = (body: string, extra: Record<string, unknown> = {}) => callList({
  url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: GOOD_HEADERS, httpContentType: 'application/json',
  httpParams: body, ticketidPath: 'id', successResponses: { statusCode: [200] }, ...extra,
});
const GOOD_BODY = '{"ticket_type_id":"42","contacts":[{"email":"${user.email}"}],"ticket_attributes":{"_default_title_":"Access","_default_description_":"x"}}';

test('create body: the good body raises nothing', () => {
  for (const code of ['intercom-ticket-attributes', 'intercom-ticket-contacts', 'intercom-ticket-type-id', 'intercom-body-required', 'intercom-success-status']) {
    none(code, 'CreateTicketJSON', CREATE(GOOD_BODY));
  }
});

test('intercom-ticket-attributes: "title" inside the escaped body, exact range, fix renames', () => {
  const text = CREATE(GOOD_BODY.replace('_default_title_', 'title'));
  const f = expectFinding('intercom-ticket-attributes', 'CreateTicketJSON', text, {
    severity: 'error', range: 'title', fixed: CREATE(GOOD_BODY),
  });
  assert.equal(f.offset, text.indexOf('title\\"'));
  const near = one('intercom-ticket-attributes', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('_default_description_', '_default_descripton_')));
  assert.equal(near.fixes![0].title, 'Rename to "_default_description_"');
  none('intercom-ticket-attributes', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('"_default_description_":"x"', '"Priority":"High"')));
});

test('intercom-ticket-contacts: ${user.id} is Saviynt\'s id; fix sends the email', () => {
  const text = CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"id":"${user.id}"}'));
  expectFinding('intercom-ticket-contacts', 'CreateTicketJSON', text, {
    severity: 'warning', range: '${user.id}', fixed: CREATE(GOOD_BODY),
  });
});

test('intercom-ticket-contacts: exactly one contact, identified by id, external_id or email', () => {
  const two = one('intercom-ticket-contacts', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('[{"email":"${user.email}"}]', '[{"email":"a@b.co"},{"email":"c@d.co"}]')));
  assert.equal(two.severity, 'error');
  assert.match(two.message, /exactly one contact/);
  const bad = CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"mail":"${user.email}"}'));
  const f = one('intercom-ticket-contacts', 'CreateTicketJSON', bad);
  assert.equal(bad.slice(f.offset, f.offset + f.length), '{\\"mail\\":\\"${user.email}\\"}');
  const asId = one('intercom-ticket-contacts', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"id":"${user.email}"}')));
  assert.equal(applyFix(CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"id":"${user.email}"}')), asId.fixes![0]), CREATE(GOOD_BODY));
  none('intercom-ticket-contacts', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"external_id":"${user.username}"}')));
  none('intercom-ticket-contacts', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('{"email":"${user.email}"}', '{"id":"${user.customproperty9}"}')));
});

test('intercom-ticket-type-id: a per-user binding is a warning; a fixed id is not', () => {
  const text = CREATE(GOOD_BODY.replace('"ticket_type_id":"42"', '"ticket_type_id":"${user.customproperty1}"'));
  expectFinding('intercom-ticket-type-id', 'CreateTicketJSON', text, { severity: 'warning', range: '${user.customproperty1}', fixed: null });
  none('intercom-ticket-type-id', 'CreateTicketJSON', CREATE(GOOD_BODY.replace('"ticket_type_id":"42"', '"ticket_type_id":42')));
});

test('intercom-body-required: POST /tickets without ticket_type_id', () => {
  const body = '{"contacts":[{"email":"${user.email}"}]}';
  const text = CREATE(body);
  const f = expectFinding('intercom-body-required', 'CreateTicketJSON', text, { severity: 'error', range: JSON.stringify(body).slice(1, -1), fixed: null });
  assert.match(f.message, /"ticket_type_id"/);
  assert.doesNotMatch(f.message, /"contacts"/);
  none('intercom-body-required', 'CreateTicketJSON', CREATE('${new groovy.json.JsonBuilder(x).toString()}'));
});

test('intercom-success-status: 201 never occurs (information, fix removes it)', () => {
  const text = CREATE(GOOD_BODY, { successResponses: { statusCode: [200, 201] } });
  const f = one('intercom-success-status', 'CreateTicketJSON', text);
  assert.equal(f.severity, 'information');
  assert.equal(text.slice(f.offset, f.offset + f.length), '201');
  assert.deepEqual(JSON.parse(applyFix(text, f.fixes![0])).call[0].successResponses, { statusCode: [200] });
  assert.equal(findingsOf('intercom-success-status', 'CreateTicketJSON', CREATE(GOOD_BODY)).length, 0);
});

test('intercom-ticket-status-parts: a ticketStatusPath into ticket_parts reads a part\'s string state, not the ticket\'s', () => {
  for (const path of ['ticket_parts.ticket_parts[0].ticket_state', 'ticket_parts.ticket_parts[-1].previous_ticket_state', '$..ticket_state']) {
    const text = STATUS(V('2.15'), path);
    const f = expectFinding('intercom-ticket-status-parts', 'TicketStatusJSON', text, {
      severity: 'error', range: JSON.stringify(path), fixed: text.replace(`"ticketStatusPath": ${JSON.stringify(path)}`, '"ticketStatusPath": "ticket_state.category"'),
    });
    assert.match(f.message, /ticket_parts/);
    none('intercom-ticket-status-path', 'TicketStatusJSON', text);
  }
  // 2.11: the right path is the string itself.
  const old = STATUS(V('2.11'), 'ticket_parts.ticket_parts[0].ticket_state');
  assert.match(applyFix(old, one('intercom-ticket-status-parts', 'TicketStatusJSON', old).fixes![0]), /"ticketStatusPath": "ticket_state"/);
  none('intercom-ticket-status-parts', 'TicketStatusJSON', STATUS(V('2.15'), 'ticket_state.category'));
});
