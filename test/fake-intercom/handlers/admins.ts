// GET /me, admins (list, retrieve, set away) and teams.

import { ApiError, invalid, missing } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';
import { serializeAdmin, serializeMe, serializeTeam } from '../serialize.js';
import type { AdminRecord } from '../types.js';

function adminOrThrow(ctx: HandlerContext, message: string): AdminRecord {
  const id = ctx.params.id;
  const found = /^[0-9]+$/.test(id) ? ctx.ws.admins.find((a) => a.id === id) : undefined;
  if (!found) throw new ApiError(404, 'admin_not_found', message);
  return found;
}

function me(ctx: HandlerContext) {
  const owner = ctx.ws.admins.find((a) => a.id === ctx.app.ownerAdminId) ?? ctx.ws.admins[0];
  if (!owner) throw new ApiError(404, 'admin_not_found', 'Admin not found');
  return ok(serializeMe(owner, ctx));
}

function listAdmins(ctx: HandlerContext) {
  const withAvatar = ctx.query.get('display_avatar') === 'true';
  return ok({ type: 'admin.list', admins: ctx.ws.admins.map((a) => serializeAdmin(a, ctx, withAvatar)) });
}

function getAdmin(ctx: HandlerContext) {
  return ok(serializeAdmin(adminOrThrow(ctx, 'Admin not found'), ctx, true));
}

function setAway(ctx: HandlerContext) {
  const admin = adminOrThrow(ctx, 'Admin for admin_id not found');
  const { away_mode_enabled: enabled, away_mode_reassign: reassign } = ctx.body;
  if (enabled === undefined) throw missing('away_mode_enabled is a required parameter');
  if (reassign === undefined) throw missing('away_mode_reassign is a required parameter');
  if (typeof enabled !== 'boolean' || typeof reassign !== 'boolean') {
    throw invalid('away_mode_enabled and away_mode_reassign must be booleans');
  }
  const rawReason = ctx.body.away_status_reason_id;
  let reasonId: number | null = null;
  if (rawReason !== undefined && rawReason !== null) {
    reasonId = Number(rawReason);
    const reason = ctx.ws.awayReasons.find((r) => r.id === reasonId);
    if (!Number.isInteger(reasonId) || !reason) throw invalid('Away status reason not found');
    if (reason.deleted) throw invalid('Away status reason is deleted');
  }
  if (enabled && reasonId === null && ctx.ws.awayReasonRequired) {
    throw new ApiError(400, 'away_status_reason_mandatory', 'An away status reason is required in this workspace');
  }
  admin.awayModeEnabled = enabled;
  admin.awayModeReassign = reassign;
  admin.awayStatusReasonId = enabled ? reasonId : null;
  return ok(serializeAdmin(admin, ctx, true));
}

function listTeams(ctx: HandlerContext) {
  return ok({ type: 'team.list', teams: ctx.ws.teams.map(serializeTeam) });
}

function getTeam(ctx: HandlerContext) {
  const team = ctx.ws.teams.find((t) => t.id === ctx.params.id);
  if (!team) throw new ApiError(404, 'team_not_found', 'Team not found');
  return ok(serializeTeam(team));
}

export const adminRoutes: RouteDef[] = [
  { method: 'GET', path: '/me', scope: null, feature: null, handler: me },
  { method: 'GET', path: '/admins', scope: 'read_admins', feature: null, handler: listAdmins },
  { method: 'GET', path: '/admins/:id', scope: 'read_admins', feature: null, handler: getAdmin },
  { method: 'PUT', path: '/admins/:id/away', scope: 'write_admins', feature: null, handler: setAway },
  { method: 'GET', path: '/teams', scope: 'read_admins', feature: null, handler: listTeams },
  { method: 'GET', path: '/teams/:id', scope: 'read_admins', feature: null, handler: getTeam },
];
