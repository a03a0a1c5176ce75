#!/usr/bin/env node
// Builds server/src/core/intercom/catalog.generated.json: a compact, deduplicated catalog of the
// Intercom REST API (paths, methods, query parameters, request-body fields, response fields, list
// fields, pagination style) for every stable version found under ../shared/intercom-openapi.
//
//   node scripts/gen-intercom-catalog.mjs            regenerate and write the JSON
//   node scripts/gen-intercom-catalog.mjs --check    regenerate in memory; exit 1 if the file differs
//
// The source directory can be overridden with INTERCOM_OPENAPI_DIR. When it is absent the script
// says so and exits 0 without touching the committed JSON, so clones without ../shared still build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = path.join(ROOT, 'server/src/core/intercom/catalog.generated.json');
const SPEC_DIR = process.env.INTERCOM_OPENAPI_DIR
  ? path.resolve(process.env.INTERCOM_OPENAPI_DIR)
  : path.resolve(ROOT, '../shared/intercom-openapi');
const SPEC_FILE = 'api.intercom.io.yaml';
const PREVIEW = 'Preview';
/**
 * Object levels kept below a response root (5: a list item still gets 4). Shapes only reachable
 * deeper are left out, and readers then see a plain "object".
 */
const RESPONSE_DEPTH = 5;
/** Object levels kept below a request-body root. */
const BODY_DEPTH = 3;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// ---------------------------------------------------------------------------------------------
// Version helpers

function compareVersions(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function findVersions() {
  if (!fs.existsSync(SPEC_DIR)) return [];
  return fs
    .readdirSync(SPEC_DIR)
    .filter((d) => /^\d+\.\d+$/.test(d) && fs.existsSync(path.join(SPEC_DIR, d, SPEC_FILE)))
    .sort(compareVersions);
}

/** ["2.7","2.8","2.9"] within all → "2.7-2.9"; gaps become comma-separated ranges. */
function versionRanges(subset, all) {
  const idx = subset.map((v) => all.indexOf(v)).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    out.push(i === j ? all[idx[i]] : `${all[idx[i]]}-${all[idx[j]]}`);
    i = j + 1;
  }
  return out.join(',');
}

// ---------------------------------------------------------------------------------------------
// Overrides: where the published description disagrees with what the API really sends
// (shared/reference/intercom-api.md §10), the parsed description is patched before extraction.
// Each entry returns true when it changed something; entries that never apply are reported.

const schemasOf = (doc) => doc.components?.schemas ?? {};

