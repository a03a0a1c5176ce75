/**
 * Builds an EIC transport package (the zip Admin → Transport → Import takes) from a
 * connection folder, laid out like EIC's own exports:
 *
 *   Connection_<yyyy-MM-dd_HH-mm-ss>(UTC).json     { "<name>": { columns…, "EXTERNAL_ATTR": [ … ] } }
 *   ObjectSummary_<yyyy-MM-dd_HH-mm-ss>(UTC).json  { "Objects": {"connection": [name]}, "Information": {…} }
 *
 * Deterministic: the same folder and timestamp give the same bytes (sorted entries, one
 * fixed entry time, a GUID derived from the content). Refuses when the check reports
 * errors (unless allowErrors) and whenever a literal credential would leave in clear.
 */
import { ATTRIBUTES, EXPORT_ATTRIBUTE_ORDER, findAttribute } from '../attributes';
import { readConnectionFolder, type AttributeFile, type ConnectionFolder } from './connectionFolder';
import { ENVELOPE_COLUMNS, defaultColumns, type PlainJson } from './connectionMeta';
import { writeEicJson, type EicJson } from './eicJsonWriter';
import { jsonSyntaxValidator, type PackageValidator } from './packageValidator';
import { removeTopLevelSchemaKey } from './schemaKey';
import { findLiteralCredentials, protectConnectionJson } from './secrets';
import { formatFileStamp, formatSummaryStamp, truncateToSecond } from './timestamp';
import type { TransportFs } from './transportFs';
import { utf8 } from './transportFs';
import type { ZipWriter } from './zipWriter';
import { sha256, toHex } from '../text/sha256';

export interface PackageOptions {
  /** The export time written into entry names and the summary (default: now). */
  timestamp?: Date;
  /** "Exported By" in the summary (default: the unpacked export's, else "admin"). */
  exportedBy?: string;
  /** "System" in the summary: the tenant host (default: the unpacked export's, else "localhost"). */
  system?: string;
  /** Package even when the check reports errors (the messages are returned). Never allows secrets. */
  allowErrors?: boolean;
  /** The check run first (default: JSON syntax only). */
  validate?: PackageValidator;
  /** Deflate entries (default true, like EIC). */
  compress?: boolean;
}

/** What packaging needs from the host: a zip writer (node/package.ts binds yazl's). */
export interface PackageRuntime {
  writeZip: ZipWriter;
}

export interface SecretPlaceholderReport {
  fileName: string;
  line: number;
  jsonPath: string;
  what: string;
}

export interface PackageResult {
  zip: Uint8Array;
  /** The name EIC gives a transport download: transport_<user>_<stamp>(UTC).zip. */
  fileName: string;
  connectionName: string;
  stamp: string;
  /** The zip's entries as text, in zip order. */
  entries: { name: string; text: string }[];
  /** Credentials in ConnectionJSON that were replaced by placeholders. */
  secretPlaceholders: SecretPlaceholderReport[];
  /** Things the user should know (carried-over ciphertext, removed $schema, ignored files). */
  notes: string[];
  /** Check messages that did not stop the package (allowErrors), or warnings. */
  checkMessages: string[];
  /** Calls naming an authentication the package has no ConnectionJSON for (also in checkMessages). */
  authenticationWarnings: string[];
}

export class PackageRefusedError extends Error {
  /**
   * @param reasons every line of the refusal, as the CLI prints it (the check's findings, then a summary).
   * @param findings the check's findings alone (file:line:col: [code] message), when the check refused.
   */
  constructor(readonly reasons: string[], readonly findings: string[] = []) {
    super(`The package was not written:\n${reasons.map(r => `  - ${r}`).join('\n')}`);
    this.name = 'PackageRefusedError';
  }
}

/**
 * Warnings for calls that name an authentication (`"connection": "acctAuth"`) the package has no
 * ConnectionJSON for — neither a file nor the encrypted value an unpacked export keeps in
 * connection.meta.json: after import, such calls have nothing to authenticate with. (With a
 * ConnectionJSON, the check's unknown-connection rule names the missing ones.)
 */
export function missingAuthenticationWarnings(folder: Pick<ConnectionFolder, 'attributes'> & { meta?: Pick<ConnectionFolder['meta'], 'encrypted'> }): string[] {
  const hasConnectionJson = folder.attributes.some(a => a.name.toLowerCase() === 'connectionjson' && a.text.trim() !== '')
    || lookup(folder.meta?.encrypted.attributes ?? {}, 'ConnectionJSON') !== undefined;
  if (hasConnectionJson) return [];
  const used = new Map<string, string[]>();
  for (const attr of folder.attributes) {
    for (const m of attr.text.matchAll(/"connection"\s*:\s*"([^"\\]+)"/g)) {
      const files = used.get(m[1]) ?? [];
      if (!files.includes(attr.fileName)) files.push(attr.fileName);
      used.set(m[1], files);
    }
  }
  return [...used].map(([name, files]) => `${files.join(', ')} ${files.length === 1 ? 'uses' : 'use'} the authentication "${name}", `
    + `but the package has no ConnectionJSON: in EIC these calls would have nothing to authenticate with. Add ConnectionJSON.json `
    + `with an "${name}" block to the folder, or set ConnectionJSON in EIC after the import.`);
}

