/**
 * Scaffolds connection folders for Intercom in one of two models (teammates, contacts): the
 * attribute files of the chosen features (pretty JSON, 2 spaces) and connection.meta.json. The
 * access token is a placeholder. A feature that the model does not have is refused with a reason,
 * never dropped; the contacts model's incremental import next to a full import goes into a second
 * folder, because EIC holds one ImportAccountEntJSON per connection.
 */
import { META_FILE_NAME, META_FORMAT_VERSION, defaultColumns, serializeConnectionMeta, type ConnectionMeta } from './connectionMeta';
import type { FolderFile } from './connectionFolder';
import {
  DEFAULT_INTERCOM_API_VERSION, INTERCOM_MODELS, MODEL_FEATURES, atLeast, intercomTemplates,
  type IntercomFeature, type IntercomModel, type IntercomRegion,
} from './intercomTemplates';
import { baseName, joinPath, utf8, type TransportFs } from './transportFs';
import { DEFAULT_INTERCOM_REGION, isIntercomRegionId } from '../intercom/regions';
import { NEWEST_DOCUMENTED_VERSION, OLDEST_DOCUMENTED_VERSION } from '../intercom/catalog';

export interface InitOptions {
  /** teammates (default) or contacts. */
  model?: IntercomModel;
  region?: IntercomRegion;
  /** Intercom-Version sent by every call (default 2.16). */
  apiVersion?: string;
  /** Default: every feature of the model. */
  features?: IntercomFeature[];
  /** Connection name (default: the folder's name). */
  name?: string;
  ticketTypeId?: string;
  serviceContactId?: string;
  /** Replace files that already exist in the folder. */
  force?: boolean;
}

export interface InitFolderResult {
  folder: string;
  connectionName: string;
  /** File names written, connection.meta.json last. */
  files: string[];
}

export interface InitResult extends InitFolderResult {
  notes: string[];
  /** Further connections written next to the first (the contacts model's incremental import). */
  more: InitFolderResult[];
}

const FEATURE_ALIASES: Record<string, IntercomFeature> = {
  import: 'import', fullimport: 'import',
  incremental: 'incrementalImport', incrementalimport: 'incrementalImport',
  lifecycle: 'contactLifecycle', contactlifecycle: 'contactLifecycle',
  access: 'addRemoveAccess', addremoveaccess: 'addRemoveAccess',
  ticketing: 'ticketing', tickets: 'ticketing',
};

const FEATURE_NAMES: Record<IntercomFeature, string> = {
  import: 'import', incrementalImport: 'incremental', contactLifecycle: 'lifecycle', addRemoveAccess: 'access', ticketing: 'ticketing',
};

/** Why a model does not have a feature (the message `init` refuses it with). */
const NOT_IN_MODEL: Record<IntercomModel, Partial<Record<IntercomFeature, string>>> = {
  teammates: {
    contactLifecycle: 'Intercom\'s API cannot create, change, disable or remove teammates, so in the teammates model every lifecycle request becomes an Intercom ticket: ask for "ticketing" (or use --model contacts for customer contacts).',
    addRemoveAccess: 'Intercom\'s API cannot add teammates to teams or remove them, so in the teammates model access requests become Intercom tickets: ask for "ticketing".',
    incrementalImport: 'teammates come in one unpaginated call (GET /admins), so the full import is already complete on every run; there is no incremental import for them.',
  },
  contacts: {
    ticketing: 'contacts have a full lifecycle through the API (lifecycle, access), so the contacts model raises no tickets; tickets are for teammates (--model teammates).',
  },
};

export function parseModel(text: string): IntercomModel {
  const m = text.trim().toLowerCase();
  if ((INTERCOM_MODELS as readonly string[]).includes(m)) return m as IntercomModel;
  throw new Error(`Unknown model "${text}"; choose teammates (Intercom teammates, provisioned by tickets) or contacts (customer contacts, provisioned by the API).`);
}

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

