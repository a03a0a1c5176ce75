/**
 * Import preview: runs an ImportAccountEntJSON the way EIC's import job does (accounts, then
 * entitlement types in entTypeOrder, then account↔entitlement mappings) against the live API,
 * and returns the rows EIC would store, without storing anything.
 * Cancellable at any point; partial results are kept and marked incomplete.
 */
import { readImportModel, type ImportCallSpec, type ImportModel, type ImportSection } from './importModel';
import { mapRecord } from './mapping';
import { fetchAllPages, type PagedResult, type PagingContext, type StopReason } from './pagination';
import { collectMemberships, type Membership } from './memberships';
import type { HttpProblem } from './problems';
import type { SecretToken } from './secret';
import type { SendOptions, SendProgress } from './send';
import type { WriteQuestion } from './previewPolicy';

export interface ImportRow {
  /** The keyField column's value (accountID, entitlementID …). */
  key: string;
  columns: Record<string, string | null>;
}

export interface CallRunSummary {
  section: ImportSection;
  entType?: string;
  name: string;
  pages: number;
  items: number;
  requests: number;
  timeMs: number;
  urls: string[];
  stoppedBecause: StopReason;
  note?: string;
  /** Records dropped because their key repeated an earlier record. */
  duplicates: number;
  /** A single call whose response says more records match (`total_count`) than the call read. */
  window?: ImportWindow;
}

export interface ImportProblem {
  section: ImportSection;
  call?: string;
  entType?: string;
  message: string;
  problem?: HttpProblem;
}

export interface ImportStats {
  pages: number;
  items: number;
  requests: number;
  timeMs: number;
  duplicates: number;
  rateLimit: { limit?: number; lowestRemaining?: number; lastRemaining?: number; reset?: number; requests: number };
}

export interface ImportPreview {
  accounts: ImportRow[];
  /** Entitlement rows by entitlement type. */
  entitlements: Record<string, ImportRow[]>;
  memberships: Membership[];
  /** False when a call failed, a cap was hit, a page repeated, or the user stopped the run. */
  complete: boolean;
  cancelled: boolean;
  calls: CallRunSummary[];
  problems: ImportProblem[];
  warnings: string[];
  stats: ImportStats;
}

export type ImportProgress =
  | { type: 'call'; section: ImportSection; entType?: string; call: string }
  | { type: 'page'; section: ImportSection; entType?: string; call: string; page: number; items: number; url: string }
  | { type: 'http'; event: SendProgress };

export interface ImportOptions {
  token?: SecretToken;
  baseUrl?: string;
  /** Variables for bindings (`connection.*` …). */
  variables?: Record<string, unknown>;
  /** fetch, timeoutMs, allowedHosts, clock … (signal and onProgress are taken from here). */
  send?: Omit<SendOptions, 'signal' | 'onProgress' | 'confirmed'>;
  signal?: AbortSignal;
  onProgress?(event: ImportProgress): void;
  /** Per call (default 50). */
  maxPages?: number;
  /** Per call (default 5000). */
  maxItems?: number;
  /** Calls made once per account or entitlement (httpEntToAcct, httpAcctToEnt, dependent calls; default 1000). */
  maxIterations?: number;
  /** Only these sections (default all). */
  sections?: ImportSection[];
  /**
   * Asked once per call before the preview sends something that may change data (anything but a
   * GET or a POST to one of Intercom's read-only search/list endpoints). Without it such calls
   * are refused (the CLI); the editor asks with a modal. Resolve true to send.
   */
  confirmWrite?(question: WriteQuestion): Promise<boolean>;
}

/** The attribute documents of a connection, by attribute name (text or parsed JSON). */
export type ConnectionDocs = Record<string, string | object | undefined>;

interface RawRow extends ImportRow { item: unknown }

/** What one run of a call reads against what matches (e.g. the one page of a search EIC cannot page). */
export interface ImportWindow {
  /** Records that match, by the response's total_count. */
  total: number;
  /** Records this run read. */
  read: number;
  /** The call is a search EIC cannot page: one page per run, by design. */
  onePagePerRun: boolean;
  /** The most one run can read (the search body's pagination.per_page). */
  perRun?: number;
}

/** Per-record calls the preview makes per call before it stops (memberships read per contact need one per account). */
export const DEFAULT_MAX_ITERATIONS = 1000;

