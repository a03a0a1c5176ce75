/** The EIC tenant settings (saviyntRest.eic.*), read for a resource. */
import * as vscode from 'vscode';
import { EicSettings, SETTINGS_SECTION } from '../../../common/src/protocol';
import { isEicVersion, type EicVersion } from '../../../server/src/core/eic/eicCatalog';
import type { JobSpec } from '../../../server/src/core/eic/eicApi';

export interface EicClientSettings {
  url: string;
  /** Undefined for "auto". */
  version?: EicVersion;
  job: JobSpec;
  offerJobAfterDeploy: boolean;
  timeoutSeconds: number;
}

export function readEicSettings(scope?: vscode.Uri): EicClientSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const version = c.get<string>(EicSettings.version, 'auto');
  return {
    url: c.get<string>(EicSettings.url, '').trim(),
    version: isEicVersion(version) ? version : undefined,
    job: {
      jobName: c.get<string>(EicSettings.jobName, 'ApplicationDataImportJob').trim(),
      triggerName: c.get<string>(EicSettings.triggerName, '').trim(),
      jobGroup: c.get<string>(EicSettings.jobGroup, 'DATA').trim(),
    },
    offerJobAfterDeploy: c.get<boolean>(EicSettings.offerJobAfterDeploy, true),
    timeoutSeconds: c.get<number>('http.timeoutSeconds', 30),
  };
}

/** The full setting name, for messages and "Open Settings". */
export function eicSettingId(key: keyof typeof EicSettings): string {
  return `${SETTINGS_SECTION}.${EicSettings[key]}`;
}
