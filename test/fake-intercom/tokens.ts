// Names of the seeded tokens and a few seeded ids, so tests elsewhere can refer to them
// without knowing how the seed is built. Pure constants: no side effects.

/** Full-scope token of the US workspace "Acme US" (app configured for version 2.11). */
export const TOKEN_US = 'tok_valid_us';
/** Full-scope token of the EU workspace "Acme EU" (app configured for version 2.11). */
export const TOKEN_EU = 'tok_valid_eu';
/** Full-scope token of the AU workspace "Acme AU", a nearly empty workspace (no teams, contacts, tickets). */
export const TOKEN_AU = 'tok_valid_au';
/** US workspace token whose app is configured for version 2.15 in the "Developer Hub". */
export const TOKEN_US_V215 = 'tok_valid_us_v215';
/** Revoked token (US workspace) → 401 token_revoked. */
export const TOKEN_REVOKED = 'tok_revoked';
/** Blocked token (US workspace) → 401 token_blocked. */
export const TOKEN_BLOCKED = 'tok_blocked';
/** Expired token (OAuth-style tests only; real Intercom tokens never expire) → 401 token_expired. */
export const TOKEN_EXPIRED = 'tok_expired';
/** US workspace token whose app lacks the ticket and write scopes → 403 forbidden on tickets. */
export const TOKEN_MISSING_SCOPES = 'tok_missing_scopes';
/** Token of the "Acme Starter" US workspace whose plan has no tickets → 403 api_plan_restricted. */
export const TOKEN_PLAN_RESTRICTED = 'tok_plan_restricted';
/** A token that no workspace knows → 401 unauthorized. */
export const TOKEN_UNKNOWN = 'tok_unknown_0000';

export const SEEDED_TOKENS = {
  us: TOKEN_US,
  eu: TOKEN_EU,
  au: TOKEN_AU,
  usV215: TOKEN_US_V215,
  revoked: TOKEN_REVOKED,
  blocked: TOKEN_BLOCKED,
  expired: TOKEN_EXPIRED,
  missingScopes: TOKEN_MISSING_SCOPES,
  planRestricted: TOKEN_PLAN_RESTRICTED,
} as const;

/** Every scope the fake knows. Missing one gives 403 forbidden naming it. */
export const ALL_SCOPES = [
  'read_admins',
  'write_admins',
  'read_users',
  'write_users',
  'read_companies',
  'write_companies',
  'read_tags',
  'write_tags',
  'read_tickets',
  'write_tickets',
] as const;

/** Version used when a request sends no Intercom-Version header and the app has no other setting. */
export const DEFAULT_APP_VERSION = '2.11';

/** Start of the manual clock unless told otherwise: 2026-01-15T12:00:00Z. */
export const DEFAULT_MANUAL_START = 1768478400;

/** Ids in the default US seed that tests commonly need. */
export const SEED_US = {
  workspaceId: 'ws_us1',
  ownerAdminId: '1001001',
  contactCount: 353,
  /** Back-office "Access request" ticket type. */
  accessRequestTypeId: '41',
  /** Customer ticket type. */
  customerTypeId: '42',
  /** Archived ticket type. */
  archivedTypeId: '43',
  /** Ticket whose Inbox number (ticket_id "38") equals the internal id of LEGACY_TICKET_ID. */
  ticketWithClashingNumber: '631',
  legacyTicketId: '38',
  stateIds: {
    submitted: '8481',
    in_progress: '8482',
    waiting_on_customer: '8483',
    resolved: '8484',
    accessGranted: '8485',
    rejected: '8486',
    archivedTriage: '8487',
  },
  /** Tag used by a segment: DELETE gives 400 tag_has_dependent_objects. */
  segmentTagId: '7005',
} as const;

export const SEED_EU = {
  workspaceId: 'ws_eu1',
  ownerAdminId: '2001001',
} as const;

export const SEED_AU = {
  workspaceId: 'ws_au1',
  ownerAdminId: '3001001',
} as const;
