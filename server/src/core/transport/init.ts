/**
 * Scaffolds a connection folder for Intercom: the attribute files for the chosen features
 * (pretty JSON, 2 spaces) and connection.meta.json. The access token is a placeholder.
 */
import { META_FILE_NAME, META_FORMAT_VERSION, defaultColumns, serializeConnectionMeta, type ConnectionMeta } from './connectionMeta';
import type { FolderFile } from './connectionFolder';
import {
  DEFAULT_INTERCOM_API_VERSION, INTERCOM_FEATURES, compareIntercomVersions, intercomTemplates,
  type IntercomFeature, type IntercomRegion,
} from './intercomTemplates';
import { baseName, joinPath, utf8, type TransportFs } from './transportFs';

export interface InitOptions {
  region?: IntercomRegion;
  /** Intercom-Version sent by every call (default 2.15). */
  apiVersion?: string;
  /** Default: import, contactLifecycle, addRemoveAccess, ticketing. */
  features?: IntercomFeature[];
  /** Connection name (default: the folder's name). */
  name?: string;
  ticketTypeId?: string;
  /** Replace files that already exist in the folder. */
  force?: boolean;
}

export interface InitResult {
  folder: string;
  connectionName: string;
  /** File names written, connection.meta.json last. */
  files: string[];
  notes: string[];
}

export const DEFAULT_INIT_FEATURES: IntercomFeature[] = ['import', 'contactLifecycle', 'addRemoveAccess', 'ticketing'];

const FEATURE_ALIASES: Record<string, IntercomFeature> = {
  import: 'import', fullimport: 'import',
  incremental: 'incrementalImport', incrementalimport: 'incrementalImport',
  lifecycle: 'contactLifecycle', contactlifecycle: 'contactLifecycle',
  access: 'addRemoveAccess', addremoveaccess: 'addRemoveAccess',
  ticketing: 'ticketing', tickets: 'ticketing',
};

/** Reads "import,incremental,lifecycle,access,ticketing" (full feature names work too). */
export function parseFeatureList(text: string): IntercomFeature[] {
  const out: IntercomFeature[] = [];
  for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
    const feature = FEATURE_ALIASES[raw.toLowerCase().replace(/[-_]/g, '')];
    if (!feature) throw new Error(`Unknown feature "${raw}"; choose from import, incremental, lifecycle, access, ticketing.`);
    if (!out.includes(feature)) out.push(feature);
  }
  if (out.length === 0) throw new Error('No feature given; choose from import, incremental, lifecycle, access, ticketing.');
  return out;
}

/** Checks an Intercom-Version value; returns its canonical spelling and an optional note. */
export function checkApiVersion(version: string): { version: string; note?: string } {
  const v = version.trim();
  if (/^preview$/i.test(v)) return { version: 'Preview', note: 'Intercom-Version "Preview" can change without notice; pin a numbered version for production.' };
  const m = /^2\.(\d+)$/.exec(v);
  if (!m) throw new Error(`"${version}" is not an Intercom API version; write it like 2.15 (2.7 to 2.16, or Preview).`);
  const minor = Number(m[1]);
  if (minor < 7) {
    const hint = minor === 1 ? ' (2.1 is what 2.10 becomes when a tool reads it as a number; did you mean 2.10?)' : '';
    throw new Error(`Intercom API version ${v} is legacy and has no tickets API${hint}; use 2.7 to 2.16.`);
  }
  if (minor > 16) return { version: v, note: `Intercom-Version ${v} is newer than the versions this tool knows (2.7–2.16); check the generated paths against its changelog.` };
  return { version: v };
}

export interface GeneratedFolder {
  connectionName: string;
  files: FolderFile[];
  notes: string[];
}

/** The files of a new Intercom connection folder (no file system involved). */
export function generateIntercomFolder(connectionName: string, options: InitOptions = {}): GeneratedFolder {
  const region = options.region ?? 'us';
  if (!['us', 'eu', 'au'].includes(region)) throw new Error(`Unknown region "${region}"; choose us, eu or au.`);
  const checked = checkApiVersion(options.apiVersion ?? DEFAULT_INTERCOM_API_VERSION);
  const features = (options.features ?? DEFAULT_INIT_FEATURES).filter(f => INTERCOM_FEATURES.includes(f));
  if (features.includes('ticketing') && compareIntercomVersions(checked.version, '2.9') < 0) {
    throw new Error(`Tickets exist in the Intercom API from version 2.9; ${checked.version} cannot raise tickets. Use 2.9 or later, or leave out ticketing.`);
  }
  const templates = intercomTemplates({ region, apiVersion: checked.version, features, ticketTypeId: options.ticketTypeId });
  const files: FolderFile[] = Object.entries(templates.attributes)
    .map(([attribute, doc]) => ({ fileName: `${attribute}.json`, text: JSON.stringify(doc, null, 2) }));
  const meta: ConnectionMeta = {
    formatVersion: META_FORMAT_VERSION,
    columns: {
      ...defaultColumns(connectionName),
      connectiondescription: `Intercom (${region.toUpperCase()} region, API ${checked.version})`,
    },
    otherColumns: {},
    encrypted: {},
  };
  files.push({ fileName: META_FILE_NAME, text: serializeConnectionMeta(meta) });
  const notes = [
    'ConnectionJSON holds a placeholder access token: set the real token in EIC after import (packages never carry it).',
    ...(checked.note ? [checked.note] : []),
    ...templates.notes,
  ];
  return { connectionName, files, notes };
}

/** Writes a new Intercom connection folder. Refuses to replace existing files unless force. */
export async function initIntercomFolder(fs: TransportFs, folder: string, options: InitOptions = {}): Promise<InitResult> {
  const name = options.name ?? baseName(folder);
  if (!name) throw new Error('The connection needs a name: give a folder name or --name.');
  const generated = generateIntercomFolder(name, options);
  const stat = await fs.stat(folder);
  if (stat && stat.kind !== 'directory') throw new Error(`${folder} exists and is not a folder.`);
  if (stat && !options.force) {
    const existing = new Set((await fs.readDir(folder)).map(e => e.name.toLowerCase()));
    const clashes = generated.files.filter(f => existing.has(f.fileName.toLowerCase())).map(f => f.fileName);
    if (clashes.length) throw new Error(`${folder} already has ${clashes.join(', ')}; choose another folder, or pass --force to replace them.`);
  }
  await fs.mkdir(folder);
  for (const file of generated.files) {
    const path = joinPath(folder, file.fileName);
    const existing = await fs.stat(path);
    if (existing && existing.kind !== 'file') throw new Error(`${path} exists and is a ${existing.kind}; it was not replaced.`);
    await fs.writeFile(path, utf8(file.text));
  }
  return { folder, connectionName: name, files: generated.files.map(f => f.fileName), notes: generated.notes };
}
