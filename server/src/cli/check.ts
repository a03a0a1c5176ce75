/**
 * `check <file-or-folder>... [--format text|json] [--live …]`: the editor's diagnostics, in a pipeline.
 * Folders are searched recursively for attribute files (`<Attribute>.json`) and EIC
 * exports (`Connection_*.json`, or any `.json` whose content is an export); the files of one
 * folder are checked as one connection. A file given by name is recognised by its content when its
 * name does not say what it is; one that is neither an attribute nor an export is reported, not
 * passed as clean. A file that cannot be read (permission denied, not a regular file, too large) is
 * an error finding `file-unreadable`, and the run goes on. Exit code 1 iff any finding has error
 * severity (or a live check could not run), 2 for a usage problem (a missing file, a file that is
 * no connection file, an input that is neither file nor folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliEngine } from './engine';
import { AttributeDocument, StaticConnection, type Finding } from '../core/index';
import { attributeForFileName, isExportFileName } from '../core/attributes';
import { RECOGNITION_PREFIX, recognizeContent, type ContentRecognition } from '../core/contentRecognition';
import { connectionName, stripBom } from '../node/connectionFolder';
import { readFilePrefix } from '../node/filePrefix';
import { describeFsError, InputFileError, notRegularReason, readInputText } from '../node/inputFiles';
import { CliIO, flag, parseCommandArgs } from './io';
import { LIVE_VALUE_OPTIONS, type LiveOptions, liveOptions, runLiveChecks } from './checkLive';
import { redactingIO } from './call';
import { intercomCalls } from '../core/intercom/rules/model';
import { searchWindowNotes } from '../core/intercom/searchWindow';

export const CHECK_USAGE = `Usage: saviynt-rest check <file-or-folder>... [--format text|json]
                          [--live --token-env VAR [--base-url URL] [--allow-host HOST[:PORT]]...]

Checks connection attribute files (<AttributeName>.json) and EIC exports (Connection_*.json).
A file named otherwise is recognised by its content (an export saved as Intercom.json, an
ImportAccountEntJSON saved as import.json). A folder is searched recursively for attribute files and
exports; the attribute files of one folder are one connection.

  --format text|json  findings as path:line:col lines (default) or as a JSON array
  --live              also check against the Intercom workspace: read-only GETs (/me,
                      /ticket_types, /teams, /tags, /admins, /data_attributes) add the
                      intercom-live-… findings (unknown ticket types, attributes, tags, teams,
                      custom attributes, another region). Nothing is sent without --live.
  --token-env VAR     environment variable holding the Intercom access token (with --live)
  --base-url URL      where to read the workspace (default: the Intercom host the calls use)
  --allow-host HOST   also send the token to this host (e.g. a local fake Intercom); Intercom's
                      API hosts are always allowed
Without --live, --token-env, --base-url and --allow-host are a usage error.

Exit code: 1 if any error was found or the live check could not run, 0 otherwise, 2 for a
usage problem (a missing file, or a file that is neither a connection attribute nor an EIC export).`;

export const CHECK_OPTIONS = { values: ['format', ...LIVE_VALUE_OPTIONS], booleans: ['live'] } as const;

export interface CheckResultEntry {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Finding['severity'];
  code: string;
  message: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.e2e-tools', 'dist', 'out']);

/** An export found by content in a folder walk (a bounded read of the file's start). */
function isExportByContent(file: string): boolean {
  const prefix = readFilePrefix(file, RECOGNITION_PREFIX);
  return prefix !== undefined && recognizeContent(prefix)?.kind === 'export';
}

/** A file or folder that could not be read: reported as an error finding, and the run goes on. */
export interface UnreadableInput { file: string; reason: string }

export interface CollectedFiles {
  files: string[];
  /** Inputs that do not exist (a usage problem: exit 2). */
  missing: string[];
  /** Inputs that are neither a file nor a folder (a named pipe, a device): usage problems too. */
  unusable: string[];
  unreadable: UnreadableInput[];
}

/** Files to check: explicit files as given, folder contents as `<folder>/<relative path>`. */
export function collectFiles(inputs: string[], cwd: string): CollectedFiles {
  const out: CollectedFiles = { files: [], missing: [], unusable: [], unreadable: [] };
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try { stat = fs.statSync(absolute); } catch (error) {
      const { reason, code } = describeFsError(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') out.missing.push(input);
      else out.unreadable.push({ file: input, reason });
      continue;
    }
    if (stat.isFile()) { out.files.push(input); continue; }
    if (!stat.isDirectory()) { out.unusable.push(`${input}: ${notRegularReason(stat)?.replace(/not a regular file$/, 'not a file or folder')}`); continue; }
    const walk = (dirAbs: string, dirShown: string) => {
      let entries: fs.Dirent[];
      try { entries = fs.readdirSync(dirAbs, { withFileTypes: true }); } catch (error) {
        out.unreadable.push({ file: dirShown, reason: `the folder cannot be read: ${describeFsError(error).reason}` });
        return;
      }
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const shown = path.join(dirShown, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dirAbs, entry.name), shown);
        } else if (attributeForFileName(entry.name) || isExportFileName(entry.name)
          || (entry.isFile() && /\.json$/i.test(entry.name) && isExportByContent(path.join(dirAbs, entry.name)))) {
          if (entry.isFile()) out.files.push(shown);
          else if (!entry.isSymbolicLink()) out.unreadable.push({ file: shown, reason: 'it is not a regular file (a named pipe, a device or a socket)' });
        }
      }
    };
    walk(absolute, input);
  }
  return out;
}

/** A file given by name that the checks cannot take, and why, in words for the user. */
export interface NotChecked { file: string; reason: string }

