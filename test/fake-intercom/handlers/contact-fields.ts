// The fields a contact create or update body may carry, per version (create_contact_request /
// update_contact_request of the OpenAPI); anything else is refused, as companies' unknown
// parameters are ("bad '<key>' parameter").

import { ApiError } from '../errors.js';
import type { HandlerContext } from '../context.js';
import { atLeast } from '../versions.js';

const CONTACT_FIELDS = [
  'role', 'external_id', 'email', 'phone', 'name', 'avatar', 'signed_up_at', 'last_seen_at', 'owner_id',
  'unsubscribed_from_emails', 'custom_attributes',
];
/** Fields added in a later version: name → first version. */
const LATER_FIELDS: Record<string, string> = { email_verified: '2.16' };

export function rejectUnknownContactFields(ctx: HandlerContext): void {
  for (const key of Object.keys(ctx.body)) {
    if (CONTACT_FIELDS.includes(key)) continue;
    const since = LATER_FIELDS[key];
    if (since && atLeast(ctx.version, since)) continue;
    throw new ApiError(400, 'bad_request', `bad '${key}' parameter`);
  }
}
