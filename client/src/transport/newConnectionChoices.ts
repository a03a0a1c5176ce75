/**
 * The choices New Intercom Connection offers, built from the facts the engine holds (no list of
 * its own): the API versions are the Intercom catalog's documented versions, newest first.
 * Pure (no vscode), so a unit test can compare it with the catalog.
 */
import { DOCUMENTED_VERSIONS_NEWEST_FIRST } from '../../../server/src/core/intercom/catalog';
import { DEFAULT_INTERCOM_API_VERSION } from '../../../server/src/core/transport/intercomTemplateKit';

export interface Choice<T> {
  label: string;
  description?: string;
  value: T;
}

/** The Intercom-Version choices: every documented version, newest first; the templates' default says so. */
export function apiVersionChoices(): Choice<string>[] {
  return DOCUMENTED_VERSIONS_NEWEST_FIRST.map(v => ({
    label: v, value: v,
    description: v === DEFAULT_INTERCOM_API_VERSION ? 'default: the version the templates are written for' : undefined,
  }));
}
