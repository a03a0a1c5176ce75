import { test } from 'node:test';
import assert from 'node:assert/strict';
import { docOf, expectFinding, findingsOf, fixResolves, none, one } from './helpers';

const IMPORT = 'ImportAccountEntJSON';
const acctCall = (keyField: string, map = '"accountID":"id~#~char","name":"login~#~char"') =>
  `{"accountParams":{"call":{"call1":{"callOrder":0,"stageNumber":0,"listField":"users","keyField":"${keyField}","colsToPropsMap":{${map}}}}}}`;

test('import-keyfield: a response field instead of the Saviynt column (forum 69039)', () => {
  const text = acctCall('UserRoleDetails');
  const f = expectFinding('import-keyfield', IMPORT, text, { severity: 'error', range: '"UserRoleDetails"', fixed: acctCall('accountID') });
  assert.equal(f.fixes?.length, 2, 'offers accountID and name');
  assert.equal(f.fixes?.[1].edits[0].newText, '"name"');
});

test('import-keyfield: case-only difference is a warning with the canonical spelling', () => {
  expectFinding('import-keyfield', IMPORT, acctCall('accountid'), { severity: 'warning', range: '"accountid"', fixed: acctCall('accountID') });
});

test('import-keyfield: entitlement call and acctEnt calls use entitlement/account columns', () => {
  const entText = '{"entitlementParams":{"entTypes":{"Group":{"call":{"call1":{"callOrder":0,"keyField":"entitlementId","colsToPropsMap":{"entitlementID":"id~#~char","entitlement_value":"n~#~char"}}}}}}}';
  expectFinding('import-keyfield', IMPORT, entText, { severity: 'warning', range: '"entitlementId"', fixed: entText.replace('"entitlementId"', '"entitlementID"') });
  const mapText = '{"acctEntParams":{"entTypes":{"Group":{"call":{"call1":{"processingType":"httpEntToAcct","acctIdPath":"id","acctKeyField":"userId","entKeyField":"entitlementID"}}}}}}';
  expectFinding('import-keyfield', IMPORT, mapText, { severity: 'error', range: '"userId"', fixed: mapText.replace('"userId"', '"accountID"') });
});

test('import-keyfield: keyField column must be filled by the call', () => {
  const text = acctCall('name', '"accountID":"id~#~char","displayName":"n~#~char"');
  expectFinding('import-keyfield', IMPORT, text, { severity: 'warning', range: '"name"', fixed: null });
});

test('import-keyfield near misses: accountID / name mapped; acctEntMappings keyField entitlement_value; entToAcct keyField accountID', () => {
  none('import-keyfield', IMPORT, acctCall('accountID'));
  none('import-keyfield', IMPORT, acctCall('name'));
  none('import-keyfield', IMPORT, '{"accountParams":{"acctEntMappings":{"Group":{"listPath":"groups","idPath":"id","keyField":"entitlement_value"}}}}');
  none('import-keyfield', IMPORT, '{"entitlementParams":{"entTypes":{"Group":{"acctEntMappings":{"listField":"members","idPath":"value","keyField":"accountID"}}}}}');
});

const statusDoc = (column: string) => `{"accountParams":{"statusAndThresholdConfig":{"statusColumn":"${column}","activeStatus":["true"]},"call":{"call1":{"callOrder":0,"keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","name":"n~#~char","customproperty1":"active~#~char"}}}}}`;

test('status-column-unmapped: statusColumn is not filled by an account call', () => {
  const f = expectFinding('status-column-unmapped', IMPORT, statusDoc('customproperty9'), { severity: 'warning', range: '"customproperty9"', fixed: statusDoc('customproperty1') });
  assert.match(f.message, /active from inactive/);
});