const OVERRIDES = [
  {
    // ticket_type.ticket_type_attributes: the schema calls the array `ticket_type_attributes`, but
    // every recorded example and the live API put the attributes under `data` (intercom-php#396).
    id: 'ticket-type-attributes-under-data',
    apply(doc) {
      const props = schemasOf(doc).ticket_type_attribute_list?.properties;
      if (!props?.ticket_type_attributes || props.data) return false;
      props.data = props.ticket_type_attributes;
      delete props.ticket_type_attributes;
      return true;
    },
  },
  {
    // GET /ticket_types in 2.9–2.11: the schema lists `ticket_types`, but the examples (and the
    // 2.12+ schema) carry the types under `data`.
    id: 'ticket-types-list-under-data',
    apply(doc) {
      const props = schemasOf(doc).ticket_type_list?.properties;
      if (!props?.ticket_types || props.data) return false;
      props.data = props.ticket_types;
      delete props.ticket_types;
      return true;
    },
  },
  {
    // ticket_type.is_internal appears in every recorded example but is missing from the schema.
    id: 'ticket-type-is-internal',
    apply(doc) {
      const props = schemasOf(doc).ticket_type?.properties;
      if (!props || props.is_internal) return false;
      props.is_internal = { type: 'boolean' };
      return true;
    },
  },
  {
    // GET /conversations in 2.7–2.10 and 2.12 points at a generic paginated_response (news items
    // under `data`); the examples return `conversations`, which is what conversation_list describes.
    id: 'conversations-list-response',
    apply(doc) {
      const content = doc.paths?.['/conversations']?.get?.responses?.['200']?.content?.['application/json'];
      if (content?.schema?.$ref !== '#/components/schemas/paginated_response') return false;
      if (!schemasOf(doc).conversation_list) return false;
      content.schema = { $ref: '#/components/schemas/conversation_list' };
      return true;
    },
  },
  {
    // GET /contacts/{id}/companies: the schema says `companies`, the recorded example shows `data`.
    // Which one the API sends is unclear, so both are recorded (list field `data`, alternative `companies`).
    id: 'contact-companies-data-alias',
    apply(doc) {
      const props = schemasOf(doc).contact_attached_companies?.properties;
      if (!props?.companies || props.data) return false;
      props.data = props.companies;
      return true;
    },
  },
  {
    // admin.away_status_reason_id is typed integer, but the examples carry the string "12345".
    id: 'admin-away-status-reason-id-string',
    apply(doc) {
      const props = schemasOf(doc).admin?.properties;
      const prop = props?.away_status_reason_id;
      if (!prop || prop.type !== 'integer') return false;
      props.away_status_reason_id = { nullable: prop.nullable, anyOf: [{ type: 'integer' }, { type: 'string' }] };
      return true;
    },
  },
  {
    // POST /tickets: ticket_type_id is typed string, but the examples send a number (88); both work.
    id: 'create-ticket-type-id-number',
    apply(doc) {
      const props = schemasOf(doc).create_ticket_request?.properties;
      const prop = props?.ticket_type_id;
      if (!prop || prop.type !== 'string') return false;
      props.ticket_type_id = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
      return true;
    },
  },
  {
    // GET /contacts takes per_page and starting_after (cursor paging, docs and Fern config), though
    // most descriptions declare no query parameters for it. Its page size is 10 by default and at
    // most 150 (the docs' cursor-pagination page; PR #639 corrected the description's "50" after
    // our snapshot), whatever per_page text a version carries.
    id: 'contacts-list-cursor-params',
    apply(doc) {
      const op = doc.paths?.['/contacts']?.get;
      if (!op) return false;
      const names = new Set((op.parameters ?? []).map((p) => p.name));
      const missing = ['per_page', 'starting_after'].filter((n) => !names.has(n));
      for (const name of missing) {
        op.parameters = [...(op.parameters ?? []), { name, in: 'query', schema: { type: name === 'per_page' ? 'integer' : 'string' } }];
      }
      const perPage = op.parameters.find((p) => p.name === 'per_page');
      perPage.schema = { ...(perPage.schema ?? {}), type: 'integer', default: 10, maximum: 150 };
      return true;
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Schema normalisation. A normalised type ("Norm") is a union of
//   prims    Set<string>   primitive types: string, integer, number, boolean, any
//   refs     Set<string>   named component schemas, kept by name and not expanded
//   obj      an inline object {props: Map<string, Norm>, required: Set<string>, ext: Set<string>},
//            where ext names component schemas whose fields it also has (allOf); or null
//   arr      Norm | null   array items
//   nullable boolean       the schema itself is declared nullable
//   values   Set<string> | undefined   the allowed strings when the type is a string enum
// An inline object also carries `groups`: requirement alternatives from anyOf/oneOf, written
// "any:email|external_id|role" (at least one alternative) or "one:id|email" (exactly one); an
// alternative that needs several fields joins them with "+".

function emptyNorm() {
  return { prims: new Set(), refs: new Set(), obj: null, arr: null, nullable: false, values: undefined };
}

function newObj() {
  return { props: new Map(), required: new Set(), ext: new Set(), groups: new Set() };
}

/** The enum of a union: kept only while every alternative that adds a primitive is a string enum. */
function mergedValues(target, src) {
  if (src.prims.size === 0) return target.values;
  if (target.prims.size === 0 && target.refs.size === 0 && !target.obj && !target.arr) return src.values && new Set(src.values);
  if (!target.values || !src.values) return undefined;
  return new Set([...target.values, ...src.values]);
}

/** Adds the alternatives of src to target; object properties are merged by name. */
function unionInto(target, src) {
  target.values = mergedValues(target, src);
  for (const p of src.prims) target.prims.add(p);
  for (const r of src.refs) target.refs.add(r);
  if (src.nullable) target.nullable = true;
  if (src.obj) {
    target.obj ??= newObj();
    for (const r of src.obj.required) target.obj.required.add(r);
    for (const x of src.obj.ext) target.obj.ext.add(x);
    for (const g of src.obj.groups ?? []) target.obj.groups.add(g);
    for (const [k, v] of src.obj.props) {
      const cur = target.obj.props.get(k);
      if (cur) unionInto(cur, v);
      else target.obj.props.set(k, unionInto(emptyNorm(), v));
    }
  }
  if (src.arr) unionInto((target.arr ??= emptyNorm()), src.arr);
  return target;
}

const objectParts = (n) => n.refs.size + (n.obj ? 1 : 0);
const hasFields = (obj) => obj.props.size > 0 || obj.ext.size > 0;

function refName(ref) {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref ${ref}`);
  return m[1];
}

function schemaOf(ctx, name) {
  const s = ctx.schemas[name];
  // A few descriptions reference schemas they never define; those become "any".
  if (!s) ctx.dangling.add(name);
  return s;
}

/**
 * Replaces root-level refs by the referenced schema's content (fields stay lazy). With full=true the
 * allOf bases (obj.ext) are folded in too, so obj.props lists every field.
 */
function expand(ctx, n, full = false, stack = []) {
  if (n.refs.size === 0 && !(full && n.obj?.ext.size)) return n;
  const out = unionInto(emptyNorm(), { ...n, refs: new Set() });
  const names = [...n.refs];
  if (full && out.obj) {
    names.push(...out.obj.ext);
    out.obj.ext = new Set();
  }
  for (const name of names.sort()) {
    if (stack.includes(name)) {
      out.obj ??= newObj();
      continue;
    }
    const target = schemaOf(ctx, name);
    if (!target) {
      out.prims.add('any');
      continue;
    }
    // Nullability is recorded only where a property itself says so, not inherited from its target.
    unionInto(out, { ...expand(ctx, normalize(ctx, target), full, [...stack, name]), nullable: false });
  }
  return out;
}

/** allOf with several object parts: one object that extends the named parts and adds the inline ones. */
function combineAll(parts) {
  const out = emptyNorm();
  for (const p of parts) {
    unionInto(out, { ...p, refs: new Set() });
    if (p.refs.size) for (const r of p.refs) (out.obj ??= newObj()).ext.add(r);
  }
  return out;
}

/** oneOf/anyOf with several object alternatives: one object with the fields of all of them. */
function combineAny(ctx, alts) {
  const expanded = alts.map((p) => expand(ctx, p, true));
  const out = emptyNorm();
  for (const p of expanded) unionInto(out, p);
  if (out.obj) {
    // Conservative: a field is required only if every object alternative requires it.
    const objs = expanded.filter((p) => p.obj);
    out.obj.required = new Set([...out.obj.required].filter((r) => objs.every((p) => p.obj.required.has(r))));
    // Likewise a requirement group holds for the union only if every object alternative has it
    // (a contact reply's "intercom_user_id, user_id or email" does not bind an admin reply).
    out.obj.groups = new Set([...out.obj.groups].filter((g) => objs.every((p) => p.obj.groups.has(g))));
  }
  return out;
}

/** The requirement alternatives of a oneOf/anyOf whose every alternative requires fields. */
function requirementGroup(ctx, key, alternatives) {
  if (alternatives.length < 2) return undefined;
  const lists = alternatives.map((alt) => {
    const target = alt?.$ref ? schemaOf(ctx, refName(alt.$ref)) : alt;
    return Array.isArray(target?.required) ? [...target.required].sort() : [];
  });
  if (lists.some((l) => l.length === 0)) return undefined;
  return `${key === 'oneOf' ? 'one' : 'any'}:${lists.map((l) => l.join('+')).join('|')}`;
}

function normalize(ctx, schema) {
  const out = emptyNorm();
  if (!schema || typeof schema !== 'object') {
    out.prims.add('any');
    return out;
  }
  if (schema.$ref) {
    const name = refName(schema.$ref);
    if (schemaOf(ctx, name)) out.refs.add(name);
    else out.prims.add('any');
    return out;
  }
  if (schema.nullable) out.nullable = true;
  let composite = false;
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    if (!Array.isArray(schema[key])) continue;
    composite = true;
    const parts = schema[key].map((p) => normalize(ctx, p));
    if (parts.reduce((sum, p) => sum + objectParts(p), 0) > 1) {
      unionInto(out, key === 'allOf' ? combineAll(parts) : combineAny(ctx, parts));
    } else for (const p of parts) unionInto(out, p);
    const group = key === 'allOf' ? undefined : requirementGroup(ctx, key, schema[key]);
    if (group) {
      out.prims.delete('any'); // required-only alternatives ({required: [email]}) add no type of their own
      (out.obj ??= newObj()).groups.add(group);
    }
  }
  const type = schema.type;
  if (type === 'object' || schema.properties || schema.additionalProperties) {
    out.obj ??= newObj();
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const n = normalize(ctx, prop);
      const cur = out.obj.props.get(name);
      if (cur) unionInto(cur, n);
      else out.obj.props.set(name, n);
    }
    for (const r of schema.required ?? []) out.obj.required.add(r);
  } else if (type === 'array') {
    unionInto((out.arr ??= emptyNorm()), normalize(ctx, schema.items));
  } else if (typeof type === 'string') {
    out.prims.add(type);
    if (type === 'string' && Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) out.values = new Set(schema.enum);
  } else if (!composite) {
    out.prims.add(schema.enum ? 'string' : 'any');
    if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) out.values = new Set(schema.enum);
  }
  // e.g. allOf:[ref] next to own properties: one object extending the ref.
  return objectParts(out) > 1 ? combineAll([out]) : out;
}

// ---------------------------------------------------------------------------------------------
// Emission. Every object with fields becomes a named shape: component schemas keep their name,
// inline objects are named after their place ("admin.role", "admin_list.admins[]",
// "GET /contacts/{} response"). A field's type string follows this grammar:
//   string | integer | number | boolean | object | any | @<shape> | array<T>, alternatives joined
//   by "|", and a trailing "?" when the property is declared nullable.

const REF_RE = /@([^|<>?=]+)/g;

class VersionEmitter {
  constructor(ctx) {
    this.ctx = ctx;
    this.contents = new Map(); // shape name → {f, r?, x?}
    this.namedCache = new Map();
    this.inlining = new Set();
  }

  named(name) {
    if (!this.namedCache.has(name)) {
      const seed = emptyNorm();
      seed.refs.add(name);
      this.namedCache.set(name, expand(this.ctx, seed));
    }
    return this.namedCache.get(name);
  }

  typeOf(n, owner) {
    const parts = new Set(n.prims);
    for (const ref of [...n.refs].sort()) {
      const t = this.named(ref);
      if (t.obj && hasFields(t.obj) && !t.arr && t.prims.size === 0) {
        this.define(ref, t.obj);
        parts.add(`@${ref}`);
      } else if (this.inlining.has(ref)) {
        parts.add('any');
      } else {
        // Aliases of primitives, arrays or free-form objects are written inline.
        this.inlining.add(ref);
        parts.add(this.typeOf({ ...t, nullable: false }, ref));
        this.inlining.delete(ref);
      }
    }
    if (n.obj) {
      if (!hasFields(n.obj)) parts.add('object');
      else {
        this.define(owner, n.obj);
        parts.add(`@${owner}`);
      }
    }
    if (n.arr) parts.add(`array<${this.typeOf({ ...n.arr, nullable: false }, `${owner}[]`)}>`);
    if (parts.size > 1) parts.delete('any');
    if (parts.size === 0) parts.add('any');
    return [...parts].sort().join('|') + (n.nullable ? '?' : '');
  }

  define(name, obj) {
    if (this.contents.has(name)) return;
    this.contents.set(name, null); // placeholder while the fields are written (recursion guard)
    const shape = { f: {} };
    for (const k of [...obj.props.keys()].sort()) shape.f[k] = this.typeOf(obj.props.get(k), `${name}.${k}`);
    const enums = [...obj.props].filter(([, n]) => n.values?.size && [...n.prims].every((p) => p === 'string'));
    if (enums.length) shape.e = Object.fromEntries(enums.map(([k, n]) => [k, [...n.values].sort().join(',')]));
    if (obj.groups.size) shape.o = [...obj.groups].sort();
    const ext = [...obj.ext].filter((x) => {
      const t = this.named(x);
      if (!t.obj || !hasFields(t.obj)) return false;
      this.define(x, t.obj);
      return true;
    });
    if (ext.length) shape.x = ext.sort();
    // Required names may come from a base shape, so they are only filtered when there is none.
    const r = [...obj.required].filter((x) => ext.length || x in shape.f).sort();
    if (r.length) shape.r = r;
    this.contents.set(name, shape);
  }
}

/** Shapes reachable from the roots within their depth budgets (bases share their child's depth). */
function reachable(contents, roots) {
  const best = new Map();
  const queue = [...roots];
  while (queue.length) {
    const [name, depth] = queue.shift();
    if ((best.get(name) ?? 0) >= depth) continue;
    best.set(name, depth);
    const c = contents.get(name);
    if (!c) continue;
    for (const x of c.x ?? []) queue.push([x, depth]);
    if (depth <= 1) continue;
    for (const t of Object.values(c.f)) for (const m of t.matchAll(REF_RE)) queue.push([m[1], depth - 1]);
  }
  return new Set([...best.keys()].filter((n) => contents.get(n)));
}

// ---------------------------------------------------------------------------------------------
// Operation extraction

function propsOf(ctx, n) {
  return n ? expand(ctx, n, true).obj?.props : undefined;
}

/** The top-level array of objects that holds the items of a list response, plus any other such arrays. */
function detectListField(ctx, root) {
  const props = propsOf(ctx, root);
  if (!props) return undefined;
  const arrays = [...props]
    .filter(([, v]) => v.arr && (objectParts(v.arr) > 0 || v.arr.prims.has('any')))
    .map(([k]) => k)
    .sort();
  if (arrays.length === 0) return undefined;
  const listish =
    [...root.refs].some((r) => /list|paginated|scroll|search|attached/.test(r)) ||
    ['pages', 'total_count', 'scroll_param', 'has_more'].some((k) => props.has(k));
  if (!listish) return undefined;
  const list = arrays.includes('data') ? 'data' : arrays[0];
  return { list, alt: arrays.filter((a) => a !== list) };
}

/**
 * How the next page is requested. A declared `starting_after` query parameter means a cursor in the
 * query; a `pagination` object in a POST body means a cursor in the body. Otherwise a `pages` object
 * is the classic page-number style (`page`/`per_page`, `pages.next` a URL or null): the recorded
 * examples of such endpoints never carry a cursor.
 */
function detectPagination(ctx, method, query, body, root) {
  const props = propsOf(ctx, root);
  if (query.includes('scroll_param') || props?.has('scroll_param')) return 'scroll';
  if (method === 'post' && propsOf(ctx, body)?.has('pagination')) return 'cursor-body';
  if (query.includes('starting_after')) return 'cursor-query';
  if (query.includes('page')) return 'page-number';
  // A free-form `pages` object (GET /segments) says nothing about paging.
  const pages = props?.get('pages');
  if (pages && (pages.prims.has('string') || propsOf(ctx, pages)?.size)) return 'page-number';
  return 'none';
}

function successSchema(op) {
  const codes = Object.keys(op.responses ?? {})
    .filter((c) => /^2\d\d$/.test(c))
    .sort();
  for (const code of codes) {
    const schema = op.responses[code]?.content?.['application/json']?.schema;
    if (schema) return schema;
  }
  return undefined;
}

/** The documented 2xx statuses of an operation, ascending and comma-separated ("200", "202", "201"). */
function successCodes(op) {
  return Object.keys(op.responses ?? {})
    .filter((c) => /^2\d\d$/.test(c))
    .sort()
    .join(',') || 'none';
}

// ---------------------------------------------------------------------------------------------
// Page sizes: the declared per_page parameter (schema default/maximum, else its description:
// "Defaults to 50, maximum 250", "Max value of 50", "(1-30, default 10)"), or, for operations paged
// in the body, the operation's own prose ("The default is `20` results per page and maximum is `150`").

const MAX_TEXT = /\bmax(?:imum)?(?:\s+value)?(?:\s+(?:is|of))?\s*`?(\d+)`?/i;
const DEFAULT_TEXT = /\bdefaults?(?:\s+(?:is|to))?\s*`?(\d+)`?(?:\s+results)?/i;
const RANGE_TEXT = /\((\d+)\s*-\s*(\d+)\b/;

function sizesFromText(text) {
  const out = {};
  const max = MAX_TEXT.exec(text) ?? RANGE_TEXT.exec(text);
  if (max) out.max = Number(max[max.length - 1]);
  const def = DEFAULT_TEXT.exec(text);
  if (def) out.def = Number(def[1]);
  return out;
}

/** "default/max" (either may be empty), or undefined when the operation documents neither. */
function pageSizeFacts(op, queryParams, pg) {
  let facts = {};
  const param = queryParams.find((x) => x.name === 'per_page');
  if (param) {
    facts = sizesFromText(param.description ?? '');
    if (Number.isInteger(param.schema?.maximum)) facts.max = param.schema.maximum;
    if (Number.isInteger(param.schema?.default)) facts.def = param.schema.default;
  }
  if (!param && pg === 'cursor-body') {
    const prose = /results per page[^.]*/i.exec(op.description ?? '');
    const sentence = prose ? (op.description ?? '').slice(Math.max(0, prose.index - 80), prose.index + prose[0].length) : '';
    facts = sizesFromText(sentence);
  }
  if (facts.def === undefined && facts.max === undefined) return undefined;
  return `${facts.def ?? ''}/${facts.max ?? ''}`;
}

// ---------------------------------------------------------------------------------------------
// Search facts, from the prose of the search operations (contacts, conversations, tickets): the
// "Field | Type" table, the "Operator | Valid Types" table, field-specific operator rules and the
// nesting limits. Field types: string, integer, float, boolean, date, joined by "|" when several.
// Operator types: "*" (all) with "-<type>" exclusions and "!<field>" field exclusions, or a list of
// types. `only` lists the operators a field is limited to, `also` operators a field takes beyond its type's.

const SEARCH_TYPES = ['string', 'integer', 'float', 'boolean', 'date'];

function markdownTables(text) {
  const tables = [];
  let current = null;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('|')) { current = null; continue; }
    const cells = t.replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    if (!current) tables.push((current = { head: cells.map((c) => c.toLowerCase()), rows: [] }));
    else current.rows.push(cells);
  }
  return tables;
}

function typesIn(cell) {
  const text = cell.toLowerCase();
  return SEARCH_TYPES.filter((t) => new RegExp(`\\b${t}\\b`).test(text));
}

function operatorTypes(cell) {
  const text = cell.toLowerCase().replace(/<br>/g, ' ').trim();
  if (!text.startsWith('all')) return typesIn(text).join('|');
  const except = /except\s+(.*)$/.exec(text);
  if (!except) return '*';
  const parts = except[1].split(/\s*(?:,|\band\b)\s*/).map((x) => x.replace(/`/g, '').trim()).filter(Boolean);
  return '*' + parts.map((x) => (SEARCH_TYPES.includes(x) ? `-${x}` : `!${x}`)).join('');
}

const codeList = (text) => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).join(',');

