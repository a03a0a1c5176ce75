/**
 * Request headers and hosts of Intercom calls:
 * - `intercom-accept-missing` (warning): no `Accept: application/json`; Intercom answers 406
 *   (media_type_not_acceptable) to clients that send none; fix adds the header;
 * - `intercom-authorization-missing` (warning): no Authorization header at all, so every call gets 401;
 *   fix adds `"Authorization": "${access_token}"` (a literal token or a doubled `Bearer` is reported
 *   by secret-literal and binding-bearer-prefix);
 * - `intercom-content-type-missing` (warning): a call with a body but neither httpContentType nor a
 *   Content-Type header; fix adds `"httpContentType": "application/json"`;
 * - `intercom-mixed-regions` (warning): calls of one connection go to different regional hosts
 *   (api.intercom.io, api.eu.intercom.io, api.au.intercom.io), although a workspace lives in one region.
 */
import type { Fix } from '../../types';
import { getProperty, getValue, isString, stringValue } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import { INTERCOM_REGIONS } from '../regions';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { insertProperty } from '../../rules/support/objectEdits';
import { callLabel, headerProperty, IntercomCall, intercomCalls, regionsInUse } from './model';
import { setHeaderEdits } from './support';

function headersAnchor(ic: IntercomCall) {
  const headers = getProperty(ic.http, 'httpHeaders');
  return headers ? headers.keyNode : ic.urlNode;
}

function checkAccept(ctx: RuleContext, ic: IntercomCall): void {
  const accept = headerProperty(getValue(ic.http, 'httpHeaders'), 'accept');
  const value = stringValue(accept?.valueNode);
  if (accept && (value === undefined || value.includes('${') || /application\/json|\*\/\*|application\/\*/i.test(value))) return;
  const edits = setHeaderEdits(ctx.doc, ic, 'Accept', 'application/json');
  const at = accept?.valueNode ?? headersAnchor(ic);
  ctx.report({
    offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-accept-missing',
    message: accept
      ? `Wrong Accept header: Intercom only answers with JSON; with "Accept: ${value}" it replies 406 (media_type_not_acceptable). Send "Accept": "application/json".`
      : 'Missing Accept header: this Intercom call sends no "Accept: application/json" header. Intercom requires it and answers 406 (media_type_not_acceptable) to HTTP clients that do not add one themselves. Add the header.',
    fixes: edits ? [{ title: accept ? 'Change to "application/json"' : 'Add "Accept": "application/json"', edits, isPreferred: true }] : [],
  });
}

function checkAuthorization(ctx: RuleContext, ic: IntercomCall): void {
  if (headerProperty(getValue(ic.http, 'httpHeaders'), 'authorization')) return;
  const edits = setHeaderEdits(ctx.doc, ic, 'Authorization', '${access_token}');
  const at = headersAnchor(ic);
  ctx.report({
    offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-authorization-missing',
    message: 'Missing Authorization header: this Intercom call sends none, so Intercom answers 401 (unauthorized). Send "Authorization": "${access_token}"; the token of the connection\'s authentication already carries its "Bearer " prefix.',
    fixes: edits ? [{ title: 'Add "Authorization": "${access_token}"', edits, isPreferred: true }] : [],
  });
}

function checkContentType(ctx: RuleContext, ic: IntercomCall): void {
  if (!ic.method || !['POST', 'PUT', 'PATCH', 'DELETE'].includes(ic.method)) return;
  const params = getValue(ic.http, 'httpParams');
  const body = isString(params) ? params.value.trim() : params?.type === 'object' ? '{…}' : '';
  if (!body || getProperty(ic.http, 'httpContentType') || headerProperty(getValue(ic.http, 'httpHeaders'), 'content-type')) return;
  const params_ = getProperty(ic.http, 'httpParams')!;
  ctx.report({
    offset: params_.keyNode.offset, length: params_.keyNode.length, severity: 'warning', code: 'intercom-content-type-missing',
    message: 'Missing content type: this call sends a body to Intercom but declares no content type; Intercom reads request bodies as JSON only, so say so with "httpContentType": "application/json" (EIC encodes the body by it and sends the matching Content-Type).',
    fixes: [{ title: 'Add "httpContentType": "application/json"', edits: [insertProperty(ctx.doc, ic.http, 'httpContentType', '"application/json"', params_)], isPreferred: true }],
  });
}

function connectionDocs(ctx: RuleContext): AttributeDocument[] {
  const name = ctx.doc.attribute?.name;
  return [...ctx.connection.all().filter(d => d !== ctx.doc && d.attribute?.name !== name), ctx.doc];
}

function checkRegions(ctx: RuleContext, calls: readonly IntercomCall[]): void {
  if (!calls.length) return;
  const regions = regionsInUse(connectionDocs(ctx), ctx.settings);
  if (regions.size < 2) return;
  for (const ic of calls) {
    const others = [...regions.entries()].filter(([id]) => id !== ic.region.id);
    const example = others.map(([, uses]) => {
      const use = uses[0];
      return `${callLabel(use.doc, use.call.call)} uses ${use.region.apiHost} (${use.region.label})`;
    }).join('; ');
    const fixes: Fix[] = others.map(([id]) => {
      const region = INTERCOM_REGIONS.find(r => r.id === id)!;
      return { title: `Use ${region.apiHost} (${region.label})`, edits: [editIn(ctx.doc, ic.urlNode, ic.url.hostStart, ic.url.hostEnd - ic.url.hostStart, region.apiHost)] };
    });
    ctx.report({
      ...spanIn(ctx.doc, ic.urlNode, ic.url.hostStart, ic.url.hostEnd - ic.url.hostStart), severity: 'warning', code: 'intercom-mixed-regions',
      message: `Mixed Intercom regions: this call goes to ${ic.region.apiHost} (${ic.region.label}), but ${example}. An Intercom workspace lives in one region; use that region's host in every call (GET /me tells it in app.region).`,
      fixes,
    });
  }
}

export const intercomHeadersRule: Rule = {
  id: 'intercom-headers',
  reads: '*', // the mixed-regions check reads every sibling's calls
  run(ctx) {
    const calls = intercomCalls(ctx.doc, ctx.settings);
    for (const ic of calls) {
      if (ic.call.role === 'auth') continue;
      checkAccept(ctx, ic);
      checkAuthorization(ctx, ic);
      checkContentType(ctx, ic);
    }
    checkRegions(ctx, calls);
  },
};
