/**
 * Intercom's data-hosting regions as data: the REST API host of each region and the web-app host
 * that tells which region a workspace lives in. Pure: no editor or network dependency.
 */

/** Same spelling as the transport templates' IntercomRegion. */
export type IntercomRegionId = 'us' | 'eu' | 'au';

export interface IntercomRegionInfo {
  readonly id: IntercomRegionId;
  readonly label: string;
  /** REST API host, e.g. api.eu.intercom.io. */
  readonly apiHost: string;
  readonly apiBaseUrl: string;
  /** Host of the Intercom web app for workspaces in this region. */
  readonly webAppHost: string;
  /** Value of `app.region` in the `GET /me` response. */
  readonly meRegion: string;
}

export const INTERCOM_REGIONS: readonly IntercomRegionInfo[] = [
  {
    id: 'us',
    label: 'United States (default)',
    apiHost: 'api.intercom.io',
    apiBaseUrl: 'https://api.intercom.io',
    webAppHost: 'app.intercom.com',
    meRegion: 'US',
  },
  {
    id: 'eu',
    label: 'Europe',
    apiHost: 'api.eu.intercom.io',
    apiBaseUrl: 'https://api.eu.intercom.io',
    webAppHost: 'app.eu.intercom.com',
    meRegion: 'EU',
  },
  {
    id: 'au',
    label: 'Australia',
    apiHost: 'api.au.intercom.io',
    apiBaseUrl: 'https://api.au.intercom.io',
    webAppHost: 'app.au.intercom.com',
    meRegion: 'AU',
  },
];

export const DEFAULT_INTERCOM_REGION: IntercomRegionInfo = INTERCOM_REGIONS[0];

/** The region ids in the order of the table: us, eu, au. */
export const INTERCOM_REGION_IDS: readonly IntercomRegionId[] = INTERCOM_REGIONS.map((r) => r.id);

/** True for a region id of the table (exact, lower case). */
export function isIntercomRegionId(value: string): value is IntercomRegionId {
  return (INTERCOM_REGION_IDS as readonly string[]).includes(value);
}

/** Host part of a host name or URL, lower-cased, without port, credentials or trailing dot. */
export function hostOf(hostOrUrl: string): string {
  let s = hostOrUrl.trim().toLowerCase();
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  s = s.split(/[/?#]/, 1)[0];
  s = s.slice(s.lastIndexOf('@') + 1);
  s = s.replace(/:\d*$/, '');
  return s.replace(/\.$/, '');
}

/** The region whose API host or web-app host this is (accepts a bare host or a URL). */
export function regionOfHost(hostOrUrl: string): IntercomRegionInfo | undefined {
  const host = hostOf(hostOrUrl);
  return INTERCOM_REGIONS.find((r) => r.apiHost === host || r.webAppHost === host);
}

/** The region whose REST API host this is (a bare host or a URL; not the web-app hosts). */
export function regionOfApiHost(hostOrUrl: string): IntercomRegionInfo | undefined {
  const host = hostOf(hostOrUrl);
  return INTERCOM_REGIONS.find((r) => r.apiHost === host);
}

/** True for the three REST API hosts (not the web-app hosts). */
export function isIntercomApiHost(hostOrUrl: string): boolean {
  return regionOfApiHost(hostOrUrl) !== undefined;
}

/** True for the web-app hosts (app.intercom.com and the regional ones). */
export function isIntercomWebAppHost(hostOrUrl: string): boolean {
  const host = hostOf(hostOrUrl);
  return INTERCOM_REGIONS.some((r) => r.webAppHost === host);
}

export function regionById(id: IntercomRegionId): IntercomRegionInfo {
  return INTERCOM_REGIONS.find((r) => r.id === id) ?? DEFAULT_INTERCOM_REGION;
}

/** Maps `app.region` from `GET /me` ("US", "EU", "AU") to a region. */
export function regionOfMeRegion(value: string): IntercomRegionInfo | undefined {
  const v = value.trim().toUpperCase();
  return INTERCOM_REGIONS.find((r) => r.meRegion === v);
}
