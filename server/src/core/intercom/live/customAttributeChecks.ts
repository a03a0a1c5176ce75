/**
 * `intercom-live-custom-attribute`: a `custom_attributes.<name>` the workspace does not define for
 * the model (contact or company data attributes, GET /data_attributes):
 * - error in a contact or company body: Intercom only stores custom attributes that already exist;
 * - warning in an import mapping (the column stays empty) or a contact search field (matches nothing).
 * The message lists the model's custom attributes; did-you-mean fixes rename.
 */
import type { Fix, Severity } from '../../types';
import { getValue, isObject, isString, type StringASTNode } from '../../json/ast';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { closestName } from '../rules/fieldPaths';
import type { IntercomCall } from '../rules/model';
import { ParsedBody, bodyProperties, bodyProperty, rawString } from '../rules/support';
import { type LiveContext, inWorkspace, reportIn, searchFilters } from './liveContext';
import type { DataModel } from './snapshot';

const IMPORT_ROLES = new Set(['importUser', 'importAccount', 'importEntitlement', 'importAcctEnt']);
const BODY_ENDPOINTS: Record<string, DataModel> = {
  'POST /contacts': 'contact', 'PUT /contacts/{contact_id}': 'contact', 'POST /companies': 'company', 'PUT /companies/{company_id}': 'company',
};

/** contact for /contacts…, company for /companies… (the records a call reads or writes). */
function modelOf(ic: IntercomCall): DataModel | undefined {
  const first = ic.endpoint?.path.split('/').filter(Boolean)[0];
  return first === 'contacts' ? 'contact' : first === 'companies' ? 'company' : undefined;
}

interface Verdict { severity: Severity; message: string; suggestion?: string }

function verdict(live: LiveContext, model: DataModel, name: string, where: 'body' | 'mapping' | 'search'): Verdict | undefined {
  const attributes = live.snapshot.dataAttributes?.[model];
  if (!attributes) return undefined;
  const custom = attributes.filter(a => a.custom);
  const found = custom.find(a => a.name === name);
  if (found && !found.archived) return undefined;
  const active = custom.filter(a => !a.archived).map(a => a.name);
  const suggestion = active.find(n => n.toLowerCase() === name.toLowerCase()) ?? closestName(name, active);
  const models = model === 'contact' ? 'contacts' : 'companies';
  const effect = where === 'body' ? { severity: 'error' as const, text: `Intercom only stores custom attributes that already exist, so it refuses this ${model}` }
    : where === 'mapping' ? { severity: 'warning' as const, text: 'the mapped column stays empty for every record' }
    : { severity: 'warning' as const, text: 'the filter matches nothing' };
  return {
    severity: effect.severity, suggestion,
    message: `${found ? 'Archived' : 'Unknown'} custom attribute custom_attributes.${name}: it is ${found ? 'an archived' : 'not a'} custom data attribute of ${models} ${inWorkspace(live)}: ${effect.text}. ${active.length ? `Its ${model} custom attributes: ${active.slice(0, 12).join(', ')}${active.length > 12 ? ' …' : ''}.` : `It has no ${model} custom attributes.`}${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  };
}

function checkBody(live: LiveContext, body: ParsedBody, model: DataModel): void {
  const attrs = bodyProperty(body.root, 'custom_attributes')?.value;
  for (const { key } of bodyProperties(attrs)) {
    const name = rawString(body, key);
    if (name.includes('${')) continue;
    const v = verdict(live, model, name, 'body');
    if (!v) continue;
    const fixes: Fix[] = v.suggestion ? [{ title: `Rename to "${v.suggestion}"`, edits: [editIn(live.doc, body.node, key.offset + 1, key.length - 2, v.suggestion)], isPreferred: true }] : [];
    reportIn(live, body, key, 'intercom-live-custom-attribute', v.severity, v.message, fixes);
  }
}

function checkSearch(live: LiveContext, body: ParsedBody): void {
  for (const f of searchFilters(body)) {
    const m = /^custom_attributes\.([^.]+)$/.exec(f.field);
    if (!m) continue;
    const v = verdict(live, 'contact', m[1], 'search');
    if (!v) continue;
    const start = f.fieldNode.offset + 1 + 'custom_attributes.'.length;
    live.report({
      ...spanIn(live.doc, body.node, start, m[1].length), severity: v.severity, code: 'intercom-live-custom-attribute', message: v.message,
      fixes: v.suggestion ? [{ title: `Change to "${v.suggestion}"`, edits: [editIn(live.doc, body.node, start, m[1].length, v.suggestion)], isPreferred: true }] : [],
    });
  }
}

const CUSTOM_REF = /custom_attributes\??\.([A-Za-z_][\w-]*)/g;

function checkMapping(live: LiveContext, node: StringASTNode, model: DataModel): void {
  const sep = node.value.indexOf('~#~');
  const source = sep >= 0 ? node.value.slice(0, sep) : node.value;
  for (const m of source.matchAll(CUSTOM_REF)) {
    const v = verdict(live, model, m[1], 'mapping');
    if (!v) continue;
    const start = m.index! + m[0].length - m[1].length;
    live.report({
      ...spanIn(live.doc, node, start, m[1].length), severity: v.severity, code: 'intercom-live-custom-attribute', message: v.message,
      fixes: v.suggestion ? [{ title: `Change to "${v.suggestion}"`, edits: [editIn(live.doc, node, start, m[1].length, v.suggestion)], isPreferred: true }] : [],
    });
  }
}

export function checkCustomAttributes(live: LiveContext, ic: IntercomCall, body: ParsedBody | undefined): void {
  if (body && body.root.type === 'object' && ic.endpoint) {
    const model = BODY_ENDPOINTS[ic.endpoint.key];
    if (model) checkBody(live, body, model);
    if (ic.endpoint.key === 'POST /contacts/search') checkSearch(live, body);
  }
  const model = modelOf(ic);
  if (!model || !IMPORT_ROLES.has(ic.call.role)) return;
  const map = getValue(ic.call.node, 'colsToPropsMap');
  if (!isObject(map)) return;
  for (const p of map.properties) if (isString(p.valueNode)) checkMapping(live, p.valueNode, model);
}
