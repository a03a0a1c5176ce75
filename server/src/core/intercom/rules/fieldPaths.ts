/**
 * Saviynt response paths (`a.b[0].c`, `~dot#` for a literal dot) checked against the
 * catalog's field trees, and field trees flattened into paths for completion. Objects the
 * catalog leaves open (custom_attributes, or deeper than the catalog goes) accept any key.
 */
import type { FieldInfo, FieldTree } from '../catalog';
import { didYouMean, editDistance } from '../../text/didYouMean';
import { detached } from '../../text/detached';

export type PathResolution =
  | { readonly kind: 'found'; readonly field: FieldInfo }
  /** The path runs into an object whose keys the catalog does not list. */
  | { readonly kind: 'open' }
  | {
    readonly kind: 'unknown';
    /** Index and length (in the path string) of the first segment that does not exist. */
    readonly start: number;
    readonly length: number;
    readonly name: string;
    /** The field names available at that level (empty when the parent is not an object). */
    readonly available: readonly string[];
    readonly suggestion?: string;
  };

interface Segment { name: string; start: number; length: number; indexes: number }

function segmentsOf(path: string): Segment[] {
  const out: Segment[] = [];
  let i = path.startsWith('$.') ? 2 : path === '$' ? 1 : 0;
  while (i <= path.length) {
    let j = path.indexOf('.', i);
    if (j < 0) j = path.length;
    const raw = path.slice(i, j);
    const m = /^([^[\]]*)((?:\[[^\]]*\])*)$/.exec(raw);
    const base = m ? m[1] : raw;
    out.push({ name: base.replace(/~dot#/g, '.'), start: i, length: base.length, indexes: m ? (m[2].match(/\[/g)?.length ?? 0) : 0 });
    i = j + 1;
  }
  return out.filter(s => s.name !== '' || s.indexes > 0);
}

const isOpen = (f: FieldInfo) => !f.fields && /(^|\|)(object|any)($|\|)|array<(object|any)/.test(f.type);

/** Resolutions per tree and path: the catalog's trees are shared, and large imports repeat the same paths. */
const resolutions = new WeakMap<FieldTree, Map<string, PathResolution>>();

/** Resolves a path within a field tree. */
export function resolveFieldPath(tree: FieldTree, path: string): PathResolution {
  let byPath = resolutions.get(tree);
  if (!byPath) resolutions.set(tree, (byPath = new Map()));
  let resolution = byPath.get(path);
  if (!resolution) {
    const key = detached(path); // the resolution outlives the document the path came from
    resolution = resolveUncached(tree, key);
    if (byPath.size > 5000) byPath.clear();
    byPath.set(key, resolution);
  }
  return resolution;
}

function resolveUncached(tree: FieldTree, path: string): PathResolution {
  let fields: FieldTree | undefined = tree;
  let current: FieldInfo | undefined;
  for (const seg of segmentsOf(path)) {
    if (seg.name === '') continue; // "[0]" on the list itself
    if (!fields) {
      if (current && isOpen(current)) return { kind: 'open' };
      return { kind: 'unknown', start: seg.start, length: seg.length, name: seg.name, available: [] };
    }
    const field: FieldInfo | undefined = fields[seg.name];
    if (!field) {
      const available = Object.keys(fields);
      return { kind: 'unknown', start: seg.start, length: seg.length, name: seg.name, available, suggestion: closestName(seg.name, available) };
    }
    current = field;
    fields = field.fields;
  }
  return current ? { kind: 'found', field: current } : { kind: 'open' };
}

/** didYouMean, or else the single closest name within two edits (a swapped pair of letters counts two). */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const first = didYouMean(word, candidates);
  if (first || word.length < 4) return first;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) { best = c; bestDistance = d; tie = false; } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= 2 && !tie ? best : undefined;
}

export interface FlatField { readonly path: string; readonly type: string }

/** Every path of a tree down to `depth` levels (objects and arrays of objects are entered). */
export function flattenFields(tree: FieldTree | undefined, depth = 3, prefix = ''): FlatField[] {
  const out: FlatField[] = [];
  if (!tree) return out;
  for (const name of Object.keys(tree).sort()) {
    const f = tree[name];
    const key = name.includes('.') ? name.replace(/\./g, '~dot#') : name;
    const path = prefix ? `${prefix}.${key}` : key;
    out.push({ path, type: f.nullable ? `${f.type} | null` : f.type });
    if (f.fields && depth > 1) {
      const isArray = f.type.startsWith('array<');
      out.push(...flattenFields(f.fields, depth - 1, isArray ? `${path}[0]` : path));
    }
  }
  return out;
}

/** "string", "array<object>" … with null when nullable, for messages and completion details. */
export function typeLabel(f: FieldInfo): string {
  return f.nullable ? `${f.type} or null` : f.type;
}
