/**
 * A copy of a string that does not keep the text it was cut from alive.
 *
 * V8 represents `text.slice(…)` (and strings built from slices) as views into the original
 * text. A cache that outlives a document version and keeps such a string as a key or value
 * would keep the whole text of that version in memory. Caches shared across versions store
 * detached copies instead (made on insertion only, so the cost is paid once per new value).
 */
export function detached(s: string): string {
  // Concatenation gives a new string; slicing it makes V8 flatten that copy first.
  return (' ' + s).slice(1);
}
