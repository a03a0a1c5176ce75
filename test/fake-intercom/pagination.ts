// Cursor pagination: opaque, strictly decoded, endpoint-bound cursors on (sort key, id),
// the `pages` object, and per_page parsing.

import { createHash } from 'node:crypto';
import { badCursor, invalid } from './errors.js';

export type SortKey = Array<number | string | null>;

export interface CursorPayload {
  /** Endpoint (and sort) the cursor was minted for, e.g. "contacts.list". */
  tag: string;
  workspace: string;
  key: SortKey;
  page: number;
  issuedAt: number;
}

const MAC_SECRET = 'fake-intercom/cursor/v1';
const MAC_BYTES = 12;

function mac(json: string): Buffer {
  return createHash('sha256').update(MAC_SECRET).update(json).digest().subarray(0, MAC_BYTES);
}

export function encodeCursor(payload: CursorPayload): string {
  const json = JSON.stringify([payload.tag, payload.workspace, payload.key, payload.page, payload.issuedAt]);
  const parts = [Buffer.from(json, 'utf8'), Buffer.from([0]), mac(json)];
  let buf = Buffer.concat(parts);
  // Keep a padded length so realistic cursors end in "=" like the real ones.
  if (buf.length % 3 === 0) buf = Buffer.concat([buf, Buffer.from([0])]);
  return buf.toString('base64');
}

/**
 * Decodes a cursor strictly. Anything that is not a cursor minted by this fake for the same
 * endpoint and workspace (including "None", "null", "", spaces where "+" was) → 400 client_error.
 */
export function decodeCursor(
  raw: string,
  expect: { tag: string; workspace: string },
  now: number,
  ttlSeconds: number | null,
): CursorPayload {
  if (raw.length === 0 || raw.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) throw badCursor();
  const buf = Buffer.from(raw, 'base64');
  if (buf.toString('base64') !== raw) throw badCursor();
  const sep = buf.indexOf(0);
  if (sep < 0) throw badCursor();
  const json = buf.subarray(0, sep).toString('utf8');
  const tagBytes = buf.subarray(sep + 1, sep + 1 + MAC_BYTES);
  const rest = buf.subarray(sep + 1 + MAC_BYTES);
  if (!tagBytes.equals(mac(json)) || rest.length > 1 || (rest.length === 1 && rest[0] !== 0)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 5) throw badCursor();
  const [tag, workspace, key, page, issuedAt] = parsed as [unknown, unknown, unknown, unknown, unknown];
  if (tag !== expect.tag || workspace !== expect.workspace) throw badCursor();
  if (!Array.isArray(key) || typeof page !== 'number' || typeof issuedAt !== 'number') throw badCursor();
  if (ttlSeconds !== null && now - issuedAt > ttlSeconds) throw badCursor();
  return { tag, workspace, key: key as SortKey, page, issuedAt };
}

/**
 * Parses per_page from a query string or body value: absent → default. Above max: refused (400)
 * where the API documents the maximum (`documentedMax`), clamped where the limit is our assumption.
 */
export function parsePerPage(raw: unknown, defaultValue: number, max: number, documentedMax = false): number {
  if (raw === undefined || raw === null) return defaultValue;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  if (!/^-?[0-9]+$/.test(text)) throw invalid('per_page must be a positive integer');
  const n = Number(text);
  if (n <= 0) throw invalid('per_page must be a positive integer');
  if (n > max && documentedMax) throw invalid(`per_page must be between 1 and ${max}`);
  return Math.min(n, max);
}

export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

export interface PageRequest<T> {
  /** Items already sorted in the endpoint's order. */
  items: T[];
  keyOf: (item: T) => SortKey;
  /** +1 when items are in ascending key order, -1 when descending. */
  direction: 1 | -1;
  perPage: number;
  cursor: CursorPayload | null;
  tag: string;
  workspace: string;
  now: number;
  unstable: boolean;
  lastPageNextNull: boolean;
}

export interface PageResult<T> {
  data: T[];
  totalCount: number;
  pages: Record<string, unknown>;
}

/** Takes one page after the cursor's key. Writes between pages neither skip nor repeat old items. */
export function cursorPage<T>(req: PageRequest<T>): PageResult<T> {
  const { items, perPage, cursor } = req;
  let start = 0;
  if (cursor) {
    start = items.findIndex((item) => req.direction * compareKeys(req.keyOf(item), cursor.key) > 0);
    if (start < 0) start = items.length;
  }
  const end = Math.min(items.length, start + perPage);
  let data = items.slice(start, end);
  if (req.unstable && cursor && start > 0) {
    // Overlap by one item and reverse the page: clients must de-duplicate by id.
    data = items.slice(start - 1, end).reverse();
  }
  const page = cursor ? cursor.page + 1 : 1;
  const totalPages = Math.ceil(items.length / perPage);
  const pages: Record<string, unknown> = { type: 'pages', page, per_page: perPage, total_pages: totalPages };
  if (end < items.length) {
    const next = encodeCursor({
      tag: req.tag,
      workspace: req.workspace,
      key: req.keyOf(items[end - 1]),
      page,
      issuedAt: req.now,
    });
    pages.next = { page: page + 1, starting_after: next };
  } else if (req.lastPageNextNull) {
    pages.next = null;
  }
  return { data, totalCount: items.length, pages };
}
