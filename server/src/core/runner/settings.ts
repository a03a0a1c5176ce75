/** Mapping the extension's settings (`saviyntRest.http.*`) onto send options. */
import { DEFAULT_TIMEOUT_MS } from './send';

export interface HttpSettings {
  /** saviyntRest.http.timeoutSeconds */
  timeoutSeconds?: number;
  /** saviyntRest.http.allowedHosts */
  allowedHosts?: unknown;
}

export function httpOptionsFromSettings(settings: HttpSettings | undefined): { timeoutMs: number; allowedHosts: string[] } {
  const seconds = Number(settings?.timeoutSeconds);
  const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(600, seconds) * 1000 : DEFAULT_TIMEOUT_MS;
  const allowedHosts = Array.isArray(settings?.allowedHosts) ? settings!.allowedHosts.filter((h): h is string => typeof h === 'string' && h.trim() !== '') : [];
  return { timeoutMs, allowedHosts };
}
