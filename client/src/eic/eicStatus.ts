/** The EIC part of the connection's status item: the tenant of saviyntRest.eic.url and whether credentials are stored for it. */
import { parseTenantAddress } from '../../../server/src/core/eic/tenantAddress';
import type { EicCredentialStore } from './credentialStore';
import { readEicSettings } from './eicSettings';

/** The EIC part of the status item: undefined when no tenant is configured. */
export async function eicStatusPart(store: EicCredentialStore): Promise<{ text: string; detail: string } | undefined> {
  const address = parseTenantAddress(readEicSettings().url);
  if (typeof address === 'string') return undefined;
  const stored = await store.get(address.origin);
  const how = stored?.kind === 'password' ? 'user name and password' : stored?.kind === 'token' ? 'access token' : undefined;
  return {
    text: how ? 'EIC: credentials set' : 'EIC: no credentials',
    detail: `EIC tenant ${address.host}${how ? ` (${how})` : ': run Set EIC Credentials'}`,
  };
}