/** Reads the folder, then builds its package. */
export async function packageConnectionFolder(fs: TransportFs, folderPath: string, options: PackageOptions & PackageRuntime): Promise<PackageResult> {
  return buildPackage(await readConnectionFolder(fs, folderPath), options);
}

export async function buildPackage(folder: ConnectionFolder, options: PackageOptions & PackageRuntime): Promise<PackageResult> {
  if (folder.errors.length) throw new PackageRefusedError(folder.errors);
  if (!folder.attributes.length) {
    const ignored = folder.ignored.length ? ` (not packaged: ${folder.ignored.join(' ')})` : '';
    throw new PackageRefusedError([`${folder.path} holds no attribute files, so there is nothing to package${ignored}. `
      + 'A connection folder has one <AttributeName>.json per attribute (ConnectionJSON.json, ImportAccountEntJSON.json …); '
      + 'create one with "saviynt-rest init <folder>", or give the folder that holds them.']);
  }
  const authenticationWarnings = missingAuthenticationWarnings(folder);
  const checkMessages = [...folder.warnings, ...authenticationWarnings];
  const outcome = await (options.validate ?? jsonSyntaxValidator)(folder.attributes.map(a => ({
    attribute: a.name, fileName: a.fileName, path: a.path, text: a.text,
  })));
  if (outcome.errors > 0 && !options.allowErrors) {
    throw new PackageRefusedError([...outcome.messages,
      `${outcome.errors} error(s) in ${folder.path}: fix them, or package anyway with --allow-errors (allowErrors).`], outcome.messages);
  }
  checkMessages.push(...outcome.messages);

  const notes = folder.ignored.map(i => `ignored ${i}`);
  const values = prepareValues(folder, notes);
  const columns = envelopeColumns(folder);
  const attributeNames = attributeList(folder);
  const encryptedAttrs = folder.meta.encrypted.attributes ?? {};
  const nullAttrs = new Set((folder.meta.nullAttributes ?? []).map(n => n.toLowerCase()));
  const externalAttr: EicJson[] = attributeNames.map(name => {
    const key = name.toLowerCase();
    let value: string | null;
    if (values.texts.has(key)) {
      value = values.texts.get(key)!;
      if (lookup(encryptedAttrs, name) !== undefined) {
        notes.push(`${name}: the file replaces the encrypted value kept in connection.meta.json.`);
      }
    } else if (lookup(encryptedAttrs, name) !== undefined) {
      value = lookup(encryptedAttrs, name)!;
      const tenant = folder.meta.exportedFrom?.system ? ` (${folder.meta.exportedFrom.system})` : '';
      notes.push(`${name}: carried the encrypted value from connection.meta.json; only the tenant that exported it${tenant} `
        + `can decrypt it — on any other tenant, set ${name} in EIC after import.`);
    } else {
      value = nullAttrs.has(key) ? null : '';
    }
    if (findAttribute(name)?.secret && !value) notes.push(`${name} is empty in the package: set it in EIC after import.`);
    return new Map<string, EicJson>([
      ['formdata', null], ['credentialSaveStatus', false], ['attributename', name], ['encryptedattributevalue', value],
    ]);
  });
  const envelope = new Map<string, EicJson>(columns);
  envelope.set('EXTERNAL_ATTR', externalAttr);
  const connectionText = writeEicJson(new Map([[folder.name, envelope]]));

  const when = truncateToSecond(options.timestamp ?? new Date());
  const stamp = formatFileStamp(when);
  const exportedBy = options.exportedBy ?? folder.meta.exportedFrom?.exportedBy ?? 'admin';
  const system = options.system ?? folder.meta.exportedFrom?.system ?? 'localhost';
  const summaryText = writeEicJson(new Map<string, EicJson>([
    ['Objects', new Map<string, EicJson>([['connection', [folder.name]]])],
    ['Information', new Map<string, EicJson>([
      ['GUID', guidFrom(connectionText, stamp, exportedBy, system)],
      ['Exported By', exportedBy],
      ['Exported On', formatSummaryStamp(when)],
      ['System', system],
      ['TransferOwners', '0'],
      ['TransferUsers', '0'],
    ])],
  ]));
  const entries = [
    { name: `Connection_${stamp}(UTC).json`, text: connectionText },
    { name: `ObjectSummary_${stamp}(UTC).json`, text: summaryText },
  ];
  // Every byte that goes into the zip passes the detector once more (columns, summary, values).
  const leaks = entries.flatMap(e => findLiteralCredentials(e.text, 3).map(lit => `the package entry ${e.name}, line ${lit.line}: `
    + `this looks like ${lit.kind} ("${lit.excerpt}"); it comes from the folder or the options. A package must not carry credentials in clear.`));
  if (leaks.length) throw new PackageRefusedError(leaks);
  const zip = await options.writeZip(entries.map(e => ({ name: e.name, data: utf8(e.text) })), when, { compress: options.compress });
  return {
    zip, fileName: `transport_${safeFilePart(exportedBy)}_${stamp}(UTC).zip`, connectionName: folder.name, stamp,
    entries, secretPlaceholders: values.placeholders, notes, checkMessages, authenticationWarnings,
  };
}

