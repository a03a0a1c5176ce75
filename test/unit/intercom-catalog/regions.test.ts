import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  INTERCOM_REGIONS,
  hostOf,
  isIntercomApiHost,
  isIntercomWebAppHost,
  regionById,
  regionOfHost,
  regionOfMeRegion,
} from '../../../server/src/core/intercom/regions';

test('three regions with their API and web-app hosts', () => {
  assert.deepEqual(
    INTERCOM_REGIONS.map((r) => [r.id, r.apiHost, r.webAppHost]),
    [
      ['us', 'api.intercom.io', 'app.intercom.com'],
      ['eu', 'api.eu.intercom.io', 'app.eu.intercom.com'],
      ['au', 'api.au.intercom.io', 'app.au.intercom.com'],
    ],
  );
  assert.equal(regionById('eu').apiBaseUrl, 'https://api.eu.intercom.io');
});

test('regionOfHost accepts hosts and URLs, API and web-app hosts', () => {
  assert.equal(regionOfHost('api.intercom.io')?.id, 'us');
  assert.equal(regionOfHost('https://api.eu.intercom.io/tickets/${ticketID}')?.id, 'eu');
  assert.equal(regionOfHost(' HTTPS://API.AU.INTERCOM.IO:443/admins')?.id, 'au');
  assert.equal(regionOfHost('https://app.eu.intercom.com/a/apps/abc/inbox')?.id, 'eu');
  assert.equal(regionOfHost('app.intercom.com')?.id, 'us');
  assert.equal(regionOfHost('api.intercom.io.evil.example'), undefined);
  assert.equal(regionOfHost('example.com'), undefined);
});

test('isIntercomApiHost is true only for the three API hosts', () => {
  assert.equal(isIntercomApiHost('https://api.intercom.io/tickets'), true);
  assert.equal(isIntercomApiHost('api.au.intercom.io'), true);
  assert.equal(isIntercomApiHost('app.intercom.com'), false);
  assert.equal(isIntercomApiHost('api.intercom.com'), false);
  assert.equal(isIntercomWebAppHost('app.au.intercom.com'), true);
  assert.equal(hostOf('https://user:pw@api.intercom.io:8443/x?y'), 'api.intercom.io');
});

test('GET /me app.region maps to a region', () => {
  assert.equal(regionOfMeRegion('US')?.id, 'us');
  assert.equal(regionOfMeRegion('eu')?.id, 'eu');
  assert.equal(regionOfMeRegion('XX'), undefined);
});