function searchFacts(op, bodySchema) {
  const ref = bodySchema?.$ref ?? '';
  if (!/\/(contact_)?search_request$/.test(ref)) return undefined;
  const text = op.description ?? '';
  const tables = markdownTables(text);
  const fieldTable = tables.find((t) => t.head[0] === 'field' && t.head[1] === 'type');
  const opTable = tables.find((t) => t.head[0] === 'operator' && t.head[1] === 'valid types');
  if (!fieldTable || !opTable) return undefined;
  const facts = { f: {}, op: {} };
  for (const [name, type] of fieldTable.rows) {
    const field = name.replace(/`/g, '').trim();
    const types = typesIn(type.split(/<br>/i)[0]); // "String<br>Accepts user or lead"
    if (field && types.length) facts.f[field] = types.join('|');
  }
  for (const [operator, types] of opTable.rows) {
    const o = operator.replace(/`/g, '').trim();
    if (o) facts.op[o] = operatorTypes(types);
  }
  for (const m of text.matchAll(/`([\w.]+)`\s+supports only the\s+((?:`[^`]+`(?:\s*,\s*|\s+and\s+)?)+)\s*operators/g)) {
    (facts.only ??= {})[m[1]] = codeList(m[2]);
  }
  for (const m of text.matchAll(/use the\s+((?:`[^`]+`(?:\s*,\s*|\s+or\s+)?)+)\s*operators to search by\s+`([\w.]+)`/g)) {
    (facts.also ??= {})[m[2]] = codeList(m[1]);
  }
  const nest = /max\s+(\d+)\s+nested filters/i.exec(text);
  const group = /max\s+(\d+)\s+filters for each AND or OR group/i.exec(text);
  facts.lim = `${nest?.[1] ?? ''}/${group?.[1] ?? ''}`;
  return facts;
}

