/**
 * Request bodies (`httpParams` JSON) of Intercom calls, checked against the request schema of the
 * call's version:
 * - `intercom-body-one-of` (error): none of an anyOf/oneOf's alternatives is met (a contact needs
 *   email, external_id or role); Intercom answers 400;
 * - `intercom-body-unknown-field` (warning): a property the schema does not have; did-you-mean fix;
 * - `intercom-body-field-version` (warning): a property that exists only in other versions
 *   (`assignment` on POST /tickets before 2.14, `state` on PUT /tickets after 2.11);
 * - `intercom-body-type` (warning): a literal clearly of the wrong type (text for a boolean, a word
 *   for a number, an object for text …), or a string outside an enum.
 * A `${…}` value's type is unknown (EIC substitutes it), so bound values and keys are never judged.
 * Free-form objects (custom_attributes, ticket_attributes) take any key. Search queries and sort
 * are left to the search rule, ticket contacts to the ticket rule, top-level required fields to
 * intercom-body-required.
 */
import { getValue } from '../../json/ast';
import type { Fix } from '../../types';
import { bodyFields, bodyRequirements, compareVersions, versionsWithBodyPath, type FieldInfo, type FieldTree, type IntercomEndpoint, type RequirementGroup } from '../catalog';
import { searchFactsOf } from '../searchFacts';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { closestName } from './fieldPaths';
import { IntercomCall, intercomCalls, isPinned } from './model';
import { JsonNode, ParsedBody, bodyProperties, isBindingValue, parsedBody, rawString, rawText, stringContent } from './support';
import { setHeaderEdits } from './support';

const TICKET_CREATE = new Set(['POST /tickets', 'POST /tickets/enqueue']);

interface BodyContext {
  readonly ctx: RuleContext;
  readonly ic: IntercomCall;
  readonly body: ParsedBody;
  readonly endpoint: IntercomEndpoint;
  readonly version: string;
  /** Top-level properties another rule owns (search query and sort). */
  readonly skipTop: ReadonlySet<string>;
}

const label = (b: BodyContext) => `${b.endpoint.method} ${b.endpoint.path}`;
const bound = (b: BodyContext, n: JsonNode) => isBindingValue(b.body, n) || rawText(b.body, n).includes('${');


function report(b: BodyContext, n: JsonNode, code: string, severity: 'error' | 'warning', message: string, fixes: Fix[] = []): void {
  const at = stringContent(n);
  b.ctx.report({ ...spanIn(b.ctx.doc, b.body.node, at.offset, at.length), severity, code, message, fixes });
}

const names = (list: readonly string[]) => list.length === 1 ? `"${list[0]}"`
  : `${list.slice(0, -1).map(n => `"${n}"`).join(', ')} or "${list[list.length - 1]}"`;

function checkRequirements(b: BodyContext, obj: JsonNode, groups: readonly RequirementGroup[] | undefined, where: string): void {
  if (!groups?.length) return;
  const present = new Set(bodyProperties(obj).map(p => String(p.key.value)));
  for (const group of groups) {
    if (group.alternatives.some(alt => alt.every(f => present.has(f)))) continue;
    const options = group.alternatives.map(alt => alt.join(' + '));
    report(b, obj, 'intercom-body-one-of', 'error',
      `Missing required field: ${where} needs ${options.length > 1 ? 'at least one of ' : ''}${names(options)} (${label(b)}, Intercom-Version ${b.version}); without ${options.length > 1 ? 'any of them' : 'it'} Intercom answers 400.`);
  }
}

/** The JSON type of a literal node: string, integer, number, boolean, object, array, null. */
function jsonType(n: JsonNode): string {
  if (n.type === 'number') return Number.isInteger(n.value) ? 'integer' : 'number';
  return n.type;
}

/**
 * Only clear mismatches count: Intercom reads a number where text is documented and digits where
 * a number is (ids are typed either way across versions), and "true"/"false" as booleans.
 */
