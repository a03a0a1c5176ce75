/**
 * Each fact once: the default Intercom version and Intercom's hosts are declared in one place and
 * every other place reads them from there (package.json cannot import, so it is compared).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_INTERCOM_VERSION, DEFAULT_SETTINGS } from '../../../common/src/protocol';
import { RECOMMENDED_VERSION, defaultVersionOf } from '../../../server/src/core/intercom/rules/model';
import { INTERCOM_REGIONS, INTERCOM_REGION_IDS, isIntercomRegionId, regionOfApiHost } from '../../../server/src/core/intercom/regions';
import { INTERCOM_API_HOSTS, intercomBaseUrl, isIntercomHost } from '../../../server/src/core/runner/hosts';
import { INTERCOM_BASE_URLS } from '../../../server/src/core/transport/intercomTemplateKit';
import { AttributeDocument } from '../../../server/src/core/document';
import {
  API_VERSIONS, DOCUMENTED_VERSIONS_NEWEST_FIRST, NEWEST_DOCUMENTED_VERSION, compareVersions, OLDEST_DOCUMENTED_VERSION, STABLE_DOCUMENTED_VERSIONS,
} from '../../../server/src/core/intercom/catalog';
import { checkApiVersion } from '../../../server/src/core/transport/init';
import { DEFAULT_INTERCOM_API_VERSION, atLeast } from '../../../server/src/core/transport/intercomTemplateKit';
import { INIT_USAGE } from '../../../server/src/cli/init';
import { classifyStatus } from '../../../server/src/core/runner/problems';
import { apiVersionChoices, regionChoices } from '../../../client/src/transport/newConnectionChoices';
import { settingForHost } from '../../../client/src/calls/hostHints';
import type { ClientSettings } from '../../../client/src/settings';

/** Every TypeScript source of the client, the server and common/ (tests excluded), with its comments removed. */
function sourcesWithoutComments(): { file: string; code: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.ts')) files.push(p);
    }
  };
  for (const root of ['client/src', 'server/src', 'common/src']) walk(root);
  return files.map(file => ({
    file: file.split(path.sep).join('/'),
    code: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, ''),
  }));
}

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

test('the default version is spelled as a value only where it is declared (messages read the constant)', () => {
  const spelled = new RegExp(`['"\`]${DEFAULT_INTERCOM_VERSION.replace('.', '\\.')}['"\`]`);
  const copies = sourcesWithoutComments().filter(s => spelled.test(s.code)).map(s => s.file);
  assert.deepEqual(copies, ['common/src/protocol.ts']);
  const refused = classifyStatus(400, { type: 'error.list', errors: [{ code: 'intercom_version_invalid', message: 'bad' }] }, 'api.intercom.io');
  assert.equal(refused.kind, 'version-invalid');
  assert.ok(refused.message.includes(`"${DEFAULT_INTERCOM_VERSION}"`), refused.message);
});

