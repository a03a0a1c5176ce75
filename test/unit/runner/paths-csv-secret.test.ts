// Response inspection (pickPaths), CSV output and token redaction.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { SecretToken, TokenFormatError, mapRecord, parsePath, pickPaths, redact, redactDeep, toCsv } from '../../../server/src/core/runner';

const ticket = {
  type: 'ticket', id: '631', ticket_id: '38',
  ticket_state: { type: 'ticket_state', id: '8481', category: 'submitted', internal_label: 'Submitted' },
  ticket_parts: { ticket_parts: [{ ticket_state: 'submitted' }] },
  'odata.count': 2,
};

describe('pickPaths', () => {
  it('parses dotted paths, indices and ~dot#', () => {
    assert.deepEqual(parsePath('a[0].b~dot#c.d[2][1]'), ['a', 0, 'b.c', 'd', 2, 1]);
  });

  it('shows what ticketidPath and ticketStatusPath pick, and flags an object status', () => {
    const picked = pickPaths(ticket, [
      { role: 'ticketidPath', path: 'id' },
      { role: 'ticketStatusPath', path: 'ticket_state' },
      { role: 'ticketStatusPath', path: 'ticket_state.category' },
      { role: 'ticketStatusPath', path: 'ticket_status' },
      { role: 'other', path: 'odata~dot#count' },
      { role: 'other', path: 'ticket_parts.ticket_parts[0].ticket_state' },
      { role: 'other', path: 'completeResponseMap.ticket_id' },
    ]);
    assert.equal(picked[0].value, '631');
    assert.match(picked[1].note!, /points at an object: use ticket_state\.category for Intercom 2\.12\+/);
    assert.equal(picked[2].value, 'submitted');
    assert.equal(picked[3].found, false);
    assert.match(picked[3].note!, /nearest existing key is "ticket_state"/);
    assert.equal(picked[4].value, 2);
    assert.equal(picked[5].value, 'submitted');
    assert.equal(picked[6].value, '38');
  });

  it('reads mappings and keyField from the first item of listField, and callN.message paths', () => {
    const body = { admins: [{ id: '1', email: 'a@x', team_ids: [5] }] };
    const picked = pickPaths(body, [
      { role: 'listField', path: 'admins' },
      { role: 'keyField', path: 'accountID' },
      { role: 'colsToPropsMap.accountID', path: 'id~#~char' },
      { role: 'colsToPropsMap.name', path: 'mail~#~char' },
      { role: 'colsToPropsMap.customproperty31', path: 'STORE#ACC#ENT#MAPPINGINFO~#~char' },
    ]);
    assert.equal(picked[0].note, '1 item');
    assert.equal(picked[1].value, '1');
    assert.match(picked[1].note!, /filled from id~#~char/);
    assert.equal(picked[2].value, '1');
    assert.equal(picked[3].found, false);
    assert.match(picked[3].note!, /nearest existing key is "email"/);
    assert.match(picked[4].note!, /acctEntMappings/);
    const prov = pickPaths({ id: 'x1' }, [{ role: 'responseColsToPropsMap.accountID', path: 'call1.message.id~#~char' }]);
    assert.equal(prov[0].value, 'x1');
  });
});

describe('mapRecord', () => {
  it('applies types, #CONST# with response = the record, and flags written mistakes', () => {
    const m = mapRecord({ id: 7, name: 'Zoë', active: true, at: 1735440158, tags: ['a', 'b'] }, {
      accountID: 'id~#~char', displayName: 'name~#~char ', status: 'active~#~bool', lastlogondate: 'at~#~epochdate',
      customproperty2: 'tags~#~char', customproperty3: '#CONST#${response.name + \'!\'}~#~char', customproperty4: 'name', customproperty5: 'name~~#~char',
    });
    assert.deepEqual(m.columns, {
      accountID: '7', displayName: 'Zoë', status: 'true', lastlogondate: '2024-12-29 02:42:38',
      customproperty2: '[a, b]', customproperty3: 'Zoë!', customproperty4: 'Zoë', customproperty5: 'Zoë',
    });
    assert.equal(m.warnings.length, 3);
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180, uses CRLF and keeps unicode', () => {
    const csv = toCsv([
      { key: '1', columns: { id: '1', name: 'Ann "A" Lee', note: 'a,b', text: 'line1\nline2' } },
      { key: '2', columns: { id: '2', name: '李小龙 😀 مرحبا', note: null, text: '<script>' } },
    ]);
    assert.equal(csv, 'id,name,note,text\r\n1,"Ann ""A"" Lee","a,b","line1\nline2"\r\n2,李小龙 😀 مرحبا,,<script>\r\n');
    assert.equal(toCsv([{ a: 1 }], { bom: true }).charCodeAt(0), 0xfeff);
  });
});

describe('SecretToken and redact', () => {
  const raw = 'tok_REDACT_me_0123456789';
  it('never shows the token through JSON, String, inspect or spreading', () => {
    const t = new SecretToken(raw);
    for (const shown of [JSON.stringify({ t }), String(t), inspect(t, { showHidden: true, depth: 5 }), JSON.stringify({ ...t }), `${t}`]) {
      assert.ok(!shown.includes(raw), shown);
    }
    assert.equal(t.masked, '••••6789');
  });

  it('redacts raw, URL-encoded and base64 forms at any alignment', () => {
    const t = new SecretToken(raw);
    const texts = [raw, encodeURIComponent(raw + '/+'), Buffer.from(raw).toString('base64'), Buffer.from(`user:${raw}`).toString('base64'),
      Buffer.from(`ab:${raw}`).toString('base64'), Buffer.from(`abc${raw}xyz`).toString('base64url')];
    for (const text of texts) {
      const out = redact(`before ${text} after`, t);
      assert.ok(!out.includes(raw));
      // No 8+ character piece of any encoding of the token survives.
      for (const enc of [raw, Buffer.from(raw).toString('base64').slice(2, 20)]) assert.ok(!out.includes(enc), `${text} → ${out}`);
    }
    assert.deepEqual(redactDeep({ a: [raw], [raw]: 1 }, t), { a: ['••••6789'], '••••6789': 1 });
  });

  it('tolerates "Bearer " and surrounding spaces, refuses spaces inside', () => {
    assert.equal(new SecretToken(`  Bearer ${raw}\n`).masked, '••••6789');
    assert.throws(() => new SecretToken('tok abc'), TokenFormatError);
    assert.throws(() => new SecretToken('   '), TokenFormatError);
    assert.equal(new SecretToken('short').masked, '••••');
  });
});
