/**
 * `check <file-or-folder>... [--format text|json]`: the editor's diagnostics, in a pipeline.
 * Folders are searched recursively for attribute files (`<Attribute>.json`) and EIC
 * exports (`Connection_*.json`); the files of one folder are checked as one connection.
 * Exit code 1 iff any finding has error severity.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../core/analyze';
import { AttributeDocument } from '../core/document';
import { attributeForFileName, isExportFileName } from '../core/attributes';
import { StaticConnection } from '../core/connection';
import type { Finding } from '../core/types';
import { connectionName, stripBom } from '../node/connectionFolder';
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

/** Files to check: explicit files as given, folder contents as `<folder>/<relative path>`. */
export function collectFiles(inputs: string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats;
    try { stat = fs.statSync(absolute); } catch { missing.push(input); continue; }
    if (stat.isFile()) { files.push(input); continue; }
    const walk = (dirAbs: string, dirShown: string) => {
      for (const entry of fs.readdirSync(dirAbs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const shown = path.join(dirShown, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(dirAbs, entry.name), shown);
        } else if (entry.isFile() && (attributeForFileName(entry.name) || isExportFileName(entry.name))) {
          files.push(shown);
        }
      }
    };
    walk(absolute, input);
  }
  return { files, missing };
}

export async function checkFiles(inputs: string[], cwd: string): Promise<{ results: CheckResultEntry[]; missing: string[] }> {
  const { files, missing } = collectFiles(inputs, cwd);
  const docs = new Map<string, AttributeDocument>();
  for (const file of files) {
    const text = stripBom(fs.readFileSync(path.resolve(cwd, file), 'utf8'));
    docs.set(file, AttributeDocument.fromFile(file, text, 0));
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

  const results: CheckResultEntry[] = [];
  for (const [file, doc] of docs) {
    const connection = connections.get(path.dirname(path.resolve(cwd, file)));
    const findings = await analyze(doc, { connection, log: message => process.stderr.write(message + '\n') });
    for (const f of findings) {
      results.push({ file, range: doc.rangeOf(f.offset, f.length), severity: f.severity, code: f.code, message: f.message });
    }
  }
  return { results, missing };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs('check', args, CHECK_OPTIONS, io);
  if (!parsed) return 2;
  if (parsed.flags.has('help') || parsed.flags.has('h')) { io.out(CHECK_USAGE); return 0; }
  const format = flag(parsed, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') { io.err(`Unknown --format "${format}": use text or json.`); return 2; }
  if (!parsed.positionals.length) { io.err(CHECK_USAGE); return 2; }
  const { results, missing } = await checkFiles(parsed.positionals, io.cwd);
  for (const m of missing) io.err(`${m}: no such file or folder`);
  if (format === 'json') {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      io.out(`${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.severity} [${r.code}] ${r.message}`);
    }
    const count = (s: string) => results.filter(r => r.severity === s).length;
    io.err(`${results.length === 0 ? 'No findings' : `${count('error')} error(s), ${count('warning')} warning(s), ${count('information') + count('hint')} note(s)`}.`);
  }
  if (missing.length) return 2;
  return results.some(r => r.severity === 'error') ? 1 : 0;
}
