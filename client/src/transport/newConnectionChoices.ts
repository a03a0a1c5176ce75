/**
 * The choices New Intercom Connection offers, built from the facts the engine holds (no list of
 * its own): the regions and their API hosts are the table of regions (intercom/regions.ts), the API
 * versions the Intercom catalog's documented versions, newest first.
 * Pure (no vscode), so a unit test can compare it with the catalog.
 */
import { DOCUMENTED_VERSIONS_NEWEST_FIRST } from '../../../server/src/core/intercom/catalog';
import { INTERCOM_REGIONS, type IntercomRegionId } from '../../../server/src/core/intercom/regions';
import { DEFAULT_INTERCOM_API_VERSION } from '../../../server/src/core/transport/intercomTemplateKit';

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

/** The region choices: "US" — api.intercom.io, … in the order of the table (the default region first). */
export function regionChoices(): Choice<IntercomRegionId>[] {
  return INTERCOM_REGIONS.map(r => ({ label: r.id.toUpperCase(), description: r.apiHost, value: r.id }));
}

/** The Intercom-Version choices: every documented version, newest first; the templates' default says so. */
export function apiVersionChoices(): Choice<string>[] {
  return DOCUMENTED_VERSIONS_NEWEST_FIRST.map(v => ({
    label: v, value: v,
    description: v === DEFAULT_INTERCOM_API_VERSION ? 'default: the version the templates are written for' : undefined,
  }));
}
