// Default fixture (spec §9), generated in code: four workspaces, their apps and tokens, admins,
// teams, tags, companies, contacts, ticket types and states, and tickets.

import type {
  AdminRecord,
  AppRecord,
  Region,
  TeamRecord,
  TokenRecord,
  TokenState,
  WorkspaceRecord,
} from './types.js';
import { ALL_SCOPES, DEFAULT_APP_VERSION, SEEDED_TOKENS } from './tokens.js';
import { CONTACT_DATA_ATTRIBUTES, seedContacts } from './seed-contacts.js';
import { seedTicketing } from './seed-tickets.js';
import { objectId } from './seed-util.js';

export type SeedName = 'default' | 'empty';

export interface SeedResult {
  workspaces: WorkspaceRecord[];
  apps: AppRecord[];
  tokens: TokenRecord[];
}

export interface SeedOptions {
  now: number;
  seed: SeedName;
  searchIndexDelaySeconds: number;
  /** Version configured for every seeded app that is not explicitly pinned (default "2.11"). */
  appVersion?: string;
}

function emptyWorkspace(idCode: string, name: string, region: Region, timezone: string, now: number): WorkspaceRecord {
  return {
    idCode,
    name,
    region,
    timezone,
    createdAt: now - 3 * 365 * 86_400,
    planRestricted: new Set(),
    awayReasonRequired: false,
    awayReasons: [
      { id: 12345, label: 'On a break ☕', deleted: false },
      { id: 12346, label: 'In a meeting', deleted: false },
      { id: 12399, label: 'Retired reason', deleted: true },
    ],
    dataAttributes: new Set(CONTACT_DATA_ATTRIBUTES),
    admins: [],
    teams: [],
    contacts: [],
    contactById: new Map(),
    tags: [],
    segmentTagIds: new Set(),
    companies: [],
    ticketTypes: [],
    ticketStates: [],
    tickets: [],
    jobs: new Map(),
    counters: {
      contactSerial: 0,
      tag: 0,
      ticket: 0,
      ticketNumber: 1,
      ticketPart: 1,
      ticketType: 0,
      ticketAttribute: 0,
      job: 1,
      company: 0,
    },
    scroll: null,
  };
}

function admin(id: number, name: string, email: string, extra: Partial<AdminRecord> = {}): AdminRecord {
  return {
    id: String(id),
    name,
    email,
    jobTitle: 'Teammate',
    awayModeEnabled: false,
    awayModeReassign: false,
    awayStatusReasonId: null,
    hasInboxSeat: true,
    teamIds: [],
    avatar: `https://static.intercomassets.com/avatars/${id}/square_128/avatar.png`,
    role: null,
    emailVerified: true,
    ...extra,
  };
}

/** Seven admins with the spec's oddities; ids start at `base`. */
function seedAdmins(ws: WorkspaceRecord, base: number, domain: string, teamBase: number): void {
  const t = (k: number) => teamBase + k;
  ws.admins.push(
    admin(base + 1, 'Ana Owner', `ana.owner@${domain}`, {
      jobTitle: 'IAM lead',
      teamIds: [t(1), t(2), t(3)],
      role: { id: '1', name: 'Workspace admin' },
    }),
    admin(base + 2, 'Zoë Ångström', `zoe+support@${domain}`, { teamIds: [t(1)], jobTitle: 'Support engineer' }),
    admin(base + 3, '李小龙', `Li.XiaoLong@${domain.toUpperCase()}`, {
      teamIds: [t(2)],
      jobTitle: 'Engineer',
      awayModeEnabled: true,
      awayModeReassign: true,
      awayStatusReasonId: 12345,
    }),
    admin(base + 4, 'Ahmed Ø', `ahmed@${domain}`, { hasInboxSeat: false, avatar: null, jobTitle: 'Contractor' }),
    admin(base + 5, '😀 Bot', `bot@${domain}`, { teamIds: [t(1), t(3)], emailVerified: false, jobTitle: 'Automation' }),
    admin(base + 6, 'Dana "DJ" O\'Neil', `dana.oneil@${domain}`, {
      teamIds: [t(3)],
      role: { id: '2', name: 'Support agent' },
      jobTitle: 'Support agent',
    }),
    admin(base + 7, 'Mikko Häkkinen', `mikko@${domain}`, { teamIds: [t(2)], jobTitle: 'Night shift' }),
  );
  const members = (teamId: number) => ws.admins.filter((a) => a.teamIds.includes(teamId)).map((a) => Number(a.id));
  const team = (k: number, name: string, method: string | null): TeamRecord => ({
    id: String(t(k)),
    name,
    adminIds: members(t(k)),
    assignmentLimit: k === 1 ? 10 : null,
    distributionMethod: method,
  });
  ws.teams.push(
    team(1, 'Identity Ops', 'round_robin'),
    team(2, 'Tier 2 Support', 'balanced'),
    team(3, 'Night shift 🌙', null),
    team(4, 'Escalations (empty)', null),
  );
}

