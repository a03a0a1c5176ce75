/**
 * Response paths as EIC reads them (`a.b`, `a[0].b`, `~dot#` for a literal dot, the
 * `completeResponseMap.` / `headers.` prefixes of import paths, the `callN.message.` prefix of
 * provisioning paths), and `pickPaths`: what each path of a call picks out of a response.
 */
import { didYouMean } from '../text/didYouMean';

export type PathSegment = string | number;

/** Splits a path into keys and indices. `~dot#` stands for a dot inside a key. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const raw of path.split('.')) {
    if (raw === '') continue;
    const key = raw.replace(/~dot#/g, '.');
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(key);
    if (!m) { segments.push(key); continue; }
    if (m[1] !== '') segments.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(idx[1]));
  }
  return segments;
}

export interface PathLookup {
  found: boolean;
  value?: unknown;
  /** Segments that matched before the lookup failed. */
  matched: PathSegment[];
  /** The segment that failed, when not found. */
  failedAt?: PathSegment;
  /** The closest existing key where the lookup failed. */
  nearest?: string;
  /** Keys available where the lookup failed (at most 20). */
  available?: string[];
  /** The value the lookup stopped at, when it is a string, number or boolean (not an object). */
  scalar?: string | number | boolean;
}

/** Follows a path into a value. An empty path returns the value itself. */
export function lookupPath(root: unknown, path: string | PathSegment[]): PathLookup {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown = root;
  const matched: PathSegment[] = [];
  for (const seg of segments) {
    if (typeof seg === 'number') {
      if (Array.isArray(cur) && seg < cur.length) { cur = cur[seg]; matched.push(seg); continue; }
      return { found: false, matched, failedAt: seg, available: Array.isArray(cur) ? [`[0..${cur.length - 1}]`] : undefined };
    }
    if (cur && typeof cur === 'object' && !Array.isArray(cur)) {
      const obj = cur as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(obj, seg)) { cur = obj[seg]; matched.push(seg); continue; }
      const keys = Object.keys(obj);
      return { found: false, matched, failedAt: seg, nearest: didYouMean(seg, keys), available: keys.slice(0, 20) };
    }
    if (Array.isArray(cur) && cur.length && typeof cur[0] === 'object') {
      return { found: false, matched, failedAt: seg, available: [`(a list: index it first, e.g. ${[...matched, 0].map(String).join('.')}[0])`] };
    }
    if (typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean') return { found: false, matched, failedAt: seg, scalar: cur };
    return { found: false, matched, failedAt: seg };
  }
  return { found: true, value: cur, matched };
}

