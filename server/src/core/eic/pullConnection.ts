/**
 * Pulling a connection from the tenant into a connection folder, written exactly as unpacking an
 * export of it would: the same attribute files (text as the tenant holds it) and
 * connection.meta.json, ConnectionJSON's ciphertext kept in the metadata (a readable one only
 * with its credentials replaced by placeholders). A file whose text would change is a local
 * change: nothing is written then unless forced. Files equal but for formatting are left alone.
 */
import { EXPORT_ATTRIBUTE_ORDER, findAttribute } from '../attributes';
import { parseConnectionMeta } from '../transport/connectionMeta';
import { connectionToFolderContent, type ExportedConnection, type FolderContent } from '../transport/exportFile';
import type { JsonValue } from '../transport/lenientJson';
import { protectConnectionJson } from '../transport/secrets';
import { fromUtf8, joinPath, stripBom, type TransportFs } from '../transport/transportFs';
import { folderFiles, writeFolderFiles } from '../transport/unpack';
import { canonicalJson, compareTexts } from './attributeText';
import type { ConnectionJsonReadBack, TenantConnection } from './tenantConnection';

export interface PullOptions {
  /** Overwrite files whose text differs (local changes are lost). */
  force?: boolean;
  /** The tenant's host, recorded as where the folder came from. */
  host?: string;
}

export interface PullConflict {
  fileName: string;
  reason: string;
}

export interface PullResult {
  connectionName: string;
  folder: string;
  /** Files written (new or replaced). */
  written: string[];
  /** Files that already held exactly this text. */
  unchanged: string[];
  /** Local files left as they are: equal to the tenant's but for formatting, or ConnectionJSON (write-only). */
  keptLocal: string[];
  /** Files with local changes that were overwritten (force). */
  overwritten: string[];
  connectionJson: ConnectionJsonReadBack;
  /** Values kept in connection.meta.json as ciphertext. */
  encrypted: string[];
  notes: string[];
}

export class PullConflictError extends Error {
  constructor(readonly folder: string, readonly conflicts: PullConflict[]) {
    super(`Nothing was pulled: ${conflicts.length} file(s) in ${folder} differ from the tenant's connection and would be overwritten: `
      + `${conflicts.map(c => `${c.fileName} (${c.reason})`).join(', ')}. Compare first, or pull again with --force (in the editor: Overwrite) to replace them.`);
    this.name = 'PullConflictError';
  }
}

/** The tenant's connection as an export would list it (EIC's attribute order, unset values ""). */
export function tenantAsExport(tenant: TenantConnection): { connection: ExportedConnection; notes: string[] } {
  const notes: string[] = [];
  const columns: [string, JsonValue][] = [
    ['connectionname', tenant.name],
    ['connectiondescription', tenant.description ?? ''],
    ['externalconnectiontype', tenant.type ?? 'REST'],
    ['status', tenant.status ?? 1],
  ];
  const names = [...EXPORT_ATTRIBUTE_ORDER];
  for (const [name, value] of tenant.attributes) {
    if (!names.some(n => n.toLowerCase() === name.toLowerCase()) && value) names.push(name);
  }
  const value = (name: string): string => {
    if (name === 'ConnectionJSON') {
      if (tenant.connectionJson !== 'plaintext' || !tenant.connectionJsonValue) return '';
      const protectedText = protectConnectionJson(tenant.connectionJsonValue, /intercom/i.test(tenant.name) ? 'Intercom' : undefined);
      notes.push(`The tenant returned ConnectionJSON readable; ${protectedText.replacements.length} credential(s) in it were replaced by placeholders, `
        + 'so that no secret is written to a file.');
      return protectedText.text;
    }
    return tenant.attributes.get(name) ?? '';
  };
  const attributes = names.map(name => ({ name, value: value(name), unusual: [] as string[] }));
  return { connection: { key: tenant.name, columns, attributes }, notes };
}

