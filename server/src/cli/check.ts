/**
 * `check <file-or-folder>... [--format text|json]`: the editor's diagnostics, in a pipeline.
 * Folders are searched recursively for attribute files (`<Attribute>.json`) and EIC
 * exports (`Connection_*.json`); the files of one folder are checked as one connection.
 * Exit code 1 iff any finding has error severity. A file that cannot be read (permission denied,
 * not a regular file, too large) is an error finding `file-unreadable`, and the run goes on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { AttributeDocument } from '../core/document';
import { attributeForFileName, isExportFileName } from '../core/attributes';
import { StaticConnection } from '../core/connection';
import type { Finding } from '../core/types';
import { connectionName } from '../node/connectionFolder';
import { describeFsError, InputFileError, notRegularReason, readInputText } from '../node/inputFiles';
import { CliIO, flag, parseCommandArgs } from './io';

export const CHECK_USAGE = `Usage: saviynt-rest check <file-or-folder>... [--format text|json]

Checks connection attribute files (<AttributeName>.json) and EIC exports (Connection_*.json).
A folder is searched recursively; the attribute files of one folder are one connection.
Exit code: 1 if any error was found, 0 otherwise, 2 for a usage problem.`;

export const CHECK_OPTIONS = { values: ['format'] } as const;

export interface CheckResultEntry {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: Finding['severity'];
  code: string;
  message: string;
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.e2e-tools', 'dist', 'out']);

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
        } else if (attributeForFileName(entry.name) || isExportFileName(entry.name)) {
          if (entry.isFile()) out.files.push(shown);
          else if (!entry.isSymbolicLink()) out.unreadable.push({ file: shown, reason: 'it is not a regular file (a named pipe, a device or a socket)' });
        }
      }
    };
    walk(absolute, input);
  }
  return out;
}

export interface CheckFilesResult {
  results: CheckResultEntry[];
  missing: string[];
  unusable: string[];
}

export async function checkFiles(inputs: string[], cwd: string): Promise<CheckFilesResult> {
  const { files, missing, unusable, unreadable } = collectFiles(inputs, cwd);
  const docs = new Map<string, AttributeDocument>();
  for (const file of files) {
    try {
      docs.set(file, AttributeDocument.fromFile(file, readInputText(path.resolve(cwd, file)), 0));
    } catch (error) {
      if (!(error instanceof InputFileError)) throw error;
      unreadable.push({ file, reason: error.reason });
    }
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
    message: `This file was not checked: ${u.reason.replace(/^is /, 'it is ')}${/[.?]$/.test(u.reason) ? '' : '.'}`,
  }));
  for (const [file, doc] of docs) {
    const connection = connections.get(path.dirname(path.resolve(cwd, file)));
    const findings = await analyze(doc, { connection, log: message => process.stderr.write(message + '\n') });
    for (const f of findings) {
      results.push({ file, range: doc.rangeOf(f.offset, f.length), severity: f.severity, code: f.code, message: f.message });
    }
  }
  return { results, missing, unusable };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('check', args, CHECK_OPTIONS, io);
  if (!parsed) return 2;
  if (parsed.flags.has('help') || parsed.flags.has('h')) { io.out(CHECK_USAGE); return 0; }
  const format = flag(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') { io.err(`Unknown --format "${format}": use text or json.`); return 2; }
  if (!parsed.positionals.length) { io.err(CHECK_USAGE); return 2; }
  const { results, missing, unusable } = await checkFiles(parsed.positionals, io.cwd);
  for (const m of missing) io.err(`${m}: no such file or folder`);
  for (const u of unusable) io.err(u);
  if (format === 'json') {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      io.out(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} [${r.code}] ${r.message}`);
    }
    const count = (s: string) => results.filter(r => r.severity === s).length;
    io.err(`${results.length === 0 ? 'No findings' : `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`}.`);
  }
  if (missing.length || unusable.length) return 2;
  return results.some(r => r.severity === 'error') ? 1 : 0;
}