const canonicalKey = (method, p) => `${method.toUpperCase()} ${p.replace(/\{[^}]+\}/g, '{}')}`;

function extractVersion(version, doc) {
  const ctx = { version, schemas: schemasOf(doc), dangling: new Set() };
  const emitter = new VersionEmitter(ctx);
  const ops = new Map(); // canonical key → {path, summary, variant}
  const bodyRoots = [];
  const responseRoots = [];
  const searches = new Map(); // canonical key → search facts (search endpoints only)
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = canonicalKey(method, p);
      if (ops.has(key)) throw new Error(`${version}: two paths share the template ${key}`);
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const queryParams = params.filter((x) => x.in === 'query');
      const query = [...new Set(queryParams.map((x) => x.name))].sort();
      const requiredQuery = [...new Set(queryParams.filter((x) => x.required).map((x) => x.name))].sort();
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body = bodySchema ? normalize(ctx, bodySchema) : undefined;
      const resSchema = successSchema(op);
      const res = resSchema ? normalize(ctx, resSchema) : undefined;
      const variant = {};
      if (query.length) variant.q = query;
      if (requiredQuery.length) variant.rq = requiredQuery;
      if (body) {
        variant.body = emitter.typeOf({ ...body, nullable: false }, `${key} body`);
        for (const m of variant.body.matchAll(REF_RE)) bodyRoots.push([m[1], BODY_DEPTH]);
      }
      if (res) {
        variant.res = emitter.typeOf({ ...res, nullable: false }, `${key} response`);
        for (const m of variant.res.matchAll(REF_RE)) responseRoots.push([m[1], RESPONSE_DEPTH]);
      }
      const list = detectListField(ctx, res);
      if (list) {
        variant.list = list.list;
        if (list.alt.length) variant.listAlt = list.alt;
      }
      const pg = detectPagination(ctx, method, query, body, res);
      if (list || pg !== 'none') variant.pg = pg;
      const ok = successCodes(op);
      if (ok !== '200') variant.ok = ok;
      const pp = pageSizeFacts(op, queryParams, pg);
      if (pp) variant.pp = pp;
      const search = searchFacts(op, bodySchema);
      if (search) searches.set(key, search);
      ops.set(key, { path: p, summary: (op.summary ?? '').trim(), variant });
    }
  }
  // Required-field lists matter for request bodies only; response shapes drop them.
  const inBodies = reachable(emitter.contents, bodyRoots);
  const inResponses = reachable(emitter.contents, responseRoots);
  const shapes = new Map();
  for (const name of [...new Set([...inBodies, ...inResponses])].sort()) {
    // Required fields, requirement groups and enums matter for request bodies only.
    const { r, o, e, ...rest } = emitter.contents.get(name);
    shapes.set(name, inBodies.has(name) ? { ...rest, ...(r ? { r } : {}), ...(o ? { o } : {}), ...(e ? { e } : {}) } : rest);
  }
  return { ops, shapes, searches, dangling: ctx.dangling };
}