const TAG_NAMES = [
  'VIP', 'Beta tester', 'Churn risk', 'Saviynt managed', 'Enterprise segment', 'Équipe données 🚀 (EU)',
  'Onboarding', 'Needs review', 'Contractor', 'Finance', 'Engineering', 'Sales', 'Support', 'Legal',
];

function seedTags(ws: WorkspaceRecord, base: number, now: number): void {
  TAG_NAMES.forEach((name, i) => ws.tags.push({ id: String(base + 1 + i), name, createdAt: now - (400 - i) * 86_400 }));
  ws.segmentTagIds.add(String(base + 5));
  ws.counters.tag = base + 1 + TAG_NAMES.length;
}

function seedCompanies(ws: WorkspaceRecord, now: number): void {
  const rows: Array<[string, string, string]> = [
    ['acme-001', 'Acme Corp', 'Manufacturing'],
    ['globex-002', 'Globex Ltd', 'Energy'],
    ['initech-003', 'Initech (no users)', 'Software'],
  ];
  rows.forEach(([companyId, name, industry], i) => {
    const createdAt = now - (300 - i * 40) * 86_400;
    ws.companies.push({
      id: objectId(createdAt, `${ws.idCode}/company/${companyId}`),
      companyId,
      name,
      createdAt,
      updatedAt: createdAt + 86_400,
      lastRequestAt: now - i * 86_400,
      plan: i === 0 ? 'Enterprise' : null,
      size: 50 * (i + 1),
      website: `https://${companyId}.example.com`,
      industry,
      monthlySpend: 100 * (i + 1),
      customAttributes: {},
      tagIds: [],
    });
  });
  ws.counters.company = rows.length;
}

interface AppSpec {
  id: string;
  name: string;
  workspace: string;
  owner: string;
  version?: string;
  scopes?: readonly string[];
  tokens: Array<[string, TokenState]>;
}

const APP_SPECS: AppSpec[] = [
  {
    id: 'app_us_main',
    name: 'Saviynt connector',
    workspace: 'ws_us1',
    owner: '1001001',
    tokens: [
      [SEEDED_TOKENS.us, 'valid'],
      [SEEDED_TOKENS.revoked, 'revoked'],
      [SEEDED_TOKENS.blocked, 'blocked'],
      [SEEDED_TOKENS.expired, 'expired'],
    ],
  },
  { id: 'app_us_v215', name: 'Saviynt connector (2.15)', workspace: 'ws_us1', owner: '1001001', version: '2.15', tokens: [[SEEDED_TOKENS.usV215, 'valid']] },
  {
    id: 'app_us_reader',
    name: 'Directory reader',
    workspace: 'ws_us1',
    owner: '1001002',
    scopes: ['read_admins', 'read_users', 'read_tags', 'read_companies'],
    tokens: [[SEEDED_TOKENS.missingScopes, 'valid']],
  },
  { id: 'app_eu_main', name: 'Saviynt connector EU', workspace: 'ws_eu1', owner: '2001001', tokens: [[SEEDED_TOKENS.eu, 'valid']] },
  { id: 'app_au_main', name: 'Saviynt connector AU', workspace: 'ws_au1', owner: '3001001', tokens: [[SEEDED_TOKENS.au, 'valid']] },
  { id: 'app_us2_main', name: 'Starter connector', workspace: 'ws_us2', owner: '4001001', tokens: [[SEEDED_TOKENS.planRestricted, 'valid']] },
];

