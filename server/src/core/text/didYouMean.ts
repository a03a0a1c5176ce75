/** "Did you mean …?" suggestions by edit distance, case-insensitive first. */
import { detached } from './detached';

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = new Array<number>(n + 1);
  let cur = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    const swap = prev; prev = cur; cur = swap;
  }
  return prev[n];
}

/** Lower-case forms of candidate names: the same catalogs are searched again and again. */
const lowered = new Map<string, string>();
function lowerCase(s: string): string {
  let l = lowered.get(s);
  if (l === undefined) {
    const key = detached(s); // candidates may be cut from a document's text
    l = key.toLowerCase();
    if (lowered.size > 10000) lowered.clear();
    lowered.set(key, l);
  }
  return l;
}

/**
 * Edit distance when it is at most `limit`, otherwise any number above `limit` (the rows stop as
 * soon as every entry exceeds the limit, and words whose lengths differ by more are not compared).
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  const m = a.length, n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  if (!m) return n;
  if (!n) return m;
  if (rowA.length <= n) { rowA = new Int32Array(2 * n + 2); rowB = new Int32Array(2 * n + 2); }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    const swap = prev; prev = cur; cur = swap;
  }
  return prev[n];
}

/** Reused rows of boundedEditDistance (single-threaded, never re-entered). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * The closest candidate, or undefined when nothing is close enough.
 * A case-only difference always wins; otherwise the distance must be at most a third of the word.
 * (Distances above that limit cannot produce a suggestion, so they are not computed exactly.)
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const candidateLower = lowerCase(candidate);
    if (candidateLower === lower) return candidate;
    const d = boundedEditDistance(lower, candidateLower, Math.min(limit, bestDistance - 1));
    if (d < bestDistance && d <= limit) { bestDistance = d; best = candidate; }
  }
  return bestDistance <= limit ? best : undefined;
}
