/**
 * The connection folder: one `<AttributeName>.json` file per attribute (name matched
 * case-insensitively against the attribute catalog) plus an optional
 * `connection.meta.json`. The folder's name is the connection name unless the metadata
 * file says otherwise.
 */
import { EXPORT_ATTRIBUTE_ORDER, findAttribute } from '../attributes';
import {
  META_FILE_NAME, emptyMeta, parseConnectionMeta, type ConnectionMeta,
} from './connectionMeta';
import { baseName, fromUtf8, joinPath, stripBom, type TransportFs } from './transportFs';

/** Attribute files above this size are refused (real values are at most a few tens of KB). */
export const MAX_ATTRIBUTE_FILE_BYTES = 5 * 1024 * 1024;

export interface AttributeFile {
  /** The attribute name as it goes into EXTERNAL_ATTR (catalog spelling, or the export's own). */
  name: string;
  fileName: string;
  path: string;
  /** The file's text (UTF-8, byte-order mark removed). */
  text: string;
  /** False for names only known from the metadata's attributeNames (SOAP, newer EIC). */
  inCatalog: boolean;
}

export interface ConnectionFolder {
  path: string;
  /** The connection name: metadata `connectionname`, else the folder's name. */
  name: string;
  meta: ConnectionMeta;
  hasMetaFile: boolean;
  /** The metadata file as read (its columns go into the package, so it is checked for secrets too). */
  metaFile?: FolderFile;
  /** In EIC's attribute order. */
  attributes: AttributeFile[];
  /** Files that are not attribute files, each with the reason. */
  ignored: string[];
  errors: string[];
  warnings: string[];
}

/** A file handed to assembleConnectionFolder (e.g. unsaved editor contents). */
export interface FolderFile {
  fileName: string;
  text: string;
}

/** Reads a connection folder from disk (or workspace.fs) through the injected file system. */
export async function readConnectionFolder(fs: TransportFs, folderPath: string): Promise<ConnectionFolder> {
  const stat = await fs.stat(folderPath);
  if (!stat) throw new Error(`${folderPath} does not exist; give the path of a connection folder.`);
  if (stat.kind !== 'directory') throw new Error(`${folderPath} is not a folder; give the folder that holds the attribute files.`);
  const files: FolderFile[] = [];
  const preIgnored: string[] = [];
  const errors: string[] = [];
  const entries = (await fs.readDir(folderPath)).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    if (!/\.json$/i.test(entry.name) || entry.name.startsWith('.')) continue;
    if (entry.kind !== 'file') {
      const what = entry.kind === 'symlink' ? 'a symlink, ' : entry.kind === 'directory' ? 'a folder, ' : '';
      preIgnored.push(`${entry.name}: ${what}not a regular file; it is not read.`);
      continue;
    }
    const filePath = joinPath(folderPath, entry.name);
    const tooLarge = (size: number) => `${entry.name}: ${size} bytes is more than an attribute can be (limit ${MAX_ATTRIBUTE_FILE_BYTES}); is this really an attribute file?`;
    // The size first: a huge file is refused without being read.
    const size = (await fs.stat(filePath))?.size ?? 0;
    if (size > MAX_ATTRIBUTE_FILE_BYTES) { errors.push(tooLarge(size)); continue; }
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(filePath);
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
      errors.push(`${entry.name}: cannot be read (${reason}).`);
      continue;
    }
    if (bytes.length > MAX_ATTRIBUTE_FILE_BYTES) { errors.push(tooLarge(bytes.length)); continue; }
    files.push({ fileName: entry.name, text: fromUtf8(bytes) });
  }
  const folder = assembleConnectionFolder(folderPath, files);
  folder.ignored.unshift(...preIgnored);
  folder.errors.unshift(...errors);
  return folder;
}

/** Builds the folder model from file names and texts (no file system involved). */
export function assembleConnectionFolder(folderPath: string, files: FolderFile[]): ConnectionFolder {
  const errors: string[] = [];
  const warnings: string[] = [];
  const ignored: string[] = [];
  let meta = emptyMeta();
  const metaFile = files.find(f => f.fileName.toLowerCase() === META_FILE_NAME);
  if (metaFile) {
    const parsed = parseConnectionMeta(stripBom(metaFile.text), metaFile.fileName);
    meta = parsed.meta;
    errors.push(...parsed.errors);
    warnings.push(...parsed.warnings);
  }
  const declared = new Map((meta.attributeNames ?? []).map(n => [n.toLowerCase(), n]));
  const byName = new Map<string, AttributeFile>();
  for (const file of files) {
    if (file === metaFile) continue;
    const stem = file.fileName.replace(/\.json$/i, '');
    const info = findAttribute(stem);
    const name = declared.get(stem.toLowerCase()) ?? info?.name;
    if (!name) {
      ignored.push(`${file.fileName}: not the name of a connection attribute; it is not packaged.`);
      continue;
    }
    const previous = byName.get(name.toLowerCase());
    if (previous) {
      errors.push(`${previous.fileName} and ${file.fileName} are the same attribute (${name}); keep only one of them.`);
      continue;
    }
    let text = file.text;
    if (text.charCodeAt(0) === 0xfeff) {
      text = stripBom(text);
      warnings.push(`${file.fileName}: the byte-order mark at the start of the file was left out of the package.`);
    }
    byName.set(name.toLowerCase(), {
      name, fileName: file.fileName, path: joinPath(folderPath, file.fileName), text, inCatalog: info !== undefined,
    });
  }
  const folderName = baseName(folderPath);
  const metaName = meta.columns.connectionname;
  const name = typeof metaName === 'string' && metaName ? metaName : folderName;
  return {
    path: folderPath, name, meta, hasMetaFile: metaFile !== undefined, ...(metaFile ? { metaFile } : {}),
    attributes: sortAttributes([...byName.values()], meta.attributeNames),
    ignored, errors, warnings,
  };
}

/** Sorts by the export's own list when known, else by EIC's REST order, then by catalog/alphabet. */
function sortAttributes(files: AttributeFile[], declaredOrder?: string[]): AttributeFile[] {
  const order = declaredOrder ?? EXPORT_ATTRIBUTE_ORDER;
  const rank = (name: string) => {
    const i = order.findIndex(n => n.toLowerCase() === name.toLowerCase());
    return i >= 0 ? i : order.length;
  };
  return files.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
