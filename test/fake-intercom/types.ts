// Shared data model of the fake Intercom API. Types only.

export type Region = 'US' | 'EU' | 'AU';
export type RegionKey = 'us' | 'eu' | 'au';
export type TokenState = 'valid' | 'revoked' | 'blocked' | 'expired';
export type StateCategory = 'submitted' | 'in_progress' | 'waiting_on_customer' | 'resolved';
export type TicketCategory = 'Customer' | 'Back-office' | 'Tracker';
export type RateLimitPreset = 'none' | 'tiny' | 'burst_then_ok' | 'reset_in_past' | 'reset_far_future';

export interface AppRecord {
  id: string;
  name: string;
  workspaceId: string;
  apiVersion: string;
  scopes: Set<string>;
  ownerAdminId: string;
}

export interface TokenRecord {
  value: string;
  appId: string;
  state: TokenState;
}

export interface AdminRecord {
  id: string;
  name: string;
  email: string;
  jobTitle: string | null;
  awayModeEnabled: boolean;
  awayModeReassign: boolean;
  awayStatusReasonId: number | null;
  hasInboxSeat: boolean;
  teamIds: number[];
  avatar: string | null;
  role: { id: string; name: string } | null;
  emailVerified: boolean;
}

export interface TeamRecord {
  id: string;
  name: string;
  adminIds: number[];
  assignmentLimit: number | null;
  distributionMethod: string | null;
}

export interface ContactRecord {
  id: string;
  externalId: string | null;
  role: 'user' | 'lead';
  email: string | null;
  phone: string | null;
  name: string | null;
  ownerId: number | null;
  createdAt: number;
  updatedAt: number;
  signedUpAt: number | null;
  lastSeenAt: number | null;
  unsubscribedFromEmails: boolean;
  customAttributes: Record<string, unknown>;
  tagIds: string[];
  companyIds: string[];
  archived: boolean;
  blocked: boolean;
  deleted: boolean;
  mergedInto: string | null;
  /** Unix seconds from which /contacts/search can see the contact (eventual consistency). */
  searchableAt: number;
}

export interface TagRecord {
  id: string;
  name: string;
  createdAt: number;
}

export interface CompanyRecord {
  id: string;
  companyId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  lastRequestAt: number;
  plan: string | null;
  size: number;
  website: string | null;
  industry: string | null;
  monthlySpend: number;
  customAttributes: Record<string, unknown>;
  tagIds: string[];
}

export interface ListOption {
  id: string;
  label: string;
  archived: boolean;
}

export interface TicketAttributeRecord {
  id: string;
  name: string;
  description: string;
  dataType: 'string' | 'list' | 'integer' | 'decimal' | 'boolean' | 'datetime' | 'files';
  order: number;
  requiredToCreate: boolean;
  requiredToCreateForContacts: boolean;
  visibleOnCreate: boolean;
  visibleToContacts: boolean;
  isDefault: boolean;
  archived: boolean;
  multiline: boolean;
  listOptions: ListOption[] | null;
  createdAt: number;
  updatedAt: number;
}

export interface TicketTypeRecord {
  id: string;
  name: string;
  description: string;
  icon: string;
  category: TicketCategory;
  archived: boolean;
  isInternal: boolean;
  createdAt: number;
  updatedAt: number;
  attributes: TicketAttributeRecord[];
}

export interface TicketStateRecord {
  id: string;
  category: StateCategory;
  internalLabel: string;
  externalLabel: string;
  archived: boolean;
  typeIds: string[];
}

export interface TicketPartRecord {
  id: string;
  partType: string;
  body: string | null;
  ticketState: StateCategory | null;
  previousTicketState: StateCategory | null;
  createdAt: number;
  author: { type: 'admin' | 'bot' | 'user' | 'team'; id: string; name: string | null; email: string };
}

export interface ScheduledTransition {
  stateId: string;
  /** Polls (GET /tickets/{id}) still to be answered with the old state. */
  afterPolls: number | null;
  /** Clock time (Unix seconds) from which the transition applies. */
  atTime: number | null;
}

export interface TicketRecord {
  id: string;
  ticketId: string;
  typeId: string;
  stateId: string;
  previousStateId: string | null;
  attributes: Record<string, unknown>;
  contactIds: string[];
  adminAssigneeId: number;
  teamAssigneeId: number;
  createdAt: number;
  updatedAt: number;
  open: boolean;
  snoozedUntil: number | null;
  isShared: boolean;
  companyId: string | null;
  parts: TicketPartRecord[];
  tags: Array<{ tagId: string; appliedAt: number; appliedBy: string }>;
  deleted: boolean;
  transitions: ScheduledTransition[];
}