/** Why a text that is no attribute and no export cannot be checked. */
export function notCheckedReason(recognized: ContentRecognition | undefined): string {
  if (recognized?.kind === 'call-list') {
    return 'not checked: it holds a call list, which CreateAccountJSON, UpdateAccountJSON, AddAccessJSON and most other attributes share, '
      + 'so its content does not say which attribute it is. Name it after its attribute (for example CreateAccountJSON.json).';
  }
  return 'not checked: it is neither a connection attribute nor an EIC export. Attribute files are named <AttributeName>.json '
    + '(ConnectionJSON.json, ImportAccountEntJSON.json …) or hold an attribute\'s keys (authentications, accountParams …); '
    + 'an export is an object of connections, each with EXTERNAL_ATTR.';
}

export interface CheckFilesResult {
  results: CheckResultEntry[];
  missing: string[];
  unusable: string[];
  notChecked: NotChecked[];
  /** How many files were checked. */
  checked: number;
  /** The live check was asked for and could not read the workspace. */
  liveFailed?: boolean;
  /** Facts worth a line in the text summary that are no finding (e.g. what one run of a search import reads). */
  notes: string[];
}

export async function checkFiles(inputs: string[], cwd: string, live?: { options: LiveOptions; io: CliIO }): Promise<CheckFilesResult> {
  const { files, missing, unusable, unreadable } = collectFiles(inputs, cwd);
  const docs = new Map<string, AttributeDocument>();
  const notChecked: NotChecked[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = stripBom(readInputText(path.resolve(cwd, file)));
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      unreadable.push({ file, reason: error.reason });
      continue;
    }
    const doc = AttributeDocument.fromFile(file, text, 0);
    if (doc.kind === 'unknown') notChecked.push({ file, reason: notCheckedReason(recognizeContent(text)) });
    else docs.set(file, doc);
  }
  // Group attribute documents by folder: each folder is one connection.
  const byFolder = new Map<string, AttributeDocument[]>();
  for (const [file, doc] of docs) {
    if (doc.kind !== 'attribute') continue;
    const folder = path.dirname(path.resolve(cwd, file));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), doc]);
  }
  const connections = new Map<string, StaticConnection>();
  for (const [folder, folderDocs] of byFolder) connections.set(folder, new StaticConnection(connectionName(folder), folderDocs, folder));

  const results: CheckResultEntry[] = unreadable.map(u => ({
    file: u.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'file-unreadable',
    message: unreadableMessage(u.reason),
  }));
  const byDoc = new Map<AttributeDocument, Finding[]>();
  const engine = cliEngine();
  for (const [file, doc] of docs) {
    const connection = connections.get(path.dirname(path.resolve(cwd, file)));
    byDoc.set(doc, await engine.analyze(doc, { connection }));
  }
  let liveFailed: boolean | undefined;
  if (live) {
    const ok = await runLiveChecks([...connections.values()], live.options, live.io, (doc, findings) => {
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), ...findings].sort((a, b) => a.offset - b.offset));
    });
    liveFailed = !ok;
  }
  for (const [file, doc] of docs) {
    for (const f of byDoc.get(doc) ?? []) {
      results.push({ file, range: doc.rangeOf(f.offset, f.length), severity: f.severity, code: f.code, message: f.message });
    }
  }
  const notes: string[] = [];
  for (const [file, doc] of docs) {
    if (doc.attribute?.name === 'ImportAccountEntJSON') for (const n of searchWindowNotes(doc, intercomCalls(doc, undefined))) notes.push(`${file}: ${n}`);
  }
  return { results, missing, unusable, notChecked, checked: docs.size, liveFailed, notes };
}

export async function run(args: string[], rawIO: CliIO): Promise<number> {
  const parsed = parseCommandArgs('check', args, CHECK_OPTIONS, rawIO);
  if (!parsed) return 2;
  if (parsed.flags.has('help') || parsed.flags.has('h')) { rawIO.out(CHECK_USAGE); return 0; }
  const format = flag(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') { rawIO.err(`Unknown --format "${format}": use text or json.`); return 2; }
  if (!parsed.positionals.length) { rawIO.err(CHECK_USAGE); return 2; }
  const live = liveOptions(parsed);
  if (typeof live === 'string') { rawIO.err(`check: ${live}\nRun "saviynt-rest check --help" for its options.`); return 2; }
  const io = redactingIO(rawIO, live?.token);
  const { results, missing, unusable, notChecked, checked, liveFailed, notes } = await checkFiles(parsed.positionals, io.cwd, live ? { options: live, io } : undefined);
  for (const m of missing) io.err(`${m}: no such file or folder`);
  for (const u of unusable) io.err(u);
  for (const n of notChecked) io.err(`${n.file}: ${n.reason}`);
  if (format === 'json') {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      io.out(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} [${r.code}] ${r.message}`);
    }
    const count = (s: string) => results.filter(r => r.severity === s).length;
    const skipped = notChecked.length ? ` ${notChecked.length} file(s) not checked (see above).` : '';
    if (checked === 0 && notChecked.length) io.err(`Nothing was checked: no connection file among the files given.`);
    else io.err(`${results.length === 0 ? 'No findings' : `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`}.${skipped}`);
    for (const n of notes) io.err(`note: ${n}`);
  }
  if (missing.length || unusable.length || notChecked.length) return 2;
  return results.some(r => r.severity === 'error') || liveFailed ? 1 : 0;
}

/** The message of a file that could not be read (`reason` as the reader says it: "is a named pipe"). */
export function unreadableMessage(reason: string): string {
  return `File not checked: ${reason.replace(/^is /, 'it is ')}${/[.?]$/.test(reason) ? '' : '.'}`;
}