interface PreparedValues {
  /** Lower-case attribute name → value text. */
  texts: Map<string, string>;
  placeholders: SecretPlaceholderReport[];
}

/** Applies the secret rules and removes "$schema"; throws when a literal credential is found. */
function prepareValues(folder: ConnectionFolder, notes: string[]): PreparedValues {
  const texts = new Map<string, string>();
  const placeholders: SecretPlaceholderReport[] = [];
  const refusals: string[] = [];
  const product = looksLikeIntercom(folder) ? 'Intercom' : undefined;
  const schemaRemoved: string[] = [];
  for (const attr of folder.attributes) {
    let text = attr.text;
    if (isSecretAttribute(attr)) {
      const protectedText = protectConnectionJson(text, product);
      text = protectedText.text;
      for (const r of protectedText.replacements) placeholders.push({ fileName: attr.fileName, line: r.line, jsonPath: r.jsonPath, what: r.what });
    } else {
      for (const lit of findLiteralCredentials(text)) {
        refusals.push(`${attr.fileName} line ${lit.line}, column ${lit.column}: this looks like ${lit.kind} `
          + `("${lit.excerpt}"). A package must not carry credentials in clear: keep the token in ConnectionJSON `
          + '("accessToken") and write "Authorization": "${access_token}" here, or reference a ConnectionJSON key as "${connection.<key>}".');
      }
    }
    const withoutSchema = removeTopLevelSchemaKey(text);
    if (withoutSchema.removed) schemaRemoved.push(attr.fileName);
    // An empty file means "unset" (and does not hide a kept encrypted value).
    if (withoutSchema.text.trim() !== '') texts.set(attr.name.toLowerCase(), withoutSchema.text);
  }
  if (folder.metaFile) {
    for (const lit of findLiteralCredentials(folder.metaFile.text)) {
      refusals.push(`${folder.metaFile.fileName} line ${lit.line}, column ${lit.column}: this looks like ${lit.kind} `
        + `("${lit.excerpt}"). The connection's columns (description and the others) go into the package in clear: remove it.`);
    }
  }
  if (refusals.length) throw new PackageRefusedError(refusals);
  if (schemaRemoved.length) notes.push(`left the editor-only "$schema" key out of ${schemaRemoved.join(', ')}.`);
  return { texts, placeholders };
}

function isSecretAttribute(attr: AttributeFile): boolean {
  return findAttribute(attr.name)?.secret === true || attr.name.toLowerCase() === 'connectionjson';
}

function looksLikeIntercom(folder: ConnectionFolder): boolean {
  const template = folder.meta.columns.templateName;
  return /intercom/i.test(folder.name) || (typeof template === 'string' && /intercom/i.test(template))
    || folder.attributes.some(a => /intercom\.io/i.test(a.text));
}

/** The envelope columns in the order this tool writes them; unknown columns go last. */
function envelopeColumns(folder: ConnectionFolder): [string, EicJson][] {
  const values: Record<string, PlainJson> = { ...defaultColumns(folder.name), ...stripUndefined(folder.meta.columns) };
  values.connectionname = folder.name;
  if (folder.meta.encrypted.templateMandatoryData !== undefined) values.templateMandatoryData = folder.meta.encrypted.templateMandatoryData;
  const out: [string, EicJson][] = ENVELOPE_COLUMNS.map(c => [c, values[c] as EicJson]);
  for (const [k, v] of Object.entries(folder.meta.otherColumns)) {
    if (k === 'EXTERNAL_ATTR' || (ENVELOPE_COLUMNS as readonly string[]).includes(k)) continue;
    out.push([k, v as EicJson]);
  }
  return out;
}

/** The export's own attribute list when recorded, else the 24 REST attributes plus any other catalog attribute present. */
function attributeList(folder: ConnectionFolder): string[] {
  const names = [...(folder.meta.attributeNames ?? EXPORT_ATTRIBUTE_ORDER)];
  const has = (n: string) => names.some(x => x.toLowerCase() === n.toLowerCase());
  const extras = folder.attributes.filter(a => !has(a.name)).map(a => a.name);
  const catalogRank = (n: string) => { const i = ATTRIBUTES.findIndex(a => a.name.toLowerCase() === n.toLowerCase()); return i < 0 ? ATTRIBUTES.length : i; };
  extras.sort((a, b) => catalogRank(a) - catalogRank(b) || (a < b ? -1 : 1));
  for (const name of Object.keys(folder.meta.encrypted.attributes ?? {})) if (!has(name) && !extras.includes(name)) extras.push(name);
  return [...names, ...extras];
}

function lookup(record: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(record).find(k => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : record[key];
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A UUID-shaped identifier derived from the content, so identical packages carry identical GUIDs. */
function guidFrom(...parts: string[]): string {
  const hash = sha256(utf8(parts.join('\u0000')));
  hash[6] = (hash[6] & 0x0f) | 0x40;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = toHex(hash.subarray(0, 16));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function safeFilePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'user';
}
