/**
 * Unpacks an EIC transport zip, or a bare `Connection_*.json`, into connection folders:
 * one `<Attribute>.json` per non-empty attribute holding the exported text exactly (the
 * JSON string value, unescaped), plus `connection.meta.json` with the envelope columns and
 * the ciphertext EIC exported (ConnectionJSON, templateMandatoryData), which is reported
 * and kept, never lost. A file holding several connections gives one sub-folder each,
 * unless one connection is chosen.
 */
import { findAttribute } from '../attributes';
import { META_FILE_NAME, serializeConnectionMeta, type ExportOrigin } from './connectionMeta';
import {
  ExportFormatError, connectionToFolderContent, parseConnectionExport, parseObjectSummary, type ExportedConnection, type FolderContent,
} from './exportFile';
import { baseName, fromUtf8, joinPath, utf8, type TransportFs } from './transportFs';
import { isZip, type ZipLimits, type ZipReader } from './zipReader';

export interface UnpackOptions {
  /** Unpack only this connection (by name) into the target folder itself. */
  connection?: string;
  /** Write into a folder that already has files (files of the same name are replaced). */
  force?: boolean;
  limits?: Partial<ZipLimits>;
}

/** What unpacking needs from the host: a zip reader (node/unpack.ts binds yauzl's). */
export interface UnpackRuntime {
  readZip: ZipReader;
}

export interface UnpackedConnection {
  name: string;
  folder: string;
  /** Attribute files written (file names), connection.meta.json last. */
  files: string[];
  /** Attributes whose exported value is ciphertext, kept in connection.meta.json. */
  encrypted: string[];
  /** True when templateMandatoryData ciphertext was kept in connection.meta.json. */
  templateMandatoryDataKept: boolean;
}

export interface UnpackResult {
  connections: UnpackedConnection[];
  /** Connections in the source that were not unpacked (another was chosen). */
  skipped: string[];
  /** Archive entries that are not connection objects (workflows, email templates, …). */
  otherEntries: string[];
  notes: string[];
}

