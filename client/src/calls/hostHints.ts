/**
 * A network failure says where the host came from: the setting `saviyntRest.intercom.baseUrl`
 * (the fake Intercom or a proxy that is not running), the region setting, or the call's own URL,
 * so that the user knows what to change.
 */
import type { HttpProblem } from '../../../server/src/core/runner';
import type { ClientSettings } from '../settings';
import { regionById } from '../../../server/src/core/intercom/regions';

const NETWORK_KINDS = new Set<HttpProblem['kind']>(['connection-refused', 'dns', 'timeout', 'tls', 'connection-reset']);

function hostOf(url: string): string | undefined {
  try { return new URL(url).host.toLowerCase(); } catch { return undefined; }
}

/** The setting that chose a host, if one did: its name and value. */
export function settingForHost(host: string | undefined, settings: ClientSettings): { setting: string; value: string } | undefined {
  if (!host) return undefined;
  const h = host.toLowerCase();
  if (settings.baseUrl && (hostOf(settings.baseUrl) === h || hostOf(settings.baseUrl)?.split(':')[0] === h)) {
    return { setting: 'saviyntRest.intercom.baseUrl', value: settings.baseUrl };
  }
  if (!settings.baseUrl && hostOf(regionById(settings.region).apiBaseUrl) === h) return { setting: 'saviyntRest.intercom.region', value: settings.region };
  return undefined;
}

/** The problem with its message completed by where the host came from (network failures only). */
export function withHostHint(problem: HttpProblem, settings: ClientSettings): HttpProblem {
  if (!NETWORK_KINDS.has(problem.kind)) return problem;
  const source = settingForHost(problem.host, settings);
  const hint = source
    ? ` The address comes from the setting ${source.setting} ("${source.value}"): ${source.setting === 'saviyntRest.intercom.baseUrl'
      ? 'start the server it names (for the fake Intercom: npm run fake-intercom), or clear the setting to call Intercom itself.'
      : 'check the region of the Intercom workspace.'}`
    : problem.host ? ` The address comes from the call's "url" (${problem.host}).` : '';
  return hint ? { ...problem, message: `${problem.message}${hint}` } : problem;
}