export interface JobRecord {
  id: string;
  createdAt: number;
  readyAt: number;
  /** Validated create-ticket input, materialised into a ticket when the job is due. */
  create: TicketCreateInput;
  ticketId: string | null;
}

export interface TicketCreateInput {
  typeId: string;
  contactId: string;
  attributes: Record<string, unknown>;
  companyId: string | null;
  createdAt: number | null;
  adminAssigneeId: number;
  teamAssigneeId: number;
}

export interface AwayReason {
  id: number;
  label: string;
  deleted: boolean;
}

export interface WorkspaceRecord {
  idCode: string;
  name: string;
  region: Region;
  timezone: string;
  createdAt: number;
  planRestricted: Set<string>;
  awayReasonRequired: boolean;
  awayReasons: AwayReason[];
  dataAttributes: Set<string>;
  admins: AdminRecord[];
  teams: TeamRecord[];
  contacts: ContactRecord[];
  contactById: Map<string, ContactRecord>;
  tags: TagRecord[];
  segmentTagIds: Set<string>;
  companies: CompanyRecord[];
  ticketTypes: TicketTypeRecord[];
  ticketStates: TicketStateRecord[];
  tickets: TicketRecord[];
  jobs: Map<string, JobRecord>;
  counters: {
    contactSerial: number;
    tag: number;
    ticket: number;
    ticketNumber: number;
    ticketPart: number;
    ticketType: number;
    ticketAttribute: number;
    job: number;
    company: number;
  };
  /** One open companies scroll per workspace app. */
  scroll: { param: string; offset: number; lastUsed: number; pages: number } | null;
}

export interface RateLimitConfig {
  perAppPerMinute: number;
  perWorkspacePerMinute: number;
  preset: RateLimitPreset;
  /** For burst_then_ok: the request number (counted from when the preset was set) that gets the 429. */
  burstN: number;
  sendRetryAfter: boolean;
}

/** Behaviour switches that can be changed at run time (POST /__fake/options). */
export interface RuntimeOptions {
  strictAccept: boolean;
  unknownTokenCode: 'unauthorized' | 'token_not_found';
  acceptUnstableAlias: boolean;
  accept217: boolean;
  proxyLatencyMs: number;
  searchIndexDelaySeconds: number;
  jobDelaySeconds: number;
  cursorTtlSeconds: number | null;
  lastPageNextNull: boolean;
  unstableOrdering: boolean;
  lenientUnknownAttributes: boolean;
  companyLookupReturnsObject: boolean;
  /** Companies scroll fails with HTTP 500 once this many pages were served (null: never). */
  scroll500AfterNPages: number | null;
  /** Treat any Host header as the US host (for binding to other interfaces). */
  allowUnknownHosts: boolean;
}

export interface FaultMatch {
  method?: string;
  /** Tested against the API path (without the /__region prefix and without the query string). */
  path_regex?: string;
  /** Fire only on the nth matching request (1-based). */
  nth?: number;
  /** Fire on every kth matching request. */
  every?: number;
  /** Fire with this probability (deterministic pseudo-random sequence). */
  probability?: number;
  /** Stop firing after this many times. */
  times?: number;
}

export type FaultAction =
  | { type: 'html'; status?: number; body?: string; preset?: 'rails_500' | 'elb_502' | 'cdn_503' | 'html_200' }
  | { type: 'json_error'; status: number; code: string; message?: string }
  /** Slow response. phase "after" waits after the handler ran (the change is committed, the answer is late). */
  | { type: 'delay'; ms: number; trickle?: boolean; phase?: 'before' | 'after' }
  | { type: 'hang' }
  | { type: 'reset_connection' }
  | { type: 'close_after_headers' }
  | { type: 'truncate_body'; bytes?: number }
  | { type: 'wrong_content_type'; content_type?: string }
  | { type: 'empty_body'; status?: number }
  | { type: 'omit_rate_headers' }
  | { type: 'omit_request_id' };

export interface FaultRule {
  match?: FaultMatch;
  /** An action object, or a preset name such as "rails_500", "hang" or "omit_rate_headers". */
  action: FaultAction | string;
}

export interface RequestLogEntry {
  seq: number;
  time: number;
  method: string;
  url: string;
  path: string;
  region: RegionKey | null;
  headers: Record<string, string>;
  body: string;
  status: number;
  code: string | null;
  requestId: string | null;
  fault: string | null;
}
