/**
 * Each fact once: the default Intercom version and Intercom's hosts are declared in one place and
 * every other place reads them from there (package.json cannot import, so it is compared).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_INTERCOM_VERSION, DEFAULT_SETTINGS } from '../../../common/src/protocol';
import { RECOMMENDED_VERSION, defaultVersionOf } from '../../../server/src/core/intercom/rules/model';
import { INTERCOM_REGIONS } from '../../../server/src/core/intercom/regions';
import { INTERCOM_API_HOSTS, intercomBaseUrl, isIntercomHost } from '../../../server/src/core/runner/hosts';
import { INTERCOM_BASE_URLS } from '../../../server/src/core/transport/intercomTemplateKit';
import { AttributeDocument } from '../../../server/src/core/document';

test('the default Intercom version is declared once and package.json agrees', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const setting = pkg.contributes.configuration.properties?.['saviyntRest.intercom.defaultVersion']
    ?? pkg.contributes.configuration.flatMap?.((c: { properties: Record<string, unknown> }) => [c.properties['saviyntRest.intercom.defaultVersion']]).find(Boolean);
  assert.equal(setting.default, DEFAULT_INTERCOM_VERSION);
  assert.equal(DEFAULT_SETTINGS.intercom.defaultVersion, DEFAULT_INTERCOM_VERSION);
  assert.equal(RECOMMENDED_VERSION, DEFAULT_INTERCOM_VERSION);
  assert.equal(defaultVersionOf(undefined), DEFAULT_INTERCOM_VERSION);
  assert.equal(defaultVersionOf({ defaultIntercomVersion: 'nonsense' }), DEFAULT_INTERCOM_VERSION);
});

test('Intercom\'s hosts come from the one table of regions', () => {
  assert.deepEqual([...INTERCOM_API_HOSTS], INTERCOM_REGIONS.map(r => r.apiHost));
  for (const r of INTERCOM_REGIONS) {
    assert.equal(intercomBaseUrl(r.id), r.apiBaseUrl);
    assert.equal(intercomBaseUrl(r.id.toUpperCase()), r.apiBaseUrl);
    assert.equal(INTERCOM_BASE_URLS[r.id], r.apiBaseUrl);
    assert.ok(isIntercomHost(r.apiHost.toUpperCase() + '.'));
  }
  assert.equal(intercomBaseUrl(undefined), 'https://api.intercom.io');
  assert.equal(intercomBaseUrl('mars'), 'https://api.intercom.io');
  assert.equal(isIntercomHost('app.intercom.com'), false);
});

test('a document keeps one copy of its text: the one the JSON service reads', () => {
  const text = '{"accountParams": {}}';
  const doc = AttributeDocument.fromFile('ImportAccountEntJSON.json', text, 3);
  assert.equal(doc.text, text);
  assert.equal(doc.jsonTextDocument.getText(), text);
  assert.equal(Object.getOwnPropertyNames(doc).includes('text'), false);
});