// ---------------------------------------------------------------------------------------------
// Catalog assembly

function loadSpec(version) {
  const doc = parse(fs.readFileSync(path.join(SPEC_DIR, version, SPEC_FILE), 'utf8'), { maxAliasCount: -1 });
  if (String(doc.info?.version) !== version) {
    throw new Error(`${version}/${SPEC_FILE} declares info.version ${doc.info?.version}`);
  }
  return doc;
}

/**
 * Merges one record (an endpoint or a shape) across versions into {in, ...}. A value that is the same
 * in every version of the record is stored as is; otherwise it becomes a list of
 * "<versions>=<value>" entries, and versions where it is missing are not listed. Name lists (q, r,
 * x, ...) are qualified per name; objects of strings (a shape's fields) per key.
 */
function mergeVersioned(perVersion, allVersions) {
  const present = perVersion.map(([v]) => v);
  const qualify = (byValue) => {
    const entries = [...byValue].sort((a, b) => compareVersions(a[1][0], b[1][0]));
    if (entries.length === 1 && entries[0][1].length === present.length) return entries[0][0];
    return entries.map(([value, vs]) => `${versionRanges(vs, allVersions)}=${value}`);
  };
  const add = (map, key, value, version) => {
    if (!map.has(key)) map.set(key, new Map());
    const byValue = map.get(key);
    byValue.set(value, [...(byValue.get(value) ?? []), version]);
  };
  const scalars = new Map();
  const lists = new Map();
  const maps = new Map();
  for (const [version, record] of perVersion) {
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        if (!lists.has(key)) lists.set(key, new Map());
        for (const name of value) add(lists.get(key), name, name, version);
      } else if (typeof value === 'object') {
        if (!maps.has(key)) maps.set(key, new Map());
        for (const [k, v] of Object.entries(value)) add(maps.get(key), k, v, version);
      } else add(scalars, key, value, version);
    }
  }
  const out = { in: versionRanges(present, allVersions) };
  for (const [key, byValue] of scalars) out[key] = qualify(byValue);
  for (const [key, byName] of lists) out[key] = [...byName.keys()].sort().flatMap((n) => qualify(byName.get(n)));
  for (const [key, byName] of maps) {
    out[key] = {};
    for (const name of [...byName.keys()].sort()) out[key][name] = qualify(byName.get(name));
  }
  return out;
}

