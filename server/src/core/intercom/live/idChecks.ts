/**
 * Live checks of literal ids and of the host's region:
 * - `intercom-live-tag`, `intercom-live-team`, `intercom-live-admin`: a literal tag, team or admin
 *   id that does not exist in the workspace — in the URL (/tags/123, /contacts/{id}/tags/123,
 *   /teams/5), in a body (the tag `id` of POST …/tags, assignment.team_assignee_id,
 *   admin_assignee_id, admin_id, assignee_id) or as a search filter value (tag_id, team_assignee_id):
 *   error where Intercom answers 404, warning in a search (it matches nothing). The message lists
 *   what the workspace has; a did-you-mean (same name, close name or id) is offered as the fix.
 * - `intercom-live-region` (warning): the call's host serves another region than the workspace's
 *   (GET /me app.region); fix: the workspace region's host.
 */
import type { Fix, Severity } from '../../types';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { INTERCOM_REGIONS, regionOfMeRegion } from '../regions';
import type { IntercomCall } from '../rules/model';
import { JsonNode, ParsedBody, bodyProperties, bodyProperty, rawString } from '../rules/support';
import { checkTicketTypeValue } from './ticketTypeChecks';
import { type LiveContext, callName, filterValues, guessItem, inWorkspace, listSome, literalId, replaceIn, reportIn, searchFilters } from './liveContext';
import { type SnapshotNamed, workspaceLabel } from './snapshot';

type Kind = 'tag' | 'team' | 'admin';
const CODES: Record<Kind, string> = { tag: 'intercom-live-tag', team: 'intercom-live-team', admin: 'intercom-live-admin' };
const PLURAL: Record<Kind, string> = { tag: 'tags', team: 'teams', admin: 'admins (teammates)' };
/** The literal path segment before an id parameter → what the id names. */
const SEGMENT_KINDS: Record<string, Kind | 'ticketType'> = { tags: 'tag', teams: 'team', admins: 'admin', ticket_types: 'ticketType' };
const BODY_KEYS: Record<string, Kind[]> = {
  team_assignee_id: ['team'], admin_assignee_id: ['admin'], admin_id: ['admin'], assignee_id: ['admin', 'team'], owner_id: ['admin'],
};
const SEARCH_FIELDS: Record<string, Kind> = { tag_id: 'tag', tag_ids: 'tag', team_assignee_id: 'team', admin_assignee_id: 'admin', teammate_ids: 'admin' };

function itemsOf(live: LiveContext, kind: Kind): readonly SnapshotNamed[] | undefined {
  return kind === 'tag' ? live.snapshot.tags : kind === 'team' ? live.snapshot.teams : live.snapshot.admins;
}

interface IdVerdict { code: string; message: string; guess?: SnapshotNamed }

/** Undefined when the id exists (or the workspace data is missing); 0 means "unassigned". */
function judge(live: LiveContext, kinds: Kind[], id: string, severity: Severity, where: string): IdVerdict | undefined {
  if (id === '0') return undefined;
  const lists = kinds.map(k => itemsOf(live, k));
  if (lists.some(l => !l) || lists.some(l => l!.some(x => x.id === id))) return undefined;
  const kind = kinds[0];
  const items = lists[0]!;
  const guess = guessItem(items, id);
  const effect = severity === 'error' ? `${where} would be answered with 404 (${kind}_not_found)` : `the filter in ${where} matches nothing`;
  const also = kinds.length > 1 ? ` (nor among its ${PLURAL[kinds[1]]})` : '';
  return {
    code: CODES[kind], guess,
    message: `Unknown ${kind} ${id}: it does not exist ${inWorkspace(live)}${also}; ${effect}. Its ${PLURAL[kind]}: ${listSome(items)}.${guess ? ` Did you mean ${guess.id}${guess.name ? ` "${guess.name}"` : ''}?` : ''}`,
  };
}

function checkUrl(live: LiveContext, ic: IntercomCall): void {
  if (!ic.endpoint) return;
  const template = ic.endpoint.path.split('/').filter(Boolean);
  const path = ic.url.value.slice(ic.url.pathStart, ic.url.pathEnd);
  const segments: { text: string; index: number }[] = [];
  let at = ic.url.pathStart;
  for (const part of path.split('/')) {
    if (part) segments.push({ text: part, index: at });
    at += part.length + 1;
  }
  if (segments.length !== template.length) return;
  for (let i = 1; i < template.length; i++) {
    const kind = SEGMENT_KINDS[template[i - 1]];
    const seg = segments[i];
    if (!kind || !template[i].startsWith('{') || !/^\d+$/.test(seg.text)) continue;
    if (kind === 'ticketType') continue; // ticket type URLs are rare in connections; bodies are checked
    const v = judge(live, [kind], seg.text, 'error', callName(ic));
    if (!v) continue;
    const fixes: Fix[] = v.guess ? [{ title: `Use ${v.guess.id} "${v.guess.name}"`, edits: [editIn(live.doc, ic.urlNode, seg.index, seg.text.length, v.guess.id)], isPreferred: true }] : [];
    live.report({ ...spanIn(live.doc, ic.urlNode, seg.index, seg.text.length), severity: 'error', code: v.code, message: v.message, fixes });
  }
}

