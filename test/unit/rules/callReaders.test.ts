/**
 * The import rules read a document's calls through the shared reader (core/calls/callModel.ts
 * findCalls) and still report in the order they did when they walked the calls themselves: the
 * documents below are written out of the usual order (acctEntParams first, calls not sorted,
 * an entitlement type declared twice), and each rule's findings are compared in the order the rule
 * reports them, before the analysis sorts them by offset (the order decides what a per-code cap keeps).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { engineWith } from '../../support/engine';
import { docOf } from './helpers';
import { covered } from '../../support/fixes';
import type { Rule } from '../../../server/src/core/rules/rule';
import { importKeysRule } from '../../../server/src/core/rules/importKeys';
import { acctentMappingRule } from '../../../server/src/core/rules/acctEntMappingRule';
import { importStructureRule } from '../../../server/src/core/rules/importStructure';

const RULES = path.resolve(__dirname, '../../../server/src/core/rules');

/** `code covered-text` of each finding of one rule, in report order. */
function reported(rule: Rule, text: string): string[] {
  const findings = engineWith({ rules: [rule], schemaProbe: () => false }).ruleFindings(docOf('ImportAccountEntJSON', text));
  return findings.map(f => `${f.code} ${covered(text, f)}`);
}

const UNORDERED = JSON.stringify({
  acctEntParams: {
    entTypes: {
      Role: { call: { m3: { processingType: 'httpEntToAcct', acctKeyField: 'roleUser', entKeyField: 'roleEnt' } } },
      Group: { call: { m4: {}, m2: { processingType: 'acctToEntMapping', acctKeyField: 'groupUser', entKeyField: 'entitlementID' } } },
    },
    call: { m1: { processingType: 'httpAcctToEnt', acctKeyField: 'topUser', entKeyField: 'topEnt' }, m0: { processingType: 'acctToEntMap' } },
  },
  entitlementParams: {
    entTypes: {
      Group: {
        acctEntMappings: { listField: 'members', idPath: 'id', keyField: 'accountId' },
        call: { g2: { callOrder: 1, keyField: 'groupKey2' }, g1: { callOrder: 1, keyField: 'groupKey1' } },
      },
      Role: { call: { r1: { keyField: 'roleKey', processingType: 'wrong' } } },
    },
  },
  accountParams: {
    acctEntMappings: { Group: { keyField: 'groupKey' }, Team: { keyField: 'entitlement_value' } },
    call: { c2: { callOrder: 2, stageNumber: 1, keyField: 'login' }, c1: { callOrder: 1, stageNumber: 2, keyField: 'Name' } },
  },
}, null, 1);

test('import-keys: key columns in the order of the former walk (account calls, account mappings, each type, acctEnt calls)', () => {
  assert.deepEqual(reported(importKeysRule, UNORDERED), [
    'import-keyfield "login"',
    'import-keyfield "Name"',
    'import-keyfield "groupKey"',
    'import-keyfield "groupKey2"',
    'import-keyfield "groupKey1"',
    'import-keyfield "accountId"',
    'import-keyfield "roleKey"',
    'import-keyfield "topUser"',
    'import-keyfield "topEnt"',
    'import-keyfield "roleUser"',
    'import-keyfield "roleEnt"',
    'import-keyfield "groupUser"',
  ]);
});

test('acctent-mapping: processingTypes read from the shared calls, the last of a duplicated type counts', () => {
  // accountParams.acctEntMappings names Group and Team; only Group has acctToEntMapping (in its call).
  assert.deepEqual(reported(acctentMappingRule, UNORDERED), [
    'acctent-mapping-incomplete "acctEntMappings"',
    'acctent-mapping-incomplete "Team"',
    'acctent-mapping-incomplete "acctEntMappings"',
    'acctent-mapping-incomplete "acctEntMappings"',
  ]);
  // Group declared twice in acctEntParams.entTypes: as in JSON.parse, the last one is the type's.
  const duplicated = '{"accountParams":{"acctEntMappings":{"Group":{"keyField":"entitlementID"}},"call":{"c1":{"colsToPropsMap":{"customproperty31":"STORE#ACC#ENT#MAPPINGINFO~#~char"}}}},'
    + '"acctEntParams":{"entTypes":{"Group":{"call":{"a":{"processingType":"acctToEntMapping"}}},"Group":{"call":{"b":{"processingType":"http"}}}}}}';
  assert.deepEqual(reported(acctentMappingRule, duplicated), ['acctent-mapping-incomplete "Group"']);
  const lastCounts = duplicated.replace('"http"', '"acctToEntMapping"').replace('"processingType":"acctToEntMapping"}}},', '"processingType":"http"}}},');
  assert.deepEqual(reported(acctentMappingRule, lastCounts), []);
});

test('import-structure: acctEnt calls checked in the order of the former walk (top calls, then each type)', () => {
  assert.deepEqual(reported(importStructureRule, UNORDERED), [
    'call-order 1', // g1 repeats g2's callOrder
    'call-order 1', // c2 runs after c1 in a lower stage
    'processing-type "m1"',
    'processing-type "acctToEntMap"',
    'processing-type "m3"',
    'processing-type "m4"',
    'ent-type-undeclared "Team"',
  ]);
});

test('the import rules take their calls from findCalls and walk no `call` block themselves', () => {
  for (const file of ['importKeys.ts', 'acctEntMappingRule.ts', 'importStructure.ts']) {
    const source = readFileSync(path.join(RULES, file), 'utf8');
    assert.match(source, /import \{[^}]*\bfindCalls\b[^}]*\} from '\.\.\/calls\/callModel'/, `${file} uses the shared reader`);
    // A presence test (`!getValue(params, 'call')`) is not a walk.
    assert.doesNotMatch(source, /(?<!!)(getValue|getPath)\([^()]*'call'/, `${file} reads a call block itself`);
  }
});