/** Refuses features the model does not have, naming each and why. */
export function checkModelFeatures(model: IntercomModel, features: readonly IntercomFeature[]): void {
  const refused = features.filter(f => !MODEL_FEATURES[model].includes(f));
  if (!refused.length) return;
  const reasons = refused.map(f => `"${FEATURE_NAMES[f]}": ${NOT_IN_MODEL[model][f] ?? 'not part of this model.'}`);
  throw new Error(`The ${model} model has no ${refused.map(f => `"${FEATURE_NAMES[f]}"`).join(', ')} (its features: ${MODEL_FEATURES[model].map(f => FEATURE_NAMES[f]).join(', ')}). ${reasons.join(' ')}`);
}

/** The documented range ("2.7 to 2.16"), from the catalog; the checks below compare minors (every documented version is 2.x). */
const DOCUMENTED_RANGE = `${OLDEST_DOCUMENTED_VERSION} to ${NEWEST_DOCUMENTED_VERSION}`;
const minorOf = (v: string) => Number(v.split('.')[1]);

/** Checks an Intercom-Version value; returns its canonical spelling and an optional note. */
export function checkApiVersion(version: string): { version: string; note?: string } {
  const v = version.trim();
  if (/^preview$/i.test(v)) return { version: 'Preview', note: 'Intercom-Version "Preview" can change without notice; pin a numbered version for production.' };
  const m = /^2\.(\d+)$/.exec(v);
  if (!m) throw new Error(`"${version}" is not an Intercom API version; write it like ${NEWEST_DOCUMENTED_VERSION} (${DOCUMENTED_RANGE}, or Preview).`);
  const minor = Number(m[1]);
  if (minor < minorOf(OLDEST_DOCUMENTED_VERSION)) {
    const hint = minor === 1 ? ' (2.1 is what 2.10 becomes when a tool reads it as a number; did you mean 2.10?)' : '';
    throw new Error(`Intercom API version ${v} is legacy and has no tickets API${hint}; use ${DOCUMENTED_RANGE}.`);
  }
  if (minor > minorOf(NEWEST_DOCUMENTED_VERSION)) {
    return { version: v, note: `Intercom-Version ${v} is newer than the versions this tool knows (${OLDEST_DOCUMENTED_VERSION}–${NEWEST_DOCUMENTED_VERSION}); check the generated paths against its changelog.` };
  }
  return { version: v };
}

export interface GeneratedFolder {
  connectionName: string;
  files: FolderFile[];
  notes: string[];
  /** The folder name relative to the one asked for: "" for it, "-incremental" for the second. */
  suffix: string;
}

function metaFile(connectionName: string, region: IntercomRegion, model: IntercomModel, version: string, incremental: boolean): FolderFile {
  const meta: ConnectionMeta = {
    formatVersion: META_FORMAT_VERSION,
    columns: {
      ...defaultColumns(connectionName),
      connectiondescription: incremental
        ? `Intercom ${model}, incremental import (${region.toUpperCase()} region, API ${version}): one run reads at most the 150 contacts changed most recently (one page of the search); run it more often than 150 contacts change, beside the scheduled full import.`
        : `Intercom ${model} (${region.toUpperCase()} region, API ${version})`,
    },
    otherColumns: {},
    encrypted: {},
  };
  return { fileName: META_FILE_NAME, text: serializeConnectionMeta(meta) };
}

