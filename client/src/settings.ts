/** Reading the client-side settings (section `saviyntRest`) for a resource. */
import * as vscode from 'vscode';
import { DEFAULT_INTERCOM_VERSION, SETTINGS_SECTION } from '../../common/src/protocol';

export type Region = 'us' | 'eu' | 'au';

export const REGION_HOSTS: Record<Region, string> = {
  us: 'https://api.intercom.io',
  eu: 'https://api.eu.intercom.io',
  au: 'https://api.au.intercom.io',
};

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
  const region = c.get<string>('intercom.region', 'us');
  return {
    region: (['us', 'eu', 'au'].includes(region) ? region : 'us') as Region,
    baseUrl: c.get<string>('intercom.baseUrl', '').trim(),
    defaultVersion: c.get<string>('intercom.defaultVersion', DEFAULT_INTERCOM_VERSION),
    timeoutSeconds: c.get<number>('http.timeoutSeconds', 30),
    allowedHosts: c.get<string[]>('http.allowedHosts', []),
    sampleIdentityFile: c.get<string>('calls.sampleIdentityFile', '.saviynt/sample-identity.json'),
  };
}

/** The base URL calls go to: the configured override, else the region's API host. */
export function apiBaseUrl(settings: ClientSettings): string {
  return (settings.baseUrl || REGION_HOSTS[settings.region]).replace(/\/+$/, '');
}
