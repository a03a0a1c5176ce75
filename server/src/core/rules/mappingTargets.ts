/**
 * What a mapping fills and where a provisioning path reads from (grammar §2.6, §2.7, §7):
 * - `mapping-target`: the key of a mapping is not a column of the table the call fills
 *   (account, entitlement or identity), or STORE#ACC#ENT#MAPPINGINFO goes to the wrong column;
 * - `mapping-missing-column`: a first-stage account/entitlement call does not map its id and name columns;
 * - `mapping-unknown-call`: `<call>.message.…` names a call that the JSON does not have;
 * - `mapping-response-path`: a provisioning path that does not start with `<call>.message.`.
 */
import type { ObjectASTNode, PropertyASTNode, StringASTNode } from '../json/ast';
import { getValue, isObject, isString } from '../json/ast';
import type { Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { ENT_MAPPING_INFO_COLUMN, STORE_MAPPING_SOURCE } from './catalog/mappingCatalog';
import { MappingMap, mappingMaps } from './support/mappingModel';
import { callNames } from './support/callLists';
import { checkColumn, columnExamples, ColumnTable, sameColumn } from './support/columns';
import { editIn, replaceString, spanIn } from './support/stringNodes';

const TABLE_LABEL: Record<ColumnTable, string> = {
  account: 'account', entitlement: 'entitlement', user: 'identity (user)', response: 'account',
};

function checkTargets(ctx: RuleContext, map: MappingMap): void {
  if (map.table === 'unknown') return;
  const table = map.table;
  let present: Set<string> | undefined;
  for (const entry of map.entries) {
    const keyNode = entry.property.keyNode;
    if (entry.parsed.kind === 'store') {
      checkStoreTarget(ctx, map, entry.target, keyNode);
      continue;
    }
    const result = checkColumn(table, entry.target);
    if (result.known) continue;
    present ??= new Set(map.entries.map(e => e.target.toLowerCase()));
    const suggestion = result.suggestion && !present.has(result.suggestion.toLowerCase()) ? result.suggestion : undefined;
    const fixes: Fix[] = suggestion
      ? [{ title: `Rename to "${suggestion}"`, edits: [replaceString(keyNode, suggestion)], isPreferred: true }]
      : [];
    const message = result.reason === 'custom-range'
      ? `Unknown column \`${entry.target}\`: ${TABLE_LABEL[table]} records have customproperty1 to customproperty${result.limit}; EIC has no column \`${entry.target}\` to store this value in.`
      : `Unknown column \`${entry.target}\`: it is not a Saviynt ${TABLE_LABEL[table]} column, so EIC has nowhere to store this value${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} The keys of ${map.mapKey} are target columns (${columnExamples(table)}), the values are response paths.`;
    ctx.report({ offset: keyNode.offset, length: keyNode.length, severity: 'warning', code: 'mapping-target', message, fixes });
  }
}

function checkStoreTarget(ctx: RuleContext, map: MappingMap, target: string, keyNode: StringASTNode): void {
  const where = { offset: keyNode.offset, length: keyNode.length };
  if (map.table === 'response' || map.table === 'user') {
    ctx.report({ ...where, severity: 'error', code: 'mapping-target',
      message: `Mapping stores nothing: ${STORE_MAPPING_SOURCE} only works in ImportAccountEntJSON account calls (stored in a customproperty, usually customproperty31) or entitlement calls (${ENT_MAPPING_INFO_COLUMN}); here it stores nothing.` });
    return;
  }
  if (map.table === 'account' && !/^customproperty\d+$/i.test(target)) {
    ctx.report({ ...where, severity: 'warning', code: 'mapping-target',
      message: `Wrong column for ${STORE_MAPPING_SOURCE}: it keeps the account's entitlement list for acctEntMappings and needs a free customproperty column (customproperty31 by convention, it takes long text), not \`${target}\`.`,
      fixes: [{ title: 'Store it in "customproperty31"', edits: [replaceString(keyNode, 'customproperty31')] }] });
  }
  if (map.table === 'entitlement' && map.path[0] === 'entitlementParams' && !sameColumn(target, ENT_MAPPING_INFO_COLUMN)) {
    ctx.report({ ...where, severity: 'warning', code: 'mapping-target',
      message: `Wrong column for ${STORE_MAPPING_SOURCE}: in an entitlement call it must be mapped to the pseudo-column \`${ENT_MAPPING_INFO_COLUMN}\` (used by acctEntParams processingType entToAcctMapping).`,
      fixes: [{ title: `Rename to "${ENT_MAPPING_INFO_COLUMN}"`, edits: [replaceString(keyNode, ENT_MAPPING_INFO_COLUMN)], isPreferred: true }] });
  }
}

function stageOf(call: ObjectASTNode): number {
  const v = getValue(call, 'stageNumber');
  return v?.type === 'number' ? Number(v.value) : 0;
}

const minStages = new WeakMap<ObjectASTNode, number>();
/** Lowest stageNumber of the calls of one `call` block (cached per block). */
function minStage(calls: ObjectASTNode): number {
  let min = minStages.get(calls);
  if (min === undefined) {
    min = Infinity;
    for (const c of calls.properties) if (isObject(c.valueNode)) min = Math.min(min, stageOf(c.valueNode));
    minStages.set(calls, min);
  }
  return min;
}

/** accountParams.call.<c>.colsToPropsMap or entitlementParams.entTypes.<T>.call.<c>.colsToPropsMap. */
function checkRequiredColumns(ctx: RuleContext, map: MappingMap): void {
  const p = map.path;
  const isAccountCall = p.length === 4 && p[0] === 'accountParams' && p[1] === 'call';
  const isEntitlementCall = p.length === 6 && p[0] === 'entitlementParams' && p[1] === 'entTypes' && p[3] === 'call';
  if (!isAccountCall && !isEntitlementCall) return;
  const callObject = map.node.parent?.parent;
  const callsObject = callObject?.parent?.parent;
  if (!isObject(callObject) || !isObject(callsObject)) return;
  if (stageOf(callObject) > minStage(callsObject)) return; // dependent calls add columns to records an earlier stage created
  const required = isAccountCall ? ['accountID', 'name'] : ['entitlementID', 'entitlement_value'];
  const missing = required.filter(r => !map.entries.some(e => sameColumn(e.target, r)));
  if (!missing.length) return;
  const keyNode = (map.node.parent as PropertyASTNode).keyNode;
  ctx.report({ offset: keyNode.offset, length: keyNode.length, severity: 'warning', code: 'mapping-missing-column',
    message: `Key column not mapped: this ${isAccountCall ? 'account' : 'entitlement'} call maps no ${missing.map(m => `\`${m}\``).join(' and ')}; EIC identifies ${isAccountCall ? 'accounts by accountID and shows them by name' : 'entitlements by entitlementID and shows entitlement_value'}, so records without ${missing.length > 1 ? 'them' : 'it'} are not imported properly. Add ${missing.map(m => `"${m}": "<path>~#~char"`).join(', ')}.` });
}

/** Checks a provisioning path `<call>.message.<path>` held in `node` (whole value, or the source part of a mapping). */
export function checkResponsePath(ctx: RuleContext, node: StringASTNode, sourceLength: number, label: string, names: string[]): void {
  const { doc } = ctx;
  const source = node.value.slice(0, sourceLength);
  if (!names.length || source === '' || source.startsWith('#CONST#') || source.includes('${')) return;
  const prefix = /^response\??\./.exec(source);
  if (prefix) {
    const span = spanIn(doc, node, 0, prefix[0].length);
    ctx.report({ ...span, severity: 'warning', code: 'mapping-response-path',
      message: `Extra \`response.\` prefix in ${label}: paths here start directly with the call name ("${source.slice(prefix[0].length)}"); the \`response.\` prefix is only used inside \${…} expressions.`,
      fixes: [{ title: `Remove "${prefix[0]}"`, edits: [editIn(doc, node, 0, prefix[0].length, '')], isPreferred: true }] });
    return;
  }
  // The call name, then the rest (any characters, line breaks too); a path without a name is left to other checks.
  const m = /^([^.[]+)([\s\S]*)$/.exec(source);
  if (!m) return;
  const first = m[1];
  const rest = m[2];
  const known = names.includes(first) || names.some(n => new RegExp(`^${escapeRegExp(n)}\\d+$`).test(first));
  if (known) {
    if (/^\.message(?:[.[]|$)/.test(rest) || /^\.(statusCode|headers)(?:[.[]|$)/.test(rest)) return;
    const span = spanIn(doc, node, 0, sourceLength);
    ctx.report({ ...span, severity: 'warning', code: 'mapping-response-path',
      message: `Missing \`.message\` in ${label}: the body of call "${first}" is under \`${first}.message\`; write "${first}.message${rest}".`,
      fixes: rest.startsWith('.') || rest.startsWith('[') || rest === ''
        ? [{ title: `Insert ".message"`, edits: [editIn(doc, node, first.length, 0, '.message')], isPreferred: true }]
        : [] });
    return;
  }
  const suggestion = didYouMean(first, names);
  if (suggestion || /^\.message(?:[.[]|$)/.test(rest) || /^call\d*$/i.test(first)) {
    const span = spanIn(doc, node, 0, first.length);
    const fixes: Fix[] = suggestion
      ? [{ title: `Change to "${suggestion}"`, edits: [editIn(doc, node, 0, first.length, suggestion)], isPreferred: true }]
      : names.length === 1 ? [{ title: `Change to "${names[0]}"`, edits: [editIn(doc, node, 0, first.length, names[0])], isPreferred: true }] : [];
    ctx.report({ ...span, severity: 'error', code: 'mapping-unknown-call',
      message: `Unknown call in ${label}: this JSON has no call named "${first}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} Calls: ${names.map(n => `"${n}"`).join(', ')}. Without a matching call EIC reads nothing here.`,
      fixes });
    return;
  }
  const span = spanIn(doc, node, 0, sourceLength);
  ctx.report({ ...span, severity: 'warning', code: 'mapping-response-path',
    message: `Path without a call name in ${label}: provisioning paths start with the call whose response they read, e.g. "${names[0]}.message.${source}"; "${source}" alone reads nothing.`,
    fixes: names.map((n, i) => ({ title: `Read from call "${n}": "${n}.message.${source}"`, edits: [editIn(doc, node, 0, 0, `${n}.message.`)], isPreferred: names.length === 1 && i === 0 })) });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const mappingTargetsRule: Rule = {
  id: 'mapping-targets',
  grammars: ['importUser', 'importAccountEnt', 'provisioning', 'access', 'createTicket'],
  run(ctx) {
    const maps = mappingMaps(ctx.doc);
    for (const map of maps) {
      checkTargets(ctx, map);
      checkRequiredColumns(ctx, map);
    }
    const grammar = ctx.doc.attribute?.grammar;
    if (grammar !== 'provisioning' && grammar !== 'access' && grammar !== 'createTicket') return;
    const names = callNames(ctx.doc);
    for (const map of maps) {
      if (map.mapKey !== 'responseColsToPropsMap' || map.path.length !== 1) continue;
      for (const entry of map.entries) {
        if (entry.parsed.kind !== 'path') continue;
        checkResponsePath(ctx, entry.valueNode, entry.parsed.source.length, `\`${entry.target}\``, names);
      }
    }
    const root = ctx.doc.root;
    const accountIdPath = getValue(root, 'accountIdPath');
    if (isString(accountIdPath) && accountIdPath.value !== 'accountName') {
      checkResponsePath(ctx, accountIdPath, accountIdPath.value.length, '`accountIdPath`', names);
    }
    const ticketidPath = getValue(root, 'ticketidPath');
    if (grammar === 'createTicket' && isString(ticketidPath)) {
      checkResponsePath(ctx, ticketidPath, ticketidPath.value.length, 'The top-level `ticketidPath`', names);
    }
  },
};
