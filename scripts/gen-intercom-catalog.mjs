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
const OVERRIDES = [];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_FILE = path.join(ROOT, 'server/src/core/intercom/catalog.generated.json');
const SPEC_DIR = process.env.INTERCOM_OPENAPI_DIR
  ? path.resolve(process.env.INTERCOM_OPENAPI_DIR)
  : path.resolve(ROOT, '../shared/intercom-openapi');
const SPEC_FILE = 'api.intercom.io.yaml';
const PREVIEW = 'Preview';
/** Object levels listed below a response root; deeper objects are recorded as plain "object". */
const RESPONSE_DEPTH = 5;
/** Object levels listed below a request-body root. */
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
// Schema normalisation. A normalised type ("Norm") is a union of
//   prims    Set<string>   primitive types: string, integer, number, boolean, any
//   refs     Set<string>   named component schemas, kept by name and not expanded
//   obj      {props: Map<string, Norm>, required: Set<string>} | null   an inline object
//   arr      Norm | null   array items
//   nullable boolean       the schema itself is declared nullable

function emptyNorm() {
  return { prims: new Set(), refs: new Set(), obj: null, arr: null, nullable: false };
}

/** Adds the alternatives of src to target; object properties are merged by name. */
function unionInto(target, src) {
  for (const p of src.prims) target.prims.add(p);
  for (const r of src.refs) target.refs.add(r);
  if (src.nullable) target.nullable = true;
  if (src.obj) {
    target.obj ??= { props: new Map(), required: new Set() };
    for (const r of src.obj.required) target.obj.required.add(r);
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

/** Replaces root-level refs by the referenced schema's content (one level: fields stay lazy). */
function expand(ctx, n, stack = []) {
  if (n.refs.size === 0) return n;
  const out = unionInto(emptyNorm(), { ...n, refs: new Set() });
  for (const name of [...n.refs].sort()) {
    if (stack.includes(name)) {
      out.obj ??= { props: new Map(), required: new Set() };
      continue;
    }
    const target = schemaOf(ctx, name);
    if (!target) {
      out.prims.add('any');
      continue;
    }
    // Nullability is only recorded where a property itself says so, not inherited from its target.
    unionInto(out, { ...expand(ctx, normalize(ctx, target), [...stack, name]), nullable: false });
  }
  return out;
}

/** Flattens several object-bearing parts into one inline object. */
function flatten(ctx, parts, mode) {
  const expanded = parts.map((p) => expand(ctx, p));
  const out = emptyNorm();
  for (const p of expanded) unionInto(out, p);
  if (mode === 'any' && out.obj) {
    // Conservative merge of alternatives: a field is required only if every object alternative requires it.
    const objs = expanded.filter((p) => p.obj);
    out.obj.required = new Set([...out.obj.required].filter((r) => objs.every((p) => p.obj.required.has(r))));
  }
  return out;
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
    const merged = emptyNorm();
    for (const p of parts) unionInto(merged, p);
    unionInto(out, objectParts(merged) > 1 ? flatten(ctx, parts, key === 'allOf' ? 'all' : 'any') : merged);
  }
  const type = schema.type;
  if (type === 'object' || schema.properties || schema.additionalProperties) {
    out.obj ??= { props: new Map(), required: new Set() };
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
  } else if (!composite) {
    out.prims.add(schema.enum ? 'string' : 'any');
  }
  // allOf:[ref] plus own properties, and similar: one object made of all parts.
  return objectParts(out) > 1 ? flatten(ctx, [out], 'all') : out;
}

// ---------------------------------------------------------------------------------------------
// Emission. Every object with fields becomes a named shape: component schemas keep their name,
// inline objects are named after their position ("ticket.contacts", "admin_list.admins[]",
// "response:GET /me"). A field's type string follows this grammar:
//   string | integer | number | boolean | object | any | @<shape> | array<T>, unions joined by
//   "|", a trailing "?" when the property is declared nullable.

const REF_RE = /@([^|<>?]+)/g;

class VersionEmitter {
  constructor(ctx) {
    this.ctx = ctx;
    this.contents = new Map(); // shape name → {f, r?}
    this.namedCache = new Map();
    this.inlining = new Set();
  }

  named(name) {
    let n = this.namedCache.get(name);
    if (!n) {
      const seed = emptyNorm();
      seed.refs.add(name);
      n = expand(this.ctx, seed);
      this.namedCache.set(name, n);
    }
    return n;
  }

  typeOf(n, owner) {
    const parts = new Set(n.prims);
    for (const ref of [...n.refs].sort()) {
      const t = this.named(ref);
      if (t.obj && t.obj.props.size > 0 && !t.arr && t.prims.size === 0) {
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
      if (n.obj.props.size === 0) parts.add('object');
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
    const f = {};
    for (const k of [...obj.props.keys()].sort()) f[k] = this.typeOf(obj.props.get(k), `${name}.${k}`);
    const r = [...obj.required].filter((x) => x in f).sort();
    this.contents.set(name, r.length ? { f, r } : { f });
  }
}

/** Keeps the shapes reachable from the endpoint roots within the depth limits. */
function prune(contents, roots) {
  const best = new Map();
  const queue = [...roots];
  while (queue.length) {
    const [name, depth] = queue.shift();
    if ((best.get(name) ?? 0) >= depth) continue;
    best.set(name, depth);
    const c = contents.get(name);
    if (!c || depth <= 1) continue;
    for (const t of Object.values(c.f)) for (const m of t.matchAll(REF_RE)) queue.push([m[1], depth - 1]);
  }
  return [...best.keys()].filter((n) => contents.get(n));
}

// ---------------------------------------------------------------------------------------------
// Operation extraction

function propsOf(ctx, n) {
  return n ? expand(ctx, n).obj?.props : undefined;
}

/** The top-level array of objects that holds the items of a list response, plus any other arrays. */
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

function detectPagination(ctx, method, query, body, root) {
  if (query.includes('scroll_param') || propsOf(ctx, root)?.has('scroll_param')) return 'scroll';
  if (method === 'post' && propsOf(ctx, body)?.has('pagination')) return 'cursor-body';
  if (query.includes('starting_after')) return 'cursor-query';
  if (query.includes('page')) return 'page-number';
  const pages = propsOf(ctx, root)?.get('pages');
  if (!pages) return 'none';
  const next = propsOf(ctx, pages)?.get('next');
  if (next && propsOf(ctx, next)?.has('starting_after')) return method === 'post' ? 'cursor-body' : 'cursor-query';
  return 'page-number';
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

function extractVersion(version, doc) {
  const ctx = { version, schemas: doc.components?.schemas ?? {}, dangling: new Set() };
  const emitter = new VersionEmitter(ctx);
  const ops = new Map();
  const roots = [];
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${p}`;
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
        variant.body = emitter.typeOf({ ...body, nullable: false }, `body:${key}`);
        for (const m of variant.body.matchAll(REF_RE)) roots.push([m[1], BODY_DEPTH]);
      }
      if (res) {
        variant.res = emitter.typeOf({ ...res, nullable: false }, `response:${key}`);
        for (const m of variant.res.matchAll(REF_RE)) roots.push([m[1], RESPONSE_DEPTH]);
      }
      const list = detectListField(ctx, res);
      if (list) {
        variant.list = list.list;
        if (list.alt.length) variant.listAlt = list.alt;
      }
      const pg = detectPagination(ctx, method, query, body, res);
      if (list || pg !== 'none') variant.pg = pg;
      ops.set(key, { summary: (op.summary ?? '').trim(), variant });
    }
  }
  if (ctx.dangling.size) {
    console.warn(`gen-intercom-catalog: ${version} references undefined schemas: ${[...ctx.dangling].sort().join(', ')}`);
  }
  const shapes = new Map(prune(emitter.contents, roots).map((n) => [n, emitter.contents.get(n)]));
  return { ops, shapes };
}

// ---------------------------------------------------------------------------------------------
// Catalog assembly

function loadSpec(version) {
  const doc = parse(fs.readFileSync(path.join(SPEC_DIR, version, SPEC_FILE), 'utf8'), {
    maxAliasCount: -1,
  });
  if (String(doc.info?.version) !== version) {
    throw new Error(`${version}/${SPEC_FILE} declares info.version ${doc.info?.version}`);
  }
  return doc;
}

/** Groups per-version values by content: Map(key → {value, versions[]}). */
function addVariant(map, value, version) {
  const k = stableStringify(value);
  const slot = map.get(k) ?? { value, versions: [] };
  slot.versions.push(version);
  map.set(k, slot);
}

function variantsOut(map, versions) {
  return [...map.values()]
    .sort((a, b) => compareVersions(a.versions[0], b.versions[0]))
    .map(({ value, versions: vs }) => ({ in: versionRanges(vs, versions), ...value }));
}

function buildCatalog(versions) {
  const perEndpoint = new Map(); // "GET /x" → {summary, variants: Map}
  const perShape = new Map(); // shape name → Map
  const versionInfo = {};
  const headerValues = new Set(versions);
  const unusedOverrides = new Set(OVERRIDES.map((o) => o.id));
  for (const version of versions) {
    const doc = loadSpec(version);
    for (const o of OVERRIDES) if (o.spec?.(doc, version)) unusedOverrides.delete(o.id);
    for (const v of doc.components?.schemas?.intercom_version?.enum ?? []) headerValues.add(String(v));
    const { ops, shapes } = extractVersion(version, doc);
    for (const o of OVERRIDES) if (o.ops?.(ops, version)) unusedOverrides.delete(o.id);
    versionInfo[version] = { operations: ops.size, paths: Object.keys(doc.paths ?? {}).length };
    for (const [key, { summary, variant }] of ops) {
      let entry = perEndpoint.get(key);
      if (!entry) perEndpoint.set(key, (entry = { summary, variants: new Map() }));
      entry.summary = summary || entry.summary; // the newest non-empty summary wins
      addVariant(entry.variants, variant, version);
    }
    for (const [name, content] of shapes) {
      if (!perShape.has(name)) perShape.set(name, new Map());
      addVariant(perShape.get(name), content, version);
    }
  }
  for (const id of unusedOverrides) console.warn(`gen-intercom-catalog: override "${id}" matched nothing`);

  const endpoints = {};
  for (const key of [...perEndpoint.keys()].sort()) {
    const { summary, variants } = perEndpoint.get(key);
    endpoints[key] = { summary, variants: variantsOut(variants, versions) };
  }
  const shapes = {};
  for (const name of [...perShape.keys()].sort()) shapes[name] = variantsOut(perShape.get(name), versions);
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

function stableStringify(value) {
  return JSON.stringify(sortKeys(value));
}

function render(catalog) {
  const sorted = sortKeys(catalog);
  const lines = ['{'];
  const keys = Object.keys(sorted);
  keys.forEach((k, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    const v = sorted[k];
    if (k === 'endpoints' || k === 'shapes') {
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