/** The files of the new Intercom connection folder(s) (no file system involved). */
export function generateIntercomFolders(connectionName: string, options: InitOptions = {}): GeneratedFolder[] {
  const model = options.model ?? 'teammates';
  if (!INTERCOM_MODELS.includes(model)) throw new Error(`Unknown model "${model}"; choose teammates or contacts.`);
  const region = options.region ?? DEFAULT_INTERCOM_REGION.id;
  if (!isIntercomRegionId(region)) throw new Error(`Unknown region "${region}"; choose us, eu or au.`);
  const checked = checkApiVersion(options.apiVersion ?? DEFAULT_INTERCOM_API_VERSION);
  const features = [...new Set(options.features ?? MODEL_FEATURES[model])];
  checkModelFeatures(model, features);
  if (features.includes('ticketing') && !atLeast(checked.version, '2.9')) {
    throw new Error(`Tickets exist in the Intercom API from version 2.9; ${checked.version} cannot raise tickets. Use 2.9 or later.`);
  }
  if (features.includes('incrementalImport') && !atLeast(checked.version, '2.16')) {
    throw new Error(`The incremental import reads the newest changes first by sorting the contact search, and Intercom's search takes "sort" from version 2.16 on; with ${checked.version} one run would read an arbitrary page and lose changes silently. Use --api-version 2.16, or leave out "incremental".`);
  }
  const templates = intercomTemplates({
    model, region, apiVersion: checked.version, features, ticketTypeId: options.ticketTypeId, serviceContactId: options.serviceContactId,
  });
  return templates.folders.map(folder => {
    const incremental = folder.role === 'incremental';
    const name = incremental ? `${connectionName} incremental` : connectionName;
    const files: FolderFile[] = Object.entries(folder.attributes)
      .map(([attribute, doc]) => ({ fileName: `${attribute}.json`, text: JSON.stringify(doc, null, 2) }));
    files.push(metaFile(name, region, model, checked.version, incremental));
    const notes = [
      'ConnectionJSON holds a placeholder access token: set the real token in EIC after import (packages never carry it).',
      ...(checked.note ? [checked.note] : []),
      ...folder.notes,
    ];
    return { connectionName: name, files, notes, suffix: incremental ? '-incremental' : '' };
  });
}

/** The files of the first folder (kept for callers that scaffold one folder). */
export function generateIntercomFolder(connectionName: string, options: InitOptions = {}): GeneratedFolder {
  return generateIntercomFolders(connectionName, options)[0];
}

async function writeFolder(fs: TransportFs, folder: string, generated: GeneratedFolder, force: boolean | undefined): Promise<void> {
  const stat = await fs.stat(folder);
  if (stat && stat.kind !== 'directory') throw new Error(`${folder} exists and is not a folder.`);
  if (stat && !force) {
    const existing = new Set((await fs.readDir(folder)).map(e => e.name.toLowerCase()));
    const clashes = generated.files.filter(f => existing.has(f.fileName.toLowerCase())).map(f => f.fileName);
    if (clashes.length) throw new Error(`${folder} already has ${clashes.join(', ')}; choose another folder, or pass --force to replace them.`);
  }
}

/** Writes the new Intercom connection folder(s). Refuses to replace existing files unless force. */
export async function initIntercomFolder(fs: TransportFs, folder: string, options: InitOptions = {}): Promise<InitResult> {
  const name = options.name ?? baseName(folder);
  if (!name) throw new Error('The connection needs a name: give a folder name or --name.');
  const generated = generateIntercomFolders(name, options);
  const targets = generated.map(g => ({ g, path: `${folder.replace(/[\\/]+$/, '')}${g.suffix}` }));
  // Check every folder before writing any, so that a refusal leaves nothing half-written.
  for (const t of targets) await writeFolder(fs, t.path, t.g, options.force);
  const written: InitFolderResult[] = [];
  for (const { g, path } of targets) {
    await fs.mkdir(path);
    for (const file of g.files) {
      const target = joinPath(path, file.fileName);
      const existing = await fs.stat(target);
      if (existing && existing.kind !== 'file') throw new Error(`${target} exists and is a ${existing.kind}; it was not replaced.`);
      await fs.writeFile(target, utf8(file.text));
    }
    written.push({ folder: path, connectionName: g.connectionName, files: g.files.map(f => f.fileName) });
  }
  const notes = generated.flatMap((g, i) => i === 0 ? g.notes : g.notes.slice(1).map(n => `${g.connectionName}: ${n}`));
  return { ...written[0], notes: [...new Set(notes)], more: written.slice(1) };
}