function reportNode(live: LiveContext, body: ParsedBody, node: JsonNode, v: IdVerdict, severity: Severity): void {
  const fixes: Fix[] = v.guess ? [{ title: `Use ${v.guess.id}${v.guess.name ? ` "${v.guess.name}"` : ''}`, edits: [replaceIn(live, body, node, v.guess.id)], isPreferred: true }] : [];
  reportIn(live, body, node, v.code, severity, v.message, fixes);
}

function walkBody(live: LiveContext, ic: IntercomCall, body: ParsedBody, n: JsonNode | undefined, depth: number): void {
  if (!n || n.type !== 'object' || depth > 3) return;
  for (const { key, value } of bodyProperties(n)) {
    const kinds = BODY_KEYS[rawString(body, key)];
    const id = kinds ? literalId(body, value) : undefined;
    const v = id ? judge(live, kinds!, id, 'error', callName(ic)) : undefined;
    if (v) reportNode(live, body, value, v, 'error');
    else if (value.type === 'object') walkBody(live, ic, body, value, depth + 1);
  }
}

function checkBody(live: LiveContext, ic: IntercomCall, body: ParsedBody): void {
  if (body.root.type !== 'object' || !ic.endpoint) return;
  // POST /contacts/{id}/tags, /tickets/{id}/tags, /conversations/{id}/tags: {"id": "<tag id>"}.
  if (/\/tags$/.test(ic.endpoint.path) && ic.endpoint.path !== '/tags') {
    const node = bodyProperty(body.root, 'id')?.value;
    const id = literalId(body, node);
    const v = id ? judge(live, ['tag'], id, 'error', callName(ic)) : undefined;
    if (v && node) reportNode(live, body, node, v, 'error');
  }
  walkBody(live, ic, body, body.root, 0);
  if (!/\/search$/.test(ic.endpoint.path)) return;
  for (const f of searchFilters(body)) {
    if (f.field === 'ticket_type_id' && ic.endpoint.path === '/tickets/search') {
      for (const node of filterValues(body, f.value)) checkTicketTypeValue(live, ic, body, node);
      continue;
    }
    const kind = SEARCH_FIELDS[f.field];
    if (!kind) continue;
    for (const node of filterValues(body, f.value)) {
      const id = literalId(body, node);
      const v = id ? judge(live, [kind], id, 'warning', callName(ic)) : undefined;
      if (v) reportNode(live, body, node, v, 'warning');
    }
  }
}

function checkRegion(live: LiveContext, ic: IntercomCall): void {
  const home = live.snapshot.workspace.region ? regionOfMeRegion(live.snapshot.workspace.region) : undefined;
  if (!home || home.id === ic.region.id || ic.call.role === 'auth') return;
  const via = ic.region.id === 'us'
    ? `api.intercom.io forwards such calls to the workspace's region on a best-effort basis only`
    : `a regional host serves only the workspaces of its region, so the call is refused`;
  live.report({
    ...spanIn(live.doc, ic.urlNode, ic.url.hostStart, ic.url.hostEnd - ic.url.hostStart), severity: 'warning', code: 'intercom-live-region',
    message: `Wrong region: this call goes to ${ic.region.apiHost} (${ic.region.label.replace(' (default)', '')}), but the workspace ${workspaceLabel(live.snapshot)} is hosted in ${home.label} (GET /me: app.region "${live.snapshot.workspace.region}"): ${via}. Call ${home.apiHost}.`,
    fixes: [{ title: `Use ${home.apiHost} (${home.label})`, isPreferred: true,
      edits: [editIn(live.doc, ic.urlNode, ic.url.hostStart, ic.url.hostEnd - ic.url.hostStart, INTERCOM_REGIONS.find(r => r.id === home.id)!.apiHost)] }],
  });
}

export function checkIds(live: LiveContext, ic: IntercomCall, body: ParsedBody | undefined): void {
  checkRegion(live, ic);
  checkUrl(live, ic);
  if (body) checkBody(live, ic, body);
}