test('status-column-unmapped across files: STATUS_THRESHOLD_CONFIG vs ImportAccountEntJSON', () => {
  const importDoc = docOf(IMPORT, statusDoc('customproperty1'));
  const threshold = '{"statusAndThresholdConfig":{"statusColumn":"customproperty7","activeStatus":["1"]}}';
  const f = one('status-column-unmapped', 'STATUS_THRESHOLD_CONFIG', threshold, [importDoc]);
  assert.equal(threshold.slice(f.offset, f.offset + f.length), '"customproperty7"');
  none('status-column-unmapped', 'STATUS_THRESHOLD_CONFIG', threshold.replace('customproperty7', 'CUSTOMPROPERTY1'), [importDoc]);
  none('status-column-unmapped', 'STATUS_THRESHOLD_CONFIG', threshold, []);
});

test('status-column-unmapped near miss: mapped column', () => {
  none('status-column-unmapped', IMPORT, statusDoc('customproperty1'));
});

const STORE = '"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"';
const withMappings = (map: string, acctEnt: string) => `{"accountParams":{"call":{"call1":{"callOrder":0,"keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","name":"n~#~char"${map}}}},"acctEntMappings":{"Groups":{"listPath":"groups","idPath":"id","keyField":"entitlementID"}}},"entitlementParams":{"entTypes":{"Groups":{"call":{}}}}${acctEnt}}`;

test('acctent-mapping-incomplete: acctEntMappings without STORE#ACC#ENT#MAPPINGINFO', () => {
  const text = withMappings('', ',"acctEntParams":{"processingType":"acctToEntMapping"}');
  expectFinding('acctent-mapping-incomplete', IMPORT, text, { severity: 'error', range: '"acctEntMappings"',
    fixed: withMappings(`, ${STORE.replace('":"', '": "')}`, ',"acctEntParams":{"processingType":"acctToEntMapping"}') });
  fixResolves('acctent-mapping-incomplete', IMPORT, text);
});

test('acctent-mapping-incomplete: no acctToEntMapping processingType → add acctEntParams', () => {
  const text = withMappings(`,${STORE}`, '');
  const f = expectFinding('acctent-mapping-incomplete', IMPORT, text, { severity: 'error', range: '"Groups"',
    fixed: withMappings(`,${STORE}`, ', "acctEntParams": {"processingType": "acctToEntMapping"}') });
  assert.match(f.message, /acctToEntMapping/);
});

test('acctent-mapping-incomplete near misses: top-level or per-type call processingType', () => {
  none('acctent-mapping-incomplete', IMPORT, withMappings(`,${STORE}`, ',"acctEntParams":{"processingType":"acctToEntMapping"}'));
  none('acctent-mapping-incomplete', IMPORT, withMappings(`,${STORE}`, ',"acctEntParams":{"entTypes":{"Groups":{"call":{"call1":{"callOrder":0,"processingType":"acctToEntMapping"}}}}}'));
});

test('acctent-mapping-incomplete: acctToEntMapping declared without acctEntMappings', () => {
  const text = '{"accountParams":{"call":{}},"acctEntParams":{"processingType":"acctToEntMapping"}}';
  expectFinding('acctent-mapping-incomplete', IMPORT, text, { severity: 'error', range: '"acctToEntMapping"', fixed: null });
});

test('acctent-mapping-incomplete: entToAcctMapping side (FactSet pattern)', () => {
  const ok = '{"entitlementParams":{"entTypes":{"Group":{"call":{"call1":{"callOrder":0,"colsToPropsMap":{"entitlementID":"id~#~char","entitlement_value":"n~#~char","acctEntMappingInfoColumnFromEnt":"STORE#ACC#ENT#MAPPINGINFO~#~char"}}},"acctEntMappings":{"listField":"members","idPath":"value","keyField":"accountID"}}}},"acctEntParams":{"processingType":"entToAcctMapping"}}';
  none('acctent-mapping-incomplete', IMPORT, ok);
  const noStore = ok.replace(',"acctEntMappingInfoColumnFromEnt":"STORE#ACC#ENT#MAPPINGINFO~#~char"', '');
  const f = one('acctent-mapping-incomplete', IMPORT, noStore);
  assert.equal(noStore.slice(f.offset, f.offset + f.length), '"acctEntMappings"');
  fixResolves('acctent-mapping-incomplete', IMPORT, noStore);
  const noType = ok.replace('"entToAcctMapping"', '"httpEntToAcct"');
  assert.ok(findingsOf('acctent-mapping-incomplete', IMPORT, noType).some(x => /entToAcctMapping/.test(x.message)));
});

