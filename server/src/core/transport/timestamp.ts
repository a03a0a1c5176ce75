/**
 * Export timestamps. EIC names package entries `Connection_<yyyy-MM-dd_HH-mm-ss>(UTC).json`
 * and writes `"Exported On": "yyyy-MM-dd HH:mm:ss"` into the object summary, both in UTC.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2023-09-05_12-38-50` (UTC). */
export function formatFileStamp(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}_`
    + `${pad(date.getUTCHours())}-${pad(date.getUTCMinutes())}-${pad(date.getUTCSeconds())}`;
}

/** `2023-09-05 12:38:50` (UTC). */
export function formatSummaryStamp(date: Date): string {
  return formatFileStamp(date).replace('_', ' ').replace(/-(\d\d)-(\d\d)$/, ':$1:$2');
}

/**
 * Reads `yyyy-MM-dd_HH-mm-ss` (as EIC writes it, UTC), `yyyy-MM-dd HH:mm:ss` (UTC) or an
 * ISO 8601 date-time with a zone. Undefined when the text is none of these or not a real date.
 */
export function parseStamp(text: string): Date | undefined {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})[_ T](\d{2})[-:](\d{2})[-:](\d{2})(?:\(UTC\)|Z)?$/.exec(t);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
    const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    const roundTrips = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
      && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
    return roundTrips ? date : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(t)) {
    const date = new Date(t);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  return undefined;
}

/** The whole-second part of a date (zip entries and file names carry no milliseconds). */
export function truncateToSecond(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