function buildCatalog(versions) {
  const perEndpoint = new Map(); // canonical key → [[version, {path, summary, variant}]]
  const perShape = new Map(); // shape name → [[version, shape]]
  const perSearch = new Map(); // canonical key → [[version, search facts]]
  const versionInfo = {};
  const headerValues = new Set(versions);
  const unused = new Set(OVERRIDES.map((o) => o.id));
  const danglingRefs = new Map(); // schema name → versions that reference it without defining it
  for (const version of versions) {
    const doc = loadSpec(version);
    for (const o of OVERRIDES) if (o.apply(doc, version)) unused.delete(o.id);
    // The intercom_version enum lists the legacy versions too (2.11's also lists Preview, added below).
    for (const v of schemasOf(doc).intercom_version?.enum ?? []) if (/^\d+\.\d+$/.test(String(v))) headerValues.add(String(v));
    const { ops, shapes, searches, dangling } = extractVersion(version, doc);
    for (const [key, facts] of searches) perSearch.set(key, [...(perSearch.get(key) ?? []), [version, facts]]);
    for (const name of dangling) danglingRefs.set(name, [...(danglingRefs.get(name) ?? []), version]);
    versionInfo[version] = { operations: ops.size, paths: Object.keys(doc.paths ?? {}).length };
    for (const [key, op] of ops) perEndpoint.set(key, [...(perEndpoint.get(key) ?? []), [version, op]]);
    for (const [name, shape] of shapes) perShape.set(name, [...(perShape.get(name) ?? []), [version, shape]]);
  }
  for (const id of unused) console.warn(`gen-intercom-catalog: override "${id}" matched nothing`);
  for (const [name, vs] of danglingRefs) {
    console.log(`gen-intercom-catalog: note: ${versionRanges(vs, versions)} reference the undefined schema ${name} (recorded as "any")`);
  }

  const endpoints = {};
  for (const [key, entries] of perEndpoint) {
    // Named after the newest version's path; other parameter spellings are kept as `path`.
    const newest = entries[entries.length - 1][1];
    const summary = [...entries].reverse().find(([, o]) => o.summary)?.[1].summary ?? '';
    const records = entries.map(([v, op]) => [v, { ...op.variant, path: op.path === newest.path ? undefined : op.path }]);
    endpoints[`${key.split(' ')[0]} ${newest.path}`] = { summary, ...mergeVersioned(records, versions) };
  }
  const shapes = {};
  for (const [name, perVersion] of perShape) shapes[name] = mergeVersioned(perVersion, versions);
  const search = {};
  for (const [key, perVersion] of perSearch) {
    const newest = perEndpoint.get(key).at(-1)[1].path;
    search[`${key.split(' ')[0]} ${newest}`] = mergeVersioned(perVersion, versions);
  }
  return {
    $comment:
      "Generated by scripts/gen-intercom-catalog.mjs from Intercom's OpenAPI descriptions " +
      '(github.com/intercom/Intercom-OpenAPI, MIT, Copyright (c) 2022 Intercom, Inc.). Do not edit by hand.',
    format: 1,
    depth: { body: BODY_DEPTH, response: RESPONSE_DEPTH },
    headerValues: [...[...headerValues].sort(compareVersions), PREVIEW],
    preview: PREVIEW,
    versions: versionInfo,
    endpoints,
    search,
    shapes,
  };
}

