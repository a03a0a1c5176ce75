/** Reading the client-side settings (section `saviyntRest`) for a resource. */
import * as vscode from 'vscode';
import { DEFAULT_INTERCOM_VERSION, SETTINGS_SECTION } from '../../common/src/protocol';
import { DEFAULT_INTERCOM_REGION, isIntercomRegionId, regionById, type IntercomRegionId } from '../../server/src/core/intercom/regions';

/** A region id of the one table of regions (server/src/core/intercom/regions.ts). */
export type Region = IntercomRegionId;

export interface ClientSettings {
  region: Region;
  baseUrl: string;
  defaultVersion: string;
  timeoutSeconds: number;
  allowedHosts: string[];
  sampleIdentityFile: string;
}

export function readSettings(scope?: vscode.Uri): ClientSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const region = c.get<string>('intercom.region', DEFAULT_INTERCOM_REGION.id);
  return {
    region: isIntercomRegionId(region) ? region : DEFAULT_INTERCOM_REGION.id,
    baseUrl: c.get<string>('intercom.baseUrl', '').trim(),
    defaultVersion: c.get<string>('intercom.defaultVersion', DEFAULT_INTERCOM_VERSION),
    timeoutSeconds: c.get<number>('http.timeoutSeconds', 30),
    allowedHosts: c.get<string[]>('http.allowedHosts', []),
    sampleIdentityFile: c.get<string>('calls.sampleIdentityFile', '.saviynt/sample-identity.json'),
  };
}

/** The base URL calls go to: the configured override, else the region's API host. */
export function apiBaseUrl(settings: ClientSettings): string {
  return (settings.baseUrl || regionById(settings.region).apiBaseUrl).replace(/\/+$/, '');
}