function typeFits(info: FieldInfo, actual: string, text: string): boolean {
  const types = info.type.split('|').map(t => t.replace(/<.*$/, ''));
  if (types.includes('any') || actual === 'null') return true;
  if ((actual === 'integer' || actual === 'number') && (types.includes('number') || types.includes('string'))) return true;
  if (actual === 'string' && (types.includes('integer') || types.includes('number')) && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return true;
  if (actual === 'string' && types.includes('boolean') && /^(true|false)$/.test(text)) return true;
  return types.includes(actual);
}

function checkValue(b: BodyContext, value: JsonNode, info: FieldInfo, path: string): void {
  if (bound(b, value)) return;
  const actual = jsonType(value);
  if (!typeFits(info, actual, value.type === 'string' ? rawString(b.body, value) : '')) {
    report(b, value, 'intercom-body-type', 'warning',
      `Wrong value type: ${path} is ${info.type.replace(/\|/g, ' or ')} in ${label(b)} (Intercom-Version ${b.version}), not ${actual === 'integer' || actual === 'number' ? 'a number' : `a${actual === 'object' || actual === 'array' ? 'n' : ''} ${actual}`}; Intercom refuses or misreads the value. Write ${info.type.includes('boolean') ? 'true or false' : `a${info.type.startsWith('integer') ? 'n integer' : ` ${info.type.split('|')[0]}`}`}.`);
    return;
  }
  if (value.type === 'string' && info.values && !info.values.includes(rawString(b.body, value))) {
    const written = rawString(b.body, value);
    const guess = closestName(written, info.values);
    report(b, value, 'intercom-body-type', 'warning',
      `Invalid value "${written}": it is not a value of ${path} in ${label(b)} (Intercom-Version ${b.version}): it takes ${info.values.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      guess ? [{ title: `Change to "${guess}"`, edits: [editIn(b.ctx.doc, b.body.node, stringContent(value).offset, stringContent(value).length, guess)], isPreferred: true }] : []);
    return;
  }
  if (info.fields && value.type === 'object') checkObject(b, value, info.fields, path, info.requirements);
  if (info.fields && value.type === 'array') {
    for (const item of value.children ?? []) {
      if (item.type !== 'object' || bound(b, item)) continue;
      const skipGroups = TICKET_CREATE.has(b.endpoint.key) && path === 'contacts'; // intercom-ticket-contacts
      checkObject(b, item, info.fields, `each item of ${path}`, skipGroups ? undefined : info.requirements, `${path}[]`);
    }
  }
}

function unknownProperty(b: BodyContext, key: JsonNode, name: string, fields: FieldTree, schemaPath: string, where: string): void {
  const versions = versionsWithBodyPath(b.endpoint, schemaPath ? `${schemaPath}.${name}` : name);
  if (versions.length) {
    const later = versions.filter(v => compareVersions(v, b.version) > 0);
    const range = later.length === versions.length ? `from Intercom-Version ${versions[0]}` : later.length === 0 ? `up to Intercom-Version ${versions[versions.length - 1]}` : `in Intercom-Version ${versions.join(', ')}`;
    const fixes: Fix[] = [];
    const target = later[0];
    const edits = target && isPinned(b.ic.version) ? setHeaderEdits(b.ctx.doc, b.ic, 'Intercom-Version', target) : undefined;
    if (edits) fixes.push({ title: `Change Intercom-Version to "${target}"`, edits });
    report(b, key, 'intercom-body-field-version', 'warning',
      `Field not in this Intercom-Version: "${name}" is part of ${label(b)} only ${range}, not in ${b.version}; Intercom refuses the request or ignores the field, so it has no effect. ${later.length ? `Pin ${target} to send it` : 'Use what this version documents instead'}${later.length ? '' : ` (${Object.keys(fields).join(', ')})`}.`, fixes);
    return;
  }
  const suggestion = closestName(name, Object.keys(fields));
  const at = stringContent(key);
  report(b, key, 'intercom-body-unknown-field', 'warning',
    `Unknown body field "${name}": it is not a field of ${where} in ${label(b)} (Intercom-Version ${b.version}): Intercom refuses the request or ignores the field, so the value is not stored.${suggestion ? ` Did you mean "${suggestion}"?` : ` It takes ${Object.keys(fields).join(', ')}.`}`,
    suggestion ? [{ title: `Rename to "${suggestion}"`, edits: [editIn(b.ctx.doc, b.body.node, at.offset, at.length, suggestion)], isPreferred: true }] : []);
}

function checkObject(b: BodyContext, obj: JsonNode, fields: FieldTree, where: string, groups?: readonly RequirementGroup[], schemaPath = ''): void {
  if (bound(b, obj) && obj.type !== 'object') return;
  const top = schemaPath === '' && where === 'the request body';
  checkRequirements(b, obj, groups, where === 'the request body' ? 'The request body' : where);
  for (const { key, value } of bodyProperties(obj)) {
    const name = rawString(b.body, key);
    if (name.includes('${') || (top && b.skipTop.has(name))) continue;
    const info = fields[name];
    const path = schemaPath ? `${schemaPath}.${name}` : name;
    if (!info) unknownProperty(b, key, name, fields, schemaPath, where);
    else checkValue(b, value, info, path);
  }
}

export const intercomBodySchemaRule: Rule = {
  id: 'intercom-body-schema',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      const endpoint = ic.endpoint;
      if (!version || !endpoint || endpoint.method === 'GET' || ic.call.role === 'auth') continue;
      const fields = bodyFields(endpoint, version);
      if (!fields) continue;
      const body = parsedBody(ctx.doc, getValue(ic.http, 'httpParams'));
      if (!body || body.root.type !== 'object') continue;
      const skipTop = new Set(searchFactsOf(endpoint, version) ? ['query', 'sort'] : []);
      const b: BodyContext = { ctx, ic, body, endpoint, version, skipTop };
      checkObject(b, body.root, fields, 'the request body', bodyRequirements(endpoint, version));
    }
  },
};
