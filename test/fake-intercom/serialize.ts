// Version-aware JSON shapes of admins, teams, contacts, tags and companies.

import type {
  AdminRecord,
  CompanyRecord,
  ContactRecord,
  TagRecord,
  TeamRecord,
  WorkspaceRecord,
} from './types.js';
import { type ApiVersion, isV216 } from './versions.js';

export interface SerializeContext {
  version: ApiVersion;
  /** Base URL the client used, including any /__region prefix. */
  base: string;
  ws: WorkspaceRecord;
}

export function serializeAdmin(a: AdminRecord, ctx: SerializeContext, withAvatar: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'admin',
    id: a.id,
    name: a.name,
    email: a.email,
    job_title: a.jobTitle,
    away_mode_enabled: a.awayModeEnabled,
    away_mode_reassign: a.awayModeReassign,
    away_status_reason_id: a.awayStatusReasonId,
    has_inbox_seat: a.hasInboxSeat,
    team_ids: [...a.teamIds],
    team_priority_level: { primary_team_ids: a.teamIds.slice(0, 1), secondary_team_ids: a.teamIds.slice(1) },
  };
  if (withAvatar) out.avatar = a.avatar;
  if (isV216(ctx.version) && a.role) out.role = { type: 'role', id: a.role.id, name: a.role.name };
  return out;
}

/** GET /me: the admin that owns the app, with an avatar object and the embedded app. */
export function serializeMe(a: AdminRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    type: 'admin',
    id: a.id,
    email: a.email,
    name: a.name,
    email_verified: a.emailVerified,
    app: {
      type: 'app',
      id_code: ctx.ws.idCode,
      name: ctx.ws.name,
      created_at: ctx.ws.createdAt,
      secure: false,
      identity_verification: false,
      timezone: ctx.ws.timezone,
      region: ctx.ws.region,
    },
    avatar: { type: 'avatar', image_url: a.avatar },
    has_inbox_seat: a.hasInboxSeat,
    job_title: a.jobTitle,
    away_mode_enabled: a.awayModeEnabled,
    away_mode_reassign: a.awayModeReassign,
    team_ids: [...a.teamIds],
  };
}

export function serializeTeam(t: TeamRecord): Record<string, unknown> {
  return {
    type: 'team',
    id: t.id,
    name: t.name,
    admin_ids: [...t.adminIds],
    admin_priority_level: { primary_admin_ids: t.adminIds.slice(0, 1), secondary_admin_ids: t.adminIds.slice(1) },
    assignment_limit: t.assignmentLimit,
    distribution_method: t.distributionMethod,
  };
}

export function serializeTag(t: TagRecord): Record<string, unknown> {
  return { type: 'tag', id: t.id, name: t.name };
}

/** Embedded summary list on a contact: at most 10 items, with total_count, has_more and url. */
function summary(items: Array<Record<string, unknown>>, url: string): Record<string, unknown> {
  return { type: 'list', data: items.slice(0, 10), url, total_count: items.length, has_more: items.length > 10 };
}

export function serializeContact(c: ContactRecord, ctx: SerializeContext): Record<string, unknown> {
  const contactUrl = `${ctx.base}/contacts/${c.id}`;
  const tags = c.tagIds.map((id) => ({ type: 'tag', id, url: `/tags/${id}` }));
  const companies = c.companyIds.map((id) => ({ type: 'company', id, url: `/companies/${id}` }));
  const out: Record<string, unknown> = {
    type: 'contact',
    id: c.id,
    workspace_id: ctx.ws.idCode,
    external_id: c.externalId,
    role: c.role,
    email: c.email,
    email_domain: c.email ? c.email.slice(c.email.indexOf('@') + 1) : null,
    phone: c.phone,
    name: c.name,
    avatar: null,
    owner_id: c.ownerId === null ? null : isV216(ctx.version) ? String(c.ownerId) : c.ownerId,
    social_profiles: { type: 'list', data: [] },
    has_hard_bounced: false,
    marked_email_as_spam: false,
    unsubscribed_from_emails: c.unsubscribedFromEmails,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    signed_up_at: c.signedUpAt,
    last_seen_at: c.lastSeenAt,
    last_replied_at: null,
    last_contacted_at: null,
    last_email_opened_at: null,
    last_email_clicked_at: null,
    language_override: null,
    browser: null,
    browser_version: null,
    browser_language: null,
    os: null,
    location: { type: 'location', country: null, region: null, city: null, country_code: null, continent_code: null },
    android_app_name: null,
    android_app_version: null,
    android_device: null,
    android_os_version: null,
    android_sdk_version: null,
    android_last_seen_at: null,
    ios_app_name: null,
    ios_app_version: null,
    ios_device: null,
    ios_os_version: null,
    ios_sdk_version: null,
    ios_last_seen_at: null,
    custom_attributes: { ...c.customAttributes },
    tags: summary(tags, `${contactUrl}/tags`),
    notes: summary([], `${contactUrl}/notes`),
    companies: summary(companies, `${contactUrl}/companies`),
  };
  if (c.archived) out.archived = true;
  if (c.blocked) out.blocked = true;
  return out;
}

export function contactStub(c: ContactRecord, extra: Record<string, unknown>): Record<string, unknown> {
  return { type: 'contact', id: c.id, external_id: c.externalId, ...extra };
}

export function companyUserCount(ws: WorkspaceRecord, company: CompanyRecord): number {
  return ws.contacts.filter((c) => !c.deleted && !c.mergedInto && c.companyIds.includes(company.id)).length;
}

export function serializeCompany(co: CompanyRecord, ctx: SerializeContext): Record<string, unknown> {
  return {
    type: 'company',
    id: co.id,
    company_id: co.companyId,
    app_id: ctx.ws.idCode,
    name: co.name,
    remote_created_at: co.createdAt,
    created_at: co.createdAt,
    updated_at: co.updatedAt,
    last_request_at: co.lastRequestAt,
    plan: co.plan ? { type: 'plan', id: '1', name: co.plan } : {},
    size: co.size,
    website: co.website,
    industry: co.industry,
    monthly_spend: co.monthlySpend,
    session_count: 0,
    user_count: companyUserCount(ctx.ws, co),
    custom_attributes: { ...co.customAttributes },
    tags: { type: 'tag.list', tags: co.tagIds.map((id) => ({ type: 'tag', id })) },
    segments: { type: 'segment.list', segments: [] },
  };
}
