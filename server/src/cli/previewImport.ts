/**
 * `preview-import <connection-folder> [--base-url URL] --token-env VAR [--format text|json|csv]
 * [--out DIR] [--max-pages N]`: runs the folder's ImportAccountEntJSON against the API the way
 * EIC's import does and shows the accounts, entitlements and memberships it would store.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConnectionFolder } from '../node/connectionFolder';
import { READ_ONLY_POST_PATHS, redact, runImport, toCsv, type ImportPreview, type ImportRow } from '../core/runner';
import { DEFAULT_MAX_ITERATIONS } from '../core/runner/importRun';
import { COMMON_VALUE_OPTIONS, commonOptions, redactingIO } from './call';
import { describeFsError, InputFileError, readInputText } from '../node/inputFiles';
import { type CliIO, type OptionSpec, flag, parseCommandArgs } from './io';

const OPTIONS: OptionSpec = { values: [...COMMON_VALUE_OPTIONS, 'out', 'max-pages', 'max-items', 'max-iterations'] };

export const PREVIEW_IMPORT_USAGE = `Usage: saviynt-rest preview-import <connection-folder> [--base-url URL] --token-env VAR
                         [--allow-host HOST[:PORT]]... [--format text|json|csv] [--out DIR]
                         [--max-pages N] [--max-items N] [--max-iterations N] [--var path=value]...
                         [--timeout SECONDS]

Runs the folder's ImportAccountEntJSON against the API as EIC's import job would (accounts,
entitlement types in entTypeOrder, then account-entitlement memberships, following pagination)
and shows the rows EIC would store. Nothing is stored anywhere, and only calls that cannot change
data are sent: GET calls, and POST calls to Intercom's read-only search and list endpoints on
Intercom's API host (or on --base-url):
${wrapList(READ_ONLY_POST_PATHS, '  ', 96)}
Any other call (a POST that creates or merges, PUT, PATCH, DELETE, or a POST to another host) is
refused with a message naming it, and the preview stops there.

  --base-url URL      replaces scheme and host of every call (e.g. the local fake Intercom)
  --token-env VAR     environment variable holding the Intercom access token
  --allow-host HOST   also send the token to this host (host or host:port); needed when
                      --base-url is not one of Intercom's API hosts
  --format csv        CSV tables (accounts, one per entitlement type, memberships); with --out DIR
                      they are written as files, otherwise printed one after the other
  --max-pages N       pages per call before the preview stops (default 50)
  --max-items N       records per call before the preview stops (default 5000)
  --max-iterations N  per-record calls (e.g. the tags of each contact) per call before the
                      preview stops (default 1000)

Exit code: 0 when the preview is complete, 1 when it stopped early or a call failed, 2 for a usage problem.`;

/** Items joined with ", " on lines of at most `width` characters, each indented. */
function wrapList(items: readonly string[], indent: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const piece = item + (i < items.length - 1 ? ',' : '');
    if (line && indent.length + line.length + 1 + piece.length > width) { lines.push(indent + line); line = piece; }
    else line = line ? `${line} ${piece}` : piece;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

export async function run(args: string[], rawIO: CliIO): Promise<number> {
  const parsed = parseCommandArgs('preview-import', args, OPTIONS, rawIO);
  if (!parsed) return 2;
  if (parsed.flags.has('help')) { rawIO.out(PREVIEW_IMPORT_USAGE); return 0; }
  const format = flag(parsed, 'format') ?? 'text';
  if (!['text', 'json', 'csv'].includes(format)) { rawIO.err(`Unknown --format "${format}": use text, json or csv.`); return 2; }
  const folder = parsed.positionals[0];
  if (!folder || parsed.positionals.length > 1) { rawIO.err(PREVIEW_IMPORT_USAGE); return 2; }
  const common = commonOptions(parsed, rawIO);
  if (typeof common === 'string') { rawIO.err(common); return 2; }
  const io = redactingIO(rawIO, common.token);
  const count = (name: string, fallback: number): number | string => {
    const v = flag(parsed, name);
    if (v === undefined) return fallback;
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : `--${name} "${v}" must be a positive whole number.`;
  };
  const maxPages = count('max-pages', 50);
  const maxItems = count('max-items', 5000);
  const maxIterations = count('max-iterations', DEFAULT_MAX_ITERATIONS);
  for (const v of [maxPages, maxItems, maxIterations]) if (typeof v === 'string') { io.err(v); return 2; }

  const absolute = path.resolve(io.cwd, folder);
  const folderProblem = notAFolder(absolute);
  if (folderProblem) { io.err(`${folder}: ${folderProblem}`); return 2; }
  const outDir = flag(parsed, 'out');
  const outProblem = outDir === undefined ? undefined : unusableOutput(path.resolve(io.cwd, outDir));
  if (outProblem) { io.err(`--out ${outDir} ${outProblem}`); return 2; }
  const connection = loadConnectionFolder(absolute);
  const doc = connection.get('ImportAccountEntJSON');
  if (!doc) {
    const unreadable = unreadableImportFile(absolute);
    io.err(unreadable ? `${path.join(folder, unreadable.name)}: ${unreadable.reason}` : `${folder} has no ImportAccountEntJSON.json to preview.`);
    return 2;
  }

  const controller = new AbortController();
  const onSigint = () => { io.err('Stopping… (partial results follow)'); controller.abort(); };
  process.once('SIGINT', onSigint);
  let preview: ImportPreview;
  try {
    preview = await runImport({ ImportAccountEntJSON: doc.text }, {
      token: common.token, baseUrl: common.baseUrl, variables: common.variables,
      send: { timeoutMs: common.send.timeoutMs, allowedHosts: common.send.allowedHosts, allowHostHint: common.send.allowHostHint },
      signal: controller.signal, maxPages: maxPages as number, maxItems: maxItems as number, maxIterations: maxIterations as number,
      onProgress: e => {
        if (format !== 'text') return;
        if (e.type === 'page') io.err(`  ${e.entType ? `${e.entType} › ` : ''}${e.call}: page ${e.page}, ${e.items} record${e.items === 1 ? '' : 's'}`);
        else if (e.type === 'http' && (e.event.type === 'rate-limit-wait' || e.event.type === 'retry')) io.err(`  ${e.event.type === 'retry' ? `retrying: ${e.event.reason}` : e.event.message}`);
      },
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  if (format === 'json') io.out(JSON.stringify(preview, null, 2));
  else if (format === 'csv') {
    const tables = csvTables(preview);
    if (outDir) {
      const dir = path.resolve(io.cwd, outDir);
      try {
        fs.mkdirSync(dir, { recursive: true });
        // The files bypass the output's redaction: redact them here (a hostile echo of the token).
        for (const [name, csv] of tables) fs.writeFileSync(path.join(dir, `${name}.csv`), redact(csv, common.token), 'utf8');
      } catch (error) {
        io.err(`--out ${outDir}: the CSV files could not be written (${describeFsError(error).reason}).`);
        return 2;
      }
      io.err(`Wrote ${tables.map(([n]) => `${n}.csv`).join(', ')} to ${outDir}.`);
    } else {
      io.out(tables.map(([name, csv]) => `# ${name}\r\n${csv}`).join('\r\n'));
    }
  } else printSummary(io, preview);
  if (format !== 'text') for (const p of preview.problems) io.err(`${p.entType ? `${p.entType} › ` : ''}${p.call ?? p.section}: ${p.message}`);
  return preview.complete ? 0 : 1;
}

/** Why a path is not a folder to preview ("no such folder", "permission denied" …), or undefined. */
function notAFolder(absolute: string): string | undefined {
  let stat: fs.Stats;
  try { stat = fs.statSync(absolute); } catch (error) {
    const { reason, code } = describeFsError(error);
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'no such folder' : reason;
  }
  return stat.isDirectory() ? undefined : 'is a file, not a connection folder; give the folder that holds ImportAccountEntJSON.json';
}

/** Why --out cannot take the CSV files (an existing file, not a folder), or undefined. */
function unusableOutput(absolute: string): string | undefined {
  try {
    return fs.statSync(absolute).isDirectory() ? undefined : 'is a file, not a folder; give a folder for the CSV files (it is created if needed).';
  } catch {
    return undefined; // created when the CSV files are written
  }
}

/** The import file that exists in the folder but cannot be read, with the reason. */
function unreadableImportFile(folder: string): { name: string; reason: string } | undefined {
  let names: string[];
  try { names = fs.readdirSync(folder); } catch (error) { return { name: '', reason: `the folder cannot be read: ${describeFsError(error).reason}` }; }
  const name = names.find(n => n.toLowerCase() === 'importaccountentjson.json');
  if (!name) return undefined;
  try { readInputText(path.join(folder, name)); } catch (error) {
    if (error instanceof InputFileError) return { name, reason: error.reason };
  }
  return undefined;
}

function csvTables(preview: ImportPreview): [string, string][] {
  const withKey = (rows: ImportRow[]) => rows.map(r => r.columns);
  const tables: [string, string][] = [['accounts', toCsv(withKey(preview.accounts))]];
  for (const [type, rows] of Object.entries(preview.entitlements)) tables.push([`entitlements-${type.replace(/[^\w.-]+/g, '_')}`, toCsv(withKey(rows))]);
  tables.push(['memberships', toCsv(preview.memberships.map(m => ({ accountID: m.accountID, entType: m.entType, entitlement: m.entitlement, keyField: m.keyField, source: m.source, accountKnown: m.accountKnown, entitlementKnown: m.entitlementKnown })))]);
  return tables;
}

function printSummary(io: CliIO, preview: ImportPreview): void {
  io.out(`Import preview — ${preview.complete ? 'complete' : preview.cancelled ? 'STOPPED (partial)' : 'INCOMPLETE'}`);
  io.out('\nCalls');
  for (const c of preview.calls) {
    io.out(`  ${c.section.padEnd(12)} ${(c.entType ? `${c.entType} › ` : '') + c.name}: ${c.pages} page${c.pages === 1 ? '' : 's'}, ${c.items} record${c.items === 1 ? '' : 's'}, ${c.requests} request${c.requests === 1 ? '' : 's'}, ${c.timeMs} ms${c.duplicates ? `, ${c.duplicates} duplicate${c.duplicates === 1 ? '' : 's'} dropped` : ''}${c.stoppedBecause !== 'done' ? ` [stopped: ${c.stoppedBecause}]` : ''}`);
    if (c.window) io.out(`${' '.repeat(15)}window: ${c.window.total} record${c.window.total === 1 ? '' : 's'} match (total_count); ${c.window.onePagePerRun ? `one run reads at most ${c.window.perRun ?? c.window.read} (one page: EIC cannot page a search)` : `the call read ${c.window.read}`}`);
  }
  table(io, `Accounts (${preview.accounts.length})`, preview.accounts);
  for (const [type, rows] of Object.entries(preview.entitlements)) table(io, `Entitlements ${type} (${rows.length})`, rows);
  io.out(`\nMemberships (${preview.memberships.length})`);
  for (const m of preview.memberships.slice(0, 20)) io.out(`  ${m.accountID} → ${m.entType} ${m.entitlement}${m.entitlementKnown ? '' : '  (entitlement not imported)'}`);
  if (preview.memberships.length > 20) io.out(`  … ${preview.memberships.length - 20} more (use --format csv or json)`);
  const s = preview.stats;
  io.out(`\n${s.pages} pages, ${s.items} records, ${s.requests} requests in ${s.timeMs} ms` +
    (s.rateLimit.limit !== undefined ? `; rate limit ${s.rateLimit.limit} per window, lowest remaining ${s.rateLimit.lowestRemaining ?? '?'}` : ''));
  for (const w of preview.warnings) io.err(`warning: ${w}`);
  for (const p of preview.problems) io.err(`problem: ${p.entType ? `${p.entType} › ` : ''}${p.call ?? p.section}: ${p.message}`);
}

function table(io: CliIO, title: string, rows: ImportRow[]): void {
  io.out(`\n${title}`);
  if (!rows.length) return;
  const columns = [...new Set(rows.flatMap(r => Object.keys(r.columns)))];
  const cell = (v: string | null | undefined) => {
    const t = (v ?? '').replace(/[\r\n\t]+/g, ' ');
    return [...t].length > 30 ? `${[...t].slice(0, 29).join('')}…` : t;
  };
  io.out('  ' + columns.join(' | '));
  for (const r of rows.slice(0, 10)) io.out('  ' + columns.map(c => cell(r.columns[c])).join(' | '));
  if (rows.length > 10) io.out(`  … ${rows.length - 10} more (use --format csv or json)`);
}