test('call-order: duplicate callOrder in one block; gaps are fine', () => {
  const text = '{"accountParams":{"call":{"call1":{"callOrder":0,"stageNumber":0},"call2":{"callOrder":0,"stageNumber":0}}}}';
  const f = one('call-order', IMPORT, text);
  assert.equal(f.severity, 'warning');
  assert.equal(f.offset, text.lastIndexOf('"callOrder":0') + '"callOrder":'.length);
  none('call-order', IMPORT, '{"accountParams":{"call":{"call1":{"callOrder":0,"stageNumber":0},"call2":{"callOrder":5,"stageNumber":1}}}}');
  none('call-order', IMPORT, '{"entitlementParams":{"entTypes":{"A":{"entTypeOrder":0,"call":{"call1":{"callOrder":0}}},"B":{"entTypeOrder":1,"call":{"call1":{"callOrder":0}}}}}}');
});

test('call-order: stageNumber must not decrease with callOrder; entTypeOrder duplicates', () => {
  const text = '{"accountParams":{"call":{"call2":{"callOrder":1,"stageNumber":0},"call1":{"callOrder":0,"stageNumber":1}}}}';
  const f = one('call-order', IMPORT, text);
  assert.equal(text.slice(f.offset, f.offset + f.length + 12).startsWith('0'), true);
  assert.match(f.message, /lower stageNumber/);
  const types = '{"entitlementParams":{"entTypes":{"A":{"entTypeOrder":0},"B":{"entTypeOrder":0}}}}';
  assert.match(one('call-order', IMPORT, types).message, /entTypeOrder 0/);
});

test('processing-type: wrong value per level, with fixes', () => {
  const text = '{"accountParams":{"processingType":"SequentialIterative"}}';
  expectFinding('processing-type', IMPORT, text, { severity: 'error', range: '"SequentialIterative"', fixed: '{"accountParams":{"processingType":"SequentialAndIterative"}}' });
  const wrongLevel = '{"acctEntParams":{"processingType":"SequentialAndIterative"}}';
  const f = expectFinding('processing-type', IMPORT, wrongLevel, { severity: 'error', range: '"SequentialAndIterative"', fixed: null });
  assert.match(f.message, /belongs to accountParams/);
});

test('processing-type: mapping call lacks what its type reads; no type at all', () => {
  const text = '{"acctEntParams":{"entTypes":{"Teams":{"call":{"call1":{"processingType":"httpEntToAcct","http":{"url":"https://x.example.com/t/${id}"},"listField":"users"}}}}}}';
  const f = expectFinding('processing-type', IMPORT, text, { severity: 'warning', range: '"call1"', fixed: null });
  assert.match(f.message, /acctIdPath/);
  const untyped = '{"acctEntParams":{"call":{"call1":{"http":{"url":"https://x.example.com"},"acctIdPath":"a","entIdPath":"e"}}}}';
  assert.match(one('processing-type', IMPORT, untyped).message, /^Missing processingType: call "call1" has none/);
  none('processing-type', IMPORT, '{"accountParams":{"processingType":"SequentialAndIterative"},"acctEntParams":{"processingType":"http","call":{"call1":{"http":{"url":"https://x.example.com"},"acctIdPath":"a","entIdPath":"e"}}}}');
});

test('ent-type-undeclared: acctEntParams names a type entitlementParams lacks', () => {
  const text = '{"entitlementParams":{"entTypes":{"Groups":{"call":{}}}},"acctEntParams":{"entTypes":{"Group":{"call":{"call1":{"processingType":"acctToEntMapping"}}}}}}';
  expectFinding('ent-type-undeclared', IMPORT, text, { severity: 'warning', range: '"Group"', fixed: text.replace('"Group":{"call":{"call1"', '"Groups":{"call":{"call1"') });
  none('ent-type-undeclared', IMPORT, text.replace('"Group":{"call":{"call1"', '"Groups":{"call":{"call1"'));
});