export async function runImport(connectionDocs: ConnectionDocs, options: ImportOptions = {}): Promise<ImportPreview> {
  const started = Date.now();
  const source = Object.entries(connectionDocs).find(([k]) => k.toLowerCase() === 'importaccountentjson')?.[1];
  const preview: ImportPreview = {
    accounts: [], entitlements: {}, memberships: [], complete: true, cancelled: false, calls: [], problems: [], warnings: [],
    stats: { pages: 0, items: 0, requests: 0, timeMs: 0, duplicates: 0, rateLimit: { requests: 0 } },
  };
  if (source === undefined) {
    preview.complete = false;
    preview.problems.push({ section: 'accounts', message: 'The connection has no ImportAccountEntJSON to preview.' });
    return preview;
  }
  let model: ImportModel;
  try { model = readImportModel(source); } catch (e) {
    preview.complete = false;
    preview.problems.push({ section: 'accounts', message: e instanceof Error ? e.message : String(e) });
    return preview;
  }
  preview.warnings.push(...model.warnings);
  const rate: PagingContext['rate'] = { requests: 0 };
  const sections = new Set(options.sections ?? ['accounts', 'entitlements', 'memberships']);
  const accountRows = new Map<string, RawRow>();
  const entRows = new Map<string, Map<string, RawRow>>();
  // One answer per call and target, so a call run for every record (or every page) is asked about once.
  const answers = new Map<string, Promise<boolean>>();
  const confirmWrite = options.confirmWrite;
  const allowWrite = confirmWrite && ((question: WriteQuestion, target: string): Promise<boolean> => {
    const key = `${question.label}\u0000${question.method}\u0000${target}`;
    let answer = answers.get(key);
    if (!answer) answers.set(key, (answer = confirmWrite(question).catch(() => false)));
    return answer;
  });
  const ctxFor = (spec: ImportCallSpec, variables: Record<string, unknown>): PagingContext => ({
    label: `ImportAccountEntJSON › ${spec.name}`,
    allowWrite,
    variables,
    prepare: { token: options.token, baseUrl: options.baseUrl, clock: options.send?.clock },
    send: { ...options.send, onProgress: e => options.onProgress?.({ type: 'http', event: e }) },
    maxPages: options.maxPages ?? 50,
    maxItems: options.maxItems ?? 5000,
    signal: options.signal,
    rate,
    onPage: e => options.onProgress?.({ type: 'page', section: spec.section, entType: spec.entType, call: spec.name, page: e.page, items: e.items, url: e.url }),
  });
  const baseVars = options.variables ?? {};

  /** Runs one call (once, or once per existing row for dependent calls) and merges its rows. */
  const runCall = async (spec: ImportCallSpec, rows: Map<string, RawRow>): Promise<boolean> => {
    options.onProgress?.({ type: 'call', section: spec.section, entType: spec.entType, call: spec.name });
    const dependent = dependentBinding(spec);
    const iterations: Record<string, unknown>[] = dependent
      ? [...rows.values()].slice(0, options.maxIterations ?? DEFAULT_MAX_ITERATIONS).map(r => ({ ...baseVars, accountName: r.columns.name ?? r.key, accountID: r.key, entitlementID: r.key, id: r.key }))
      : [baseVars];
    if (dependent && rows.size > iterations.length) {
      preview.warnings.push(`Ran ${spec.name} for the first ${iterations.length} of ${rows.size} records only (the preview's limit).`);
      preview.complete = false;
    }
    const summary: CallRunSummary = { section: spec.section, entType: spec.entType, name: spec.name, pages: 0, items: 0, requests: 0, timeMs: 0, urls: [], stoppedBecause: 'done', duplicates: 0 };
    preview.calls.push(summary);
    for (const vars of iterations) {
      const paged = await fetchAllPages(spec.http, spec.listField, spec.pagination, ctxFor(spec, vars));
      absorb(summary, paged, spec);
      if (!dependent) noteWindow(summary, paged, spec);
      for (const item of paged.items) {
        const mapped = mapRecord(item, spec.colsToPropsMap, vars);
        for (const w of mapped.warnings) if (!preview.warnings.includes(w)) preview.warnings.push(w);
        const keyColumn = spec.keyField ?? (spec.section === 'accounts' ? 'accountID' : 'entitlementID');
        const key = mapped.columns[keyColumn];
        if (key === null || key === undefined || key === '') {
          const w = `${spec.name}: a record has no ${keyColumn} (check colsToPropsMap.${keyColumn}); EIC skips such records.`;
          if (!preview.warnings.includes(w)) preview.warnings.push(w);
          continue;
        }
        const existing = rows.get(key);
        if (existing && !dependent) { summary.duplicates++; continue; }
        if (existing) Object.assign(existing.columns, dropNulls(mapped.columns));
        else rows.set(key, { key, columns: mapped.columns, item });
      }
      if (!paged.complete) return false;
    }
    return true;
  };

  const absorb = (summary: CallRunSummary, paged: PagedResult, spec: ImportCallSpec) => {
    summary.pages += paged.pages;
    summary.items += paged.items.length;
    summary.requests += paged.requests;
    summary.timeMs += paged.timeMs;
    summary.urls.push(...paged.urls.slice(0, Math.max(0, 50 - summary.urls.length)));
    if (summary.stoppedBecause === 'done') summary.stoppedBecause = paged.stoppedBecause;
    if (paged.note) summary.note = paged.note;
    for (const w of paged.warnings) if (!preview.warnings.includes(w)) preview.warnings.push(w);
    if (!paged.complete) {
      preview.complete = false;
      if (paged.stoppedBecause === 'cancelled') preview.cancelled = true;
      else preview.problems.push({ section: spec.section, call: spec.name, entType: spec.entType, message: paged.note ?? 'The call did not finish.', problem: paged.problem });
    }
  };

  /** One page of a search per run, or total_count above what the call read: say what one run reads and what happens to the rest. */
  const noteWindow = (summary: CallRunSummary, paged: PagedResult, spec: ImportCallSpec) => {
    if (!paged.complete || paged.totalCount === undefined) return;
    const search = /\/search\/?(\?|$)/.test(spec.http.url) && !spec.pagination;
    if (!search && paged.totalCount <= paged.items.length) return;
    const perPage = /"per_page"\s*:\s*(\d+)/.exec(spec.http.body ?? '');
    summary.window = { total: paged.totalCount, read: paged.items.length, onePagePerRun: search, ...(search && perPage ? { perRun: Number(perPage[1]) } : {}) };
    if (paged.totalCount <= paged.items.length) return;
    const where = `${spec.entType ? `${spec.entType} › ` : ''}${spec.name}`;
    preview.warnings.push(search
      ? `${where}: the search matches ${paged.totalCount} records (total_count) and one run reads ${paged.items.length}: EIC cannot send the search cursor, so every run reads only the first page. The other ${paged.totalCount - paged.items.length} are not read by this run; they reach EIC with a later run if they are still in the first page then, or with the next full import.`
      : `${where}: the response says ${paged.totalCount} records match (total_count), but the call read ${paged.items.length}; check its pagination, or EIC stores only part of them.`);
  };

  let ok = true;
  if (sections.has('accounts')) {
    for (const spec of model.accountCalls) { if (!(ok = await runCall(spec, accountRows))) break; }
  }
  if (ok && sections.has('entitlements')) {
    outer: for (const type of model.entTypes) {
      const rows = new Map<string, RawRow>();
      entRows.set(type.name, rows);
      for (const spec of type.calls) { if (!(ok = await runCall(spec, rows))) break outer; }
    }
  }
  if (ok && sections.has('memberships') && !options.signal?.aborted) {
    const result = await collectMemberships(model, accountRows, entRows, {
      runPaged: (spec, vars) => fetchAllPages(spec.http, spec.listField, spec.pagination, ctxFor(spec, { ...baseVars, ...vars })),
      onCall: (spec, paged) => {
        let summary = preview.calls.find(c => c.section === 'memberships' && c.name === spec.name && c.entType === spec.entType);
        if (!summary) {
          summary = { section: 'memberships', entType: spec.entType, name: spec.name, pages: 0, items: 0, requests: 0, timeMs: 0, urls: [], stoppedBecause: 'done', duplicates: 0 };
          preview.calls.push(summary);
          options.onProgress?.({ type: 'call', section: 'memberships', entType: spec.entType, call: spec.name });
        }
        absorb(summary, paged, spec);
      },
      maxIterations: options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      signal: options.signal,
    });
    preview.memberships = result.memberships;
    preview.warnings.push(...result.warnings);
    if (result.incomplete) preview.complete = false;
  }
  if (options.signal?.aborted) { preview.complete = false; preview.cancelled = true; }

  preview.accounts = [...accountRows.values()].map(({ key, columns }) => ({ key, columns }));
  for (const [type, rows] of entRows) preview.entitlements[type] = [...rows.values()].map(({ key, columns }) => ({ key, columns }));
  const s = preview.stats;
  for (const c of preview.calls) { s.pages += c.pages; s.items += c.items; s.duplicates += c.duplicates; }
  s.requests = rate.requests;
  s.timeMs = Date.now() - started;
  s.rateLimit = { limit: rate.last?.limit, lowestRemaining: rate.lowestRemaining, lastRemaining: rate.last?.remaining, reset: rate.last?.reset, requests: rate.requests };
  return preview;
}

/** A call that runs once per record already imported (its URL or body binds accountName, entitlementID or id). */
function dependentBinding(spec: ImportCallSpec): boolean {
  if (spec.section === 'memberships') return false;
  const text = `${spec.http.url} ${spec.http.body ?? ''}`;
  return /\$\{\s*(accountName|accountID|entitlementID|id)\s*\}/.test(text);
}

function dropNulls(columns: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(columns)) if (v !== null) out[k] = v;
  return out;
}
