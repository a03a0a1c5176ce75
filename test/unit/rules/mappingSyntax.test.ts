import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFinding, findingsOf, none, one } from './helpers';

const acct = (map: string) => `{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","call":{"call1":{"callOrder":0,"stageNumber":0,"listField":"users","keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","name":"login~#~char",${map}}}}}}`;
const IMPORT = 'ImportAccountEntJSON';

test('mapping-separator: missing ~#~ suffix → append ~#~char', () => {
  const text = acct('"displayName":"email"');
  expectFinding('mapping-separator', IMPORT, text, { severity: 'error', range: 'email', fixed: acct('"displayName":"email~#~char"') });
});

test('mapping-separator: doubled tilde ~~#~ (Ironclad) → one tilde', () => {
  const text = acct('"displayName":"name~~#~char"');
  expectFinding('mapping-separator', IMPORT, text, { severity: 'error', range: '~~#~', fixed: acct('"displayName":"name~#~char"') });
});

test('mapping-separator: mistyped separator ~#char → ~#~char', () => {
  const text = acct('"displayName":"name~#char"');
  expectFinding('mapping-separator', IMPORT, text, { severity: 'error', range: '~#char', fixed: acct('"displayName":"name~#~char"') });
});

test('mapping-separator: ~#~ twice keeps the last type', () => {
  const text = acct('"displayName":"name~#~char~#~char"');
  expectFinding('mapping-separator', IMPORT, text, { severity: 'error', range: '~#~char~#~', fixed: acct('"displayName":"name~#~char"') });
});

test('mapping-separator: empty mapping value has no mechanical fix', () => {
  const text = acct('"displayName":""');
  const f = expectFinding('mapping-separator', IMPORT, text, { severity: 'error', range: '', fixed: null });
  assert.equal(f.offset, text.indexOf('""') + 1);
});

test('mapping-separator near misses: well-formed values, #CONST# with tildes, STORE', () => {
  none('mapping-separator', IMPORT, acct('"displayName":"name.givenName~#~char","customproperty1":"#CONST#${response.a + \'~\' + response.b}~#~char","customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"'));
});

test('mapping-type: trailing space "char " → "char"', () => {
  const text = acct('"displayName":"name~#~char "');
  const f = expectFinding('mapping-type', IMPORT, text, { severity: 'error', range: 'char ', fixed: acct('"displayName":"name~#~char"') });
  assert.match(f.message, /space/);
});

test('mapping-type: "chr" → did you mean char', () => {
  const text = acct('"displayName":"name~#~chr"');
  const f = expectFinding('mapping-type', IMPORT, text, { severity: 'error', range: 'chr', fixed: acct('"displayName":"name~#~char"') });
  assert.match(f.message, /did you mean `char`/);
});

test('mapping-type: synonyms and case (string → char, Boolean → bool, CHAR → char)', () => {
  expectFinding('mapping-type', IMPORT, acct('"displayName":"name~#~string"'), { severity: 'error', range: 'string', fixed: acct('"displayName":"name~#~char"') });
  expectFinding('mapping-type', IMPORT, acct('"customproperty2":"active~#~Boolean"'), { severity: 'error', range: 'Boolean', fixed: acct('"customproperty2":"active~#~bool"') });
  expectFinding('mapping-type', IMPORT, acct('"displayName":"name~#~CHAR"'), { severity: 'error', range: 'CHAR', fixed: acct('"displayName":"name~#~char"') });
});

test('mapping-type: unknown type without suggestion; missing type after ~#~', () => {
  expectFinding('mapping-type', IMPORT, acct('"displayName":"name~#~blob"'), { severity: 'error', range: 'blob', fixed: null });
  expectFinding('mapping-type', IMPORT, acct('"displayName":"name~#~"'), { severity: 'error', range: '~#~', fixed: acct('"displayName":"name~#~char"') });
});

test('mapping-type: STORE#ACC#ENT#MAPPINGINFO must be char (warning)', () => {
  expectFinding('mapping-type', IMPORT, acct('"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~int"'), { severity: 'warning', range: 'int', fixed: acct('"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"') });
});

test('mapping-type near miss: every documented type', () => {
  none('mapping-type', IMPORT, acct('"displayName":"a~#~char","lastlogondate":"b~#~date","status":"c~#~bool","customproperty1":"d~#~int","updatedate":"e~#~epochdate"'));
});

test('mapping-type in responseColsToPropsMap and ImportUserJSON too', () => {
  const create = '{"responseColsToPropsMap":{"displayName":"call1.message.name~#~chr"},"call":[{"name":"call1","url":"https://x.example.com/u"}]}';
  assert.equal(one('mapping-type', 'CreateAccountJSON', create).severity, 'error');
  assert.equal(findingsOf('mapping-type', 'ImportUserJSON', '{"url":"https://x.example.com","userResponsePath":"data","colsToPropsMap":{"username":"id~#~chr"}}').length, 1);
});

test('mapping-const: ${…} without #CONST# in ImportAccountEntJSON → prefix', () => {
  const text = acct('"customproperty1":"${response.first + response.last}~#~char"');
  expectFinding('mapping-const', IMPORT, text, { severity: 'warning', range: '${response.first + response.last}', fixed: acct('"customproperty1":"#CONST#${response.first + response.last}~#~char"') });
});

test('mapping-const near misses: #CONST# present; bare ${…} in ImportUserJSON', () => {
  none('mapping-const', IMPORT, acct('"customproperty1":"#CONST#${response.a}~#~char"'));
  none('mapping-const', 'ImportUserJSON', '{"url":"https://x.example.com","colsToPropsMap":{"email":"${LOGONNAME + \'@x.com\'}~#~char"}}');
});

test('mapping-dotted-field: the 2.0 of a SCIM URN → ~dot#', () => {
  const urn = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department';
  const text = acct(`"customproperty3":"${urn}~#~char"`);
  expectFinding('mapping-dotted-field', IMPORT, text, { severity: 'warning', range: '.', fixed: acct(`"customproperty3":"${urn.replace('2.0', '2~dot#0')}~#~char"`) });
});

test('mapping-dotted-field: @odata.type → @odata~dot#type', () => {
  const text = acct('"customproperty3":"value.@odata.type~#~char"');
  expectFinding('mapping-dotted-field', IMPORT, text, { severity: 'warning', range: '.', fixed: acct('"customproperty3":"value.@odata~dot#type~#~char"') });
});

test('mapping-dotted-field near misses: ordinary paths, indexes, already escaped', () => {
  none('mapping-dotted-field', IMPORT, acct('"displayName":"name.givenName~#~char","customproperty1":"emails[0].value~#~char","customproperty2":"_fields.Custom~dot#User1~#~char","customproperty4":"meta.version2.0~#~char"'));
});

test('ranges map through JSON escapes', () => {
  const text = acct('"displayName":"na\\u006De~#~chr"');
  const f = one('mapping-type', IMPORT, text);
  assert.equal(text.slice(f.offset, f.offset + f.length), 'chr');
});