test('New Connection offers the catalog\'s documented versions, newest first', () => {
  const labels = apiVersionChoices().map(c => c.label);
  assert.deepEqual(labels, [...STABLE_DOCUMENTED_VERSIONS].reverse());
  assert.deepEqual(labels, [...DOCUMENTED_VERSIONS_NEWEST_FIRST]);
  assert.equal(labels[0], NEWEST_DOCUMENTED_VERSION);
  assert.deepEqual(apiVersionChoices().map(c => c.value), labels);
  // A hand-written list of versions (['2.16', '2.15', …]) anywhere in the sources is a second copy of the catalog's.
  const versionList = /\[\s*['"]\d+\.\d+['"]\s*,\s*['"]\d+\.\d+['"]/;
  assert.deepEqual(sourcesWithoutComments().filter(s => versionList.test(s.code)).map(s => s.file), []);
});

test('init\'s version check and help follow the catalog\'s documented range and the templates\' default', () => {
  const [major, oldestMinor] = OLDEST_DOCUMENTED_VERSION.split('.').map(Number);
  const newestMinor = Number(NEWEST_DOCUMENTED_VERSION.split('.')[1]);
  assert.deepEqual(checkApiVersion(OLDEST_DOCUMENTED_VERSION), { version: OLDEST_DOCUMENTED_VERSION });
  assert.deepEqual(checkApiVersion(NEWEST_DOCUMENTED_VERSION), { version: NEWEST_DOCUMENTED_VERSION });
  const range = `${OLDEST_DOCUMENTED_VERSION} to ${NEWEST_DOCUMENTED_VERSION}`;
  assert.throws(() => checkApiVersion(`${major}.${oldestMinor - 1}`), (e: Error) => e.message.endsWith(`use ${range}.`));
  assert.match(checkApiVersion(`${major}.${newestMinor + 1}`).note ?? '', new RegExp(`\\(${OLDEST_DOCUMENTED_VERSION}–${NEWEST_DOCUMENTED_VERSION}\\)`));
  assert.throws(() => checkApiVersion('v2'), (e: Error) => e.message.includes(`(${range}, or Preview)`));
  assert.ok(INIT_USAGE.includes(`(default: ${DEFAULT_INTERCOM_API_VERSION})`));
  assert.ok(INIT_USAGE.includes(`--region ${INTERCOM_REGION_IDS.join('|')} `));
});

test('versions have one order: the templates\' version checks follow the catalog\'s, Preview and unknown values included', () => {
  const values = [...API_VERSIONS, 'Preview', '2.17', '2.100', 'preview', 'v2', ''];
  for (const version of values) {
    for (const minimum of values) {
      assert.equal(atLeast(version, minimum), compareVersions(version, minimum) >= 0, `${version} at least ${minimum}`);
    }
  }
  assert.ok(atLeast('2.10', '2.9') && !atLeast('2.9', '2.10') && atLeast('Preview', NEWEST_DOCUMENTED_VERSION));
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

test('an API host or base URL is written as a value only in the table of regions', () => {
  const hosts = INTERCOM_REGIONS.map(r => r.apiHost.replace(/\./g, '\\.')).join('|');
  const spelled = new RegExp(`['"\`](https://)?(${hosts})/?['"\`]`);
  const copies = sourcesWithoutComments().filter(s => spelled.test(s.code)).map(s => s.file);
  assert.deepEqual(copies, ['server/src/core/intercom/regions.ts']);
  const regionIds = /\[\s*'us'\s*,\s*'eu'/;
  assert.deepEqual(sourcesWithoutComments().filter(s => regionIds.test(s.code)).map(s => s.file), [], 'no hand-written list of region ids');
});

test('the client reads regions and hosts from the table: New Connection\'s choices, the region setting\'s host', () => {
  assert.deepEqual(regionChoices().map(c => [c.value, c.description]), INTERCOM_REGIONS.map(r => [r.id, r.apiHost]));
  assert.deepEqual([...INTERCOM_REGION_IDS], INTERCOM_REGIONS.map(r => r.id));
  for (const r of INTERCOM_REGIONS) {
    const settings = { region: r.id, baseUrl: '' } as ClientSettings;
    assert.deepEqual(settingForHost(r.apiHost, settings), { setting: 'saviyntRest.intercom.region', value: r.id });
    assert.equal(regionOfApiHost(`${r.apiBaseUrl}/me`), r);
    assert.equal(regionOfApiHost(r.webAppHost), undefined);
    assert.ok(isIntercomRegionId(r.id));
  }
  assert.equal(isIntercomRegionId('US'), false);
});

test('a document keeps one copy of its text: the one the JSON service reads', () => {
  const text = '{"accountParams": {}}';
  const doc = AttributeDocument.fromFile('ImportAccountEntJSON.json', text, 3);
  assert.equal(doc.text, text);
  assert.equal(doc.jsonTextDocument.getText(), text);
  assert.equal(Object.getOwnPropertyNames(doc).includes('text'), false);
});
