/**
 * A workspace snapshot: what the live checks need to know about the user's Intercom workspace
 * (its region, ticket types and their attributes, teams, tags, admins, data attributes), as plain
 * data with no token in it. Built from the JSON answers of read-only GETs (reads.ts), handed from
 * the client to the language server and to the pure live checks. Pure.
 */

export interface SnapshotTicketAttribute {
  readonly name: string;
  readonly dataType?: string;
  readonly requiredToCreate: boolean;
  readonly archived: boolean;
}

export interface SnapshotTicketType {
  readonly id: string;
  readonly name: string;
  readonly category?: string;
  readonly archived: boolean;
  readonly attributes: readonly SnapshotTicketAttribute[];
}

export interface SnapshotNamed { readonly id: string; readonly name: string; readonly email?: string }

export interface SnapshotDataAttribute {
  readonly name: string;
  readonly custom: boolean;
  readonly dataType?: string;
  readonly archived: boolean;
}

export type DataModel = 'contact' | 'company';

/** A read whose data is missing from the snapshot (a scope the app lacks, a version without the endpoint). */
export interface UnavailableRead { readonly read: string; readonly message: string }

export interface WorkspaceSnapshot {
  /** The Intercom-Version the reads were made with. */
  readonly version: string;
  /** The base URL that was read (no token, no query). */
  readonly baseUrl: string;
  /** Milliseconds since the epoch. */
  readonly fetchedAt: number;
  readonly workspace: { readonly idCode?: string; readonly name?: string; readonly region?: string };
  readonly ticketTypes?: readonly SnapshotTicketType[];
  readonly teams?: readonly SnapshotNamed[];
  readonly tags?: readonly SnapshotNamed[];
  readonly admins?: readonly SnapshotNamed[];
  readonly dataAttributes?: Readonly<Partial<Record<DataModel, readonly SnapshotDataAttribute[]>>>;
  readonly unavailable: readonly UnavailableRead[];
}

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? v as Json : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** The list of a list response under its first key that holds an array (`data`, `teams`, `admins` …). */
function listOf(response: unknown, ...keys: string[]): unknown[] {
  const o = obj(response);
  for (const k of keys) if (Array.isArray(o[k])) return o[k] as unknown[];
  return [];
}

export function workspaceFromMe(me: unknown): WorkspaceSnapshot['workspace'] {
  const app = obj(obj(me).app);
  return { idCode: text(app.id_code), name: text(app.name), region: text(app.region) };
}

/** GET /ticket_types: the attributes sit under `data` in real answers, `ticket_type_attributes` in the schema. */
export function ticketTypesFrom(response: unknown): SnapshotTicketType[] {
  return listOf(response, 'data', 'ticket_types').map(obj).filter(t => text(t.id)).map(t => {
    const attrs = obj(t.ticket_type_attributes);
    const list = Array.isArray(attrs.data) ? attrs.data : arr(attrs.ticket_type_attributes);
    return {
      id: text(t.id)!,
      name: text(t.name) ?? '',
      ...(text(t.category) ? { category: text(t.category) } : {}),
      archived: t.archived === true,
      attributes: list.map(obj).filter(a => text(a.name)).map(a => ({
        name: text(a.name)!,
        ...(text(a.data_type) ? { dataType: text(a.data_type) } : {}),
        requiredToCreate: a.required_to_create === true,
        archived: a.archived === true,
      })),
    };
  });
}

export function namedFrom(response: unknown, ...keys: string[]): SnapshotNamed[] {
  return listOf(response, ...keys).map(obj).filter(x => text(x.id)).map(x => ({
    id: text(x.id)!, name: text(x.name) ?? '', ...(text(x.email) ? { email: text(x.email) } : {}),
  }));
}

export function dataAttributesFrom(response: unknown): SnapshotDataAttribute[] {
  return listOf(response, 'data').map(obj).filter(a => text(a.name)).map(a => ({
    name: text(a.name)!, custom: a.custom === true, ...(text(a.data_type) ? { dataType: text(a.data_type) } : {}), archived: a.archived === true,
  }));
}

/** "Acme US" (region US), for messages. */
export function workspaceLabel(s: WorkspaceSnapshot): string {
  const name = s.workspace.name ?? s.workspace.idCode ?? 'the Intercom workspace';
  return s.workspace.name || s.workspace.idCode ? `"${name}"` : name;
}

/** True when a value looks like a snapshot (the server checks what the client sends). */
export function isWorkspaceSnapshot(value: unknown): value is WorkspaceSnapshot {
  const v = obj(value);
  return typeof v.version === 'string' && typeof v.baseUrl === 'string' && typeof v.fetchedAt === 'number'
    && typeof v.workspace === 'object' && v.workspace !== null && Array.isArray(v.unavailable);
}