export function buildSeed(options: SeedOptions): SeedResult {
  const { now } = options;
  const full = options.seed === 'default';
  const us = emptyWorkspace('ws_us1', 'Acme US', 'US', 'America/Los_Angeles', now);
  const eu = emptyWorkspace('ws_eu1', 'Acme EU', 'EU', 'Europe/Dublin', now);
  const au = emptyWorkspace('ws_au1', 'Acme AU', 'AU', 'Australia/Sydney', now);
  const starter = emptyWorkspace('ws_us2', 'Acme Starter', 'US', 'America/New_York', now);
  starter.planRestricted.add('tickets');
  const plan: Array<[WorkspaceRecord, number, string, number, number]> = [
    [us, 1001000, 'acme-us.example', 5100, 7000],
    [eu, 2001000, 'acme-eu.example', 5200, 7100],
    [starter, 4001000, 'acme-starter.example', 5400, 7400],
  ];
  for (const [ws, adminBase, domain, teamBase, tagBase] of plan) {
    seedAdmins(ws, adminBase, domain, teamBase);
    if (!full) {
      ws.admins.splice(1);
      ws.admins[0].teamIds = [];
      ws.teams.length = 0;
      continue;
    }
    seedTags(ws, tagBase, now);
    seedCompanies(ws, now);
  }
  // AU: a workspace with almost nothing in it (edge case 7: empty lists).
  au.admins.push(admin(3001001, 'Olivia Outback', 'olivia@acme-au.example'), admin(3001002, 'Jack Mate', 'jack@acme-au.example'));
  if (full) {
    const delay = options.searchIndexDelaySeconds;
    seedContacts({ workspace: us, count: 353, now, searchDelaySeconds: delay, largeAttributeCount: 200 });
    seedContacts({ workspace: eu, count: 160, now, searchDelaySeconds: delay, largeAttributeCount: 0 });
    seedContacts({ workspace: starter, count: 12, now, searchDelaySeconds: delay, largeAttributeCount: 0 });
    const common = { now, clashingLegacyTicket: false };
    seedTicketing({ ...common, workspace: us, typeIdBase: 41, stateIdBase: 8481, attributeIdBase: 300, ticketIdBase: 631, ticketNumberBase: 38, ticketCount: 24, clashingLegacyTicket: true });
    seedTicketing({ ...common, workspace: eu, typeIdBase: 51, stateIdBase: 9481, attributeIdBase: 500, ticketIdBase: 2631, ticketNumberBase: 12, ticketCount: 5 });
    seedTicketing({ ...common, workspace: starter, typeIdBase: 61, stateIdBase: 9681, attributeIdBase: 700, ticketIdBase: 4631, ticketNumberBase: 3, ticketCount: 0 });
  }
  const ticketBases: Array<[WorkspaceRecord, number]> = [[us, 631], [eu, 2631], [au, 3631], [starter, 4631]];
  for (const [ws, base] of ticketBases) {
    ws.counters.ticket ||= base;
    ws.counters.ticketType ||= base - 600;
    ws.counters.ticketAttribute ||= base * 2;
    ws.counters.tag ||= base * 11;
    ws.counters.ticketPart = Math.max(ws.counters.ticketPart, base * 10);
  }
  const apps: AppRecord[] = [];
  const tokens: TokenRecord[] = [];
  for (const spec of APP_SPECS) {
    apps.push({
      id: spec.id,
      name: spec.name,
      workspaceId: spec.workspace,
      apiVersion: spec.version ?? options.appVersion ?? DEFAULT_APP_VERSION,
      scopes: new Set(spec.scopes ?? ALL_SCOPES),
      ownerAdminId: spec.owner,
    });
    for (const [value, state] of spec.tokens) tokens.push({ value, appId: spec.id, state });
  }
  return { workspaces: [us, eu, au, starter], apps, tokens };
}