// ---------------------------------------------------------------------------------------------
// Deterministic output: sorted keys, one endpoint / one shape per line.

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

function render(catalog) {
  const sorted = sortKeys(catalog);
  const lines = ['{'];
  const keys = Object.keys(sorted);
  keys.forEach((k, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    const v = sorted[k];
    if (k === 'endpoints' || k === 'shapes' || k === 'search') {
      const ek = Object.keys(v);
      lines.push(`  ${JSON.stringify(k)}: {`);
      ek.forEach((e, j) => lines.push(`    ${JSON.stringify(e)}: ${JSON.stringify(v[e])}${j < ek.length - 1 ? ',' : ''}`));
      lines.push(`  }${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------

function main() {
  const check = process.argv.includes('--check');
  const versions = findVersions();
  if (versions.length === 0) {
    console.log(
      `gen-intercom-catalog: no OpenAPI descriptions at ${SPEC_DIR} (expected <version>/${SPEC_FILE}); ` +
        `keeping the committed ${path.relative(ROOT, OUT_FILE)} unchanged.`,
    );
    return 0;
  }
  const text = render(buildCatalog(versions));
  const rel = path.relative(ROOT, OUT_FILE);
  if (check) {
    const current = fs.existsSync(OUT_FILE) ? fs.readFileSync(OUT_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(`gen-intercom-catalog: ${rel} is out of date; run node scripts/gen-intercom-catalog.mjs`);
      return 1;
    }
    console.log(`gen-intercom-catalog: ${rel} is up to date (${versions.join(', ')}).`);
    return 0;
  }
  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  fs.writeFileSync(OUT_FILE, text);
  console.log(`gen-intercom-catalog: wrote ${rel} (${Buffer.byteLength(text)} bytes; ${versions.join(', ')}).`);
  return 0;
}

process.exitCode = main();