/** The folder content a pull writes (the same as unpack would). */
export function pulledContent(tenant: TenantConnection, host?: string): FolderContent {
  const { connection, notes } = tenantAsExport(tenant);
  const content = connectionToFolderContent(connection, host ? { system: host } : undefined);
  if (tenant.connectionJson === 'ciphertext' && tenant.connectionJsonValue) {
    (content.meta.encrypted.attributes ??= {}).ConnectionJSON = tenant.connectionJsonValue;
    if (!content.encrypted.includes('ConnectionJSON')) content.encrypted.push('ConnectionJSON');
  }
  if (tenant.connectionJson === 'omitted' || tenant.connectionJson === 'empty') {
    notes.push(`The tenant did not return ConnectionJSON (${tenant.connectionJson === 'omitted' ? 'it keeps it to itself' : 'it is empty'}); no ConnectionJSON file was written.`);
  }
  content.notes.push(...notes);
  return content;
}

/** Metadata equal except for the ciphertext (which changes with every save on the tenant). */
function sameMetaApartFromCiphertext(a: string, b: string): boolean {
  const pa = parseConnectionMeta(stripBom(a));
  const pb = parseConnectionMeta(stripBom(b));
  if (pa.errors.length || pb.errors.length) return false;
  const strip = (m: typeof pa.meta) => canonicalJson({ ...m, encrypted: undefined });
  return strip(pa.meta) === strip(pb.meta);
}

export async function pullIntoFolder(fs: TransportFs, tenant: TenantConnection, folder: string, options: PullOptions = {}): Promise<PullResult> {
  const content = pulledContent(tenant, options.host);
  const stat = await fs.stat(folder);
  if (stat && stat.kind !== 'directory') throw new Error(`${folder} exists and is not a folder; choose another target.`);
  const existingNames = new Map<string, string>();
  if (stat) for (const e of await fs.readDir(folder)) if (e.kind === 'file') existingNames.set(e.name.toLowerCase(), e.name);

  const result: PullResult = {
    connectionName: content.name, folder, written: [], unchanged: [], keptLocal: [], overwritten: [],
    connectionJson: tenant.connectionJson, encrypted: content.encrypted, notes: [...content.notes],
  };
  const toWrite: { fileName: string; text: string }[] = [];
  const conflicts: PullConflict[] = [];
  for (const file of folderFiles(content)) {
    // Write over the folder's own spelling of the name (createaccountjson.json stays that file).
    const fileName = existingNames.get(file.fileName.toLowerCase()) ?? file.fileName;
    if (!existingNames.has(file.fileName.toLowerCase())) { toWrite.push({ fileName, text: file.text }); continue; }
    if (file.fileName.toLowerCase() === 'connectionjson.json') {
      result.keptLocal.push(fileName);
      result.notes.push(`${fileName} was left as it is: what the tenant returns for ConnectionJSON is not reliable (it is write-only).`);
      continue;
    }
    const current = fromUtf8(await fs.readFile(joinPath(folder, fileName)));
    if (current === file.text) { result.unchanged.push(fileName); continue; }
    const isMeta = file.fileName.toLowerCase() === 'connection.meta.json';
    if (isMeta ? sameMetaApartFromCiphertext(current, file.text) : compareTexts(stripBom(current), file.text) === 'formatting') {
      if (isMeta) toWrite.push({ fileName, text: file.text });
      else result.keptLocal.push(fileName);
      continue;
    }
    conflicts.push({ fileName, reason: isMeta ? 'the connection\'s columns differ' : 'its text differs from the tenant\'s' });
    toWrite.push({ fileName, text: file.text });
  }
  if (conflicts.length && !options.force) throw new PullConflictError(folder, conflicts);
  result.overwritten = conflicts.map(c => c.fileName);
  result.written = await writeFolderFiles(fs, folder, toWrite);
  const pulled = new Set([...result.written, ...result.unchanged, ...result.keptLocal].map(n => n.toLowerCase()));
  for (const name of existingNames.values()) {
    if (pulled.has(name.toLowerCase()) || !/\.json$/i.test(name) || !findAttribute(name.replace(/\.json$/i, ''))) continue;
    if (name.toLowerCase() === 'connectionjson.json') {
      result.notes.push(`${name} was left as it is: the tenant's ConnectionJSON is write-only${result.encrypted.includes('ConnectionJSON') ? ' (its ciphertext is in connection.meta.json)' : ''}.`);
      continue;
    }
    result.notes.push(`${name} is not on the tenant; it was left in the folder (delete it if the tenant's connection is the truth, or it goes with the next deploy).`);
  }
  return result;
}
