/**
 * Masks every secret the extension knows in a text (for the error boundary): the stored Intercom
 * access tokens of every region, the EIC credentials of the configured tenant, and, once the
 * command bundle is loaded, the secrets of its signed-in EIC sessions. Uses the engine's redact(),
 * which also finds a secret changed in case or encoded (JSON escapes, percent encoding, base64).
 */
import { redact, SecretToken } from '../../server/src/core/runner/secret';
import { parseTenantAddress } from '../../server/src/core/eic/tenantAddress';
import type { ClientContext } from './clientContext';
import { loadedCommands } from './commandLoader';
import { readEicSettings } from './eic/eicSettings';
import { INTERCOM_REGION_IDS } from '../../server/src/core/intercom/regions';

function secretOf(value: string, verbatim: boolean): SecretToken | undefined {
  try { return new SecretToken(value, { verbatim }); } catch { return value ? new SecretToken(value, { verbatim: true }) : undefined; }
}

async function storedSecrets(ctx: ClientContext): Promise<SecretToken[]> {
  const secrets: (SecretToken | undefined)[] = [];
  for (const region of INTERCOM_REGION_IDS) {
    const token = await ctx.tokens.get(region);
    if (token) secrets.push(secretOf(token, false));
  }
  const tenant = parseTenantAddress(readEicSettings().url);
  if (typeof tenant !== 'string') {
    const stored = await ctx.eicCredentials.get(tenant.origin);
    if (stored?.kind === 'token') secrets.push(secretOf(stored.token, false));
    if (stored?.kind === 'password') secrets.push(secretOf(stored.password, true));
  }
  return secrets.filter((s): s is SecretToken => s !== undefined);
}

export async function redactKnownSecrets(ctx: ClientContext, text: string): Promise<string> {
  const masked = redact(text, ...await storedSecrets(ctx));
  return loadedCommands()?.redactSessionSecrets(masked) ?? masked;
}