export class FolderNotEmptyError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} is not empty; choose an empty folder, or pass --force to write into it.`);
    this.name = 'FolderNotEmptyError';
  }
}

export interface ExportSource {
  connections: ExportedConnection[];
  origin?: ExportOrigin;
  otherEntries: string[];
  notes: string[];
}

/** Reads a zip or a bare Connection_*.json (decided by content, not by extension). */
export async function readExportSource(bytes: Uint8Array, sourceName: string, limits: Partial<ZipLimits> | undefined, runtime: UnpackRuntime): Promise<ExportSource> {
  if (!isZip(bytes)) {
    const parsed = parseConnectionExport(fromUtf8(bytes), baseName(sourceName));
    return { connections: parsed.connections, origin: { file: baseName(sourceName) }, otherEntries: [], notes: toleratedNotes(baseName(sourceName), parsed.tolerated) };
  }
  const zip = await runtime.readZip(bytes, limits);
  const notes = [...zip.notes];
  const connectionFiles = zip.files.filter(f => /^Connection_/i.test(f.name));
  if (connectionFiles.length === 0) {
    const seen = [...zip.files.map(f => f.entryName), ...zip.otherEntries];
    throw new ExportFormatError(`${baseName(sourceName)} holds no Connection_<timestamp>.json, so it has no connection to unpack `
      + `(entries: ${seen.length ? seen.join(', ') : 'none'}).`);
  }
  const connections: ExportedConnection[] = [];
  for (const file of connectionFiles.sort((a, b) => a.name < b.name ? -1 : 1)) {
    const parsed = parseConnectionExport(fromUtf8(file.data), file.name);
    notes.push(...toleratedNotes(file.name, parsed.tolerated));
    for (const conn of parsed.connections) {
      if (connections.some(c => c.key === conn.key)) throw new ExportFormatError(`connection "${conn.key}" appears in two Connection files of ${baseName(sourceName)}.`);
      connections.push(conn);
    }
  }
  const summary = zip.files.find(f => /^ObjectSummary_/i.test(f.name));
  const origin: ExportOrigin = { file: connectionFiles.map(f => f.name).join(', ') };
  if (summary) Object.assign(origin, parseObjectSummary(fromUtf8(summary.data), summary.name));
  return { connections, origin, otherEntries: zip.otherEntries, notes };
}

function toleratedNotes(label: string, tolerated: string[]): string[] {
  return tolerated.map(t => `${label} is not strict JSON (${t}); it was read leniently.`);
}

/** Reads the source file through `fs` and unpacks it. */
export async function unpackExportFile(fs: TransportFs, sourcePath: string, target: string, options: UnpackOptions & UnpackRuntime): Promise<UnpackResult> {
  const stat = await fs.stat(sourcePath);
  if (!stat) throw new Error(`${sourcePath}: no such file; give a transport .zip or a Connection_*.json.`);
  if (stat.kind !== 'file') {
    const what = stat.kind === 'directory' ? 'a folder' : stat.kind === 'symlink' ? 'a symbolic link' : 'not a regular file (a named pipe or a device)';
    throw new Error(`${sourcePath} is ${what}; give a transport .zip or a Connection_*.json.`);
  }
  return unpackExportBytes(fs, await fs.readFile(sourcePath), baseName(sourcePath), target, options);
}

export async function unpackExportBytes(
  fs: TransportFs, bytes: Uint8Array, sourceName: string, target: string, options: UnpackOptions & UnpackRuntime,
): Promise<UnpackResult> {
  const source = await readExportSource(bytes, sourceName, options.limits, options);
  let chosen = source.connections;
  if (options.connection !== undefined) {
    const wanted = options.connection;
    const match = chosen.find(c => c.key === wanted) ?? chosen.find(c => c.key.toLowerCase() === wanted.toLowerCase());
    if (!match) {
      throw new Error(`${sourceName} has no connection named "${wanted}"; it has: ${chosen.map(c => `"${c.key}"`).join(', ')}.`);
    }
    chosen = [match];
  }
  const plans = chosen.map(conn => ({ conn, content: connectionToFolderContent(conn, source.origin) }));
  const folders = chosen.length === 1 ? [target] : subfolderNames(plans.map(p => p.content.name)).map(n => joinPath(target, n));
  await ensureWritable(fs, target, options.force === true);
  if (folders[0] !== target) for (const folder of folders) await ensureWritable(fs, folder, options.force === true);

  const result: UnpackResult = {
    connections: [], skipped: source.connections.filter(c => !chosen.includes(c)).map(c => c.key),
    otherEntries: source.otherEntries, notes: [...source.notes],
  };
  for (let i = 0; i < plans.length; i++) {
    const { content } = plans[i];
    const folder = folders[i];
    const written = await writeFolderFiles(fs, folder, folderFiles(content));
    result.notes.push(...content.notes.map(n => `${content.name}: ${n}`));
    if (options.force) result.notes.push(...await staleFiles(fs, folder, written, content.name));
    result.connections.push({
      name: content.name, folder, files: written, encrypted: content.encrypted,
      templateMandatoryDataKept: content.meta.encrypted.templateMandatoryData !== undefined,
    });
  }
  return result;
}

/** The files of a connection folder, as unpack writes them: the attribute files, connection.meta.json last. */
export function folderFiles(content: FolderContent): { fileName: string; text: string }[] {
  return [...content.files, { fileName: META_FILE_NAME, text: serializeConnectionMeta(content.meta) }];
}

/** Writes files into a folder (created when missing); a path that is not a regular file is never replaced. */
export async function writeFolderFiles(fs: TransportFs, folder: string, files: { fileName: string; text: string }[]): Promise<string[]> {
  await fs.mkdir(folder);
  const written: string[] = [];
  for (const file of files) {
    const path = joinPath(folder, file.fileName);
    const existing = await fs.stat(path);
    if (existing && existing.kind !== 'file') throw new Error(`${path} exists and is a ${existing.kind}; it was not overwritten.`);
    await fs.writeFile(path, utf8(file.text));
    written.push(file.fileName);
  }
  return written;
}

async function ensureWritable(fs: TransportFs, folder: string, force: boolean): Promise<void> {
  const stat = await fs.stat(folder);
  if (!stat) return;
  if (stat.kind !== 'directory') throw new Error(`${folder} exists and is not a folder; choose another target.`);
  if (!force && (await fs.readDir(folder)).length > 0) throw new FolderNotEmptyError(folder);
}

/** With --force, attribute files left from before would be packaged later: say so. */
export async function staleFiles(fs: TransportFs, folder: string, written: string[], name: string): Promise<string[]> {
  const now = new Set(written.map(w => w.toLowerCase()));
  const entries = await fs.readDir(folder);
  return entries
    .filter(e => e.kind === 'file' && /\.json$/i.test(e.name) && !now.has(e.name.toLowerCase())
      && findAttribute(e.name.replace(/\.json$/i, '')) !== undefined)
    .map(e => `${name}: ${e.name} was already in ${folder} and is not part of this export; delete it if the export is the truth, `
      + 'or it will go into the next package.');
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** Folder names for several connections: safe characters only, unique, never "." or "..". */
export function subfolderNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map(name => {
    let safe = name.replace(/[^A-Za-z0-9._ -]+/g, '_').replace(/^[. ]+|[. ]+$/g, '').slice(0, 100);
    if (safe === '' || WINDOWS_RESERVED.test(safe)) safe = `connection_${safe}`;
    let candidate = safe;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${safe}_${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