/** Formats matched segments back into path syntax. */
export function formatPath(segments: PathSegment[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `${out ? '.' : ''}${s.replace(/\./g, '~dot#')}`;
  return out;
}

export interface PickContext {
  /** Response headers (lower-case names), for `headers.` paths. */
  headers?: Record<string, string>;
  /** Parsed bodies of earlier calls by name, for `callN.message.` paths. */
  responses?: Record<string, unknown>;
}

export interface PickedPath {
  role: string;
  path: string;
  found: boolean;
  value?: unknown;
  /** What the path was evaluated against, e.g. "the first item of data". */
  scope: string;
  /** Why it was not found, or something worth knowing about the value. */
  note?: string;
}

/**
 * What each response path of a call picks out of a response: listField, keyField (through the
 * column it names), ticketidPath, ticketStatusPath, acctIdPath/entIdPath and every mapping.
 * Mapping paths are read from the first item of the list that listField selects.
 */
export function pickPaths(json: unknown, responsePaths: { role: string; path: string }[], context: PickContext = {}): PickedPath[] {
  const listPath = responsePaths.find(p => p.role === 'listField')?.path;
  let list: unknown[] | undefined;
  let firstItem: unknown;
  if (listPath !== undefined) {
    const r = resolveBodyPath(json, listPath, context);
    if (r.found && Array.isArray(r.value)) { list = r.value; firstItem = list[0]; }
  }
  const itemScope = listPath !== undefined ? `the first item of ${listPath === '' ? 'the response' : listPath}` : 'the response';
  const itemRoot = listPath !== undefined ? firstItem : json;
  const mapping = new Map<string, string>();
  for (const p of responsePaths) if (/^(responseColsToPropsMap|colsToPropsMap)\./.test(p.role)) mapping.set(p.role.replace(/^[^.]+\./, ''), p.path);

  return responsePaths.map(({ role, path }): PickedPath => {
    if (role === 'listField') {
      const r = resolveBodyPath(json, path, context);
      if (!r.found) return notFound(role, path, 'the response', r);
      const note = Array.isArray(r.value) ? `${r.value.length} item${r.value.length === 1 ? '' : 's'}` : 'this is not a list: listField must select an array';
      return { role, path, found: true, value: r.value, scope: 'the response', note };
    }
    if (role === 'keyField') {
      const source = mapping.get(path);
      if (source === undefined) return { role, path, found: false, scope: itemScope, note: `keyField names the column "${path}", but colsToPropsMap does not fill that column.` };
      const r = lookupMapping(itemRoot, source);
      return { role, path, found: r.found, value: r.value, scope: itemScope, note: `keyField names the column "${path}", filled from ${source}` };
    }
    if (/^(responseColsToPropsMap|colsToPropsMap)\./.test(role)) {
      const r = lookupMapping(role.startsWith('response') ? json : itemRoot, path, context);
      return { role, path, found: r.found, value: r.value, scope: role.startsWith('response') ? 'the response' : itemScope, note: r.note };
    }
    const r = resolveBodyPath(json, path, context);
    if (!r.found && role === 'ticketStatusPath' && typeof r.scalar === 'string') {
      return { role, path, found: false, scope: 'the response', note: `${notFoundNote(r)} Intercom 2.9–2.11 (or no Intercom-Version header with the app on 2.11) sends ticket_state as a string: use "${formatPath(r.matched)}" there, or pin Intercom-Version 2.12+ in both ticket JSONs.` };
    }
    if (!r.found) return notFound(role, path, 'the response', r);
    if (role === 'ticketStatusPath' && r.value !== null && typeof r.value === 'object') {
      return { role, path, found: true, value: r.value, scope: 'the response',
        note: 'ticketStatusPath points at an object: use ticket_state.category for Intercom 2.12+ (an object never equals a ticketStatusValue).' };
    }
    return { role, path, found: true, value: r.value, scope: 'the response' };
  });
}

function notFound(role: string, path: string, scope: string, r: PathLookup): PickedPath {
  return { role, path, found: false, scope, note: notFoundNote(r) };
}

export function notFoundNote(r: PathLookup): string {
  const where = r.matched.length ? `under ${formatPath(r.matched)}` : 'at the top level';
  if (r.scalar !== undefined && r.matched.length) {
    return `"${String(r.failedAt)}" not found: ${formatPath(r.matched)} is the ${typeof r.scalar} ${JSON.stringify(r.scalar).slice(0, 60)} here, not an object.`;
  }
  if (r.nearest) return `"${String(r.failedAt)}" not found ${where}; the nearest existing key is "${r.nearest}".`;
  if (r.available?.length) return `"${String(r.failedAt)}" not found ${where}; keys there: ${r.available.join(', ')}.`;
  return `"${String(r.failedAt)}" not found ${where}.`;
}

/** Resolves a body path with the `completeResponseMap.`, `headers.` and `callN.message.` prefixes. */
export function resolveBodyPath(json: unknown, path: string, context: PickContext = {}): PathLookup {
  const trimmed = path.trim();
  if (trimmed.startsWith('completeResponseMap.') || trimmed === 'completeResponseMap') return lookupPath(json, trimmed.slice('completeResponseMap'.length));
  if (trimmed.startsWith('headers.') && context.headers) {
    const name = trimmed.slice('headers.'.length).toLowerCase();
    const v = context.headers[name];
    return v === undefined ? { found: false, matched: [], failedAt: name, nearest: didYouMean(name, Object.keys(context.headers)) } : { found: true, value: v, matched: [] };
  }
  const m = /^([A-Za-z_][\w]*)\.message(?:\.(.*))?$/.exec(trimmed);
  if (m) {
    const body = context.responses && m[1] in context.responses ? context.responses[m[1]] : json;
    return lookupPath(body, m[2] ?? '');
  }
  return lookupPath(json, trimmed);
}

export interface MappingSpec {
  /** The source path, `#CONST#…` expression or `STORE#ACC#ENT#MAPPINGINFO`. */
  source: string;
  /** char, int, bool, date, epochdate … (trimmed, lower-case). */
  type: string;
  /** Problems with how the value is written (trailing space in the type, `~~#~`, no type). */
  warnings: string[];
}

/** Splits a `<path>~#~<type>` mapping value. */
export function parseMapping(value: string): MappingSpec {
  const warnings: string[] = [];
  const at = value.lastIndexOf('~#~');
  if (at < 0) {
    warnings.push(`"${value}" has no "~#~<type>" suffix; EIC expects e.g. "${value}~#~char".`);
    return { source: value, type: 'char', warnings };
  }
  let source = value.slice(0, at);
  const rawType = value.slice(at + 3);
  const type = rawType.trim().toLowerCase();
  if (rawType !== rawType.trim()) warnings.push(`The type "${rawType}" has surrounding spaces; write "${rawType.trim()}".`);
  if (source.endsWith('~')) { warnings.push(`"${value}" has a doubled "~" before "#~"; write "${source.replace(/~+$/, '')}~#~${type}".`); source = source.replace(/~+$/, ''); }
  return { source, type: type || 'char', warnings };
}

function lookupMapping(item: unknown, mappingValue: string, context: PickContext = {}): { found: boolean; value?: unknown; note?: string } {
  const spec = parseMapping(mappingValue);
  if (spec.source.startsWith('#CONST#')) return { found: true, note: 'computed by an expression for each record (see the import preview)' };
  if (spec.source === 'STORE#ACC#ENT#MAPPINGINFO') return { found: true, note: 'filled with the account\'s entitlement ids from acctEntMappings' };
  const r = resolveBodyPath(item, spec.source, context);
  if (!r.found) return { found: false, note: notFoundNote(r) };
  return { found: true, value: r.value, note: spec.warnings.length ? spec.warnings.join(' ') : undefined };
}
