// Transport packages on the fake tenant's own file system: export (asynchronous, writes a zip),
// import (queued, one at a time, applies the connections of the zip), their status, and
// uploadSchemaFile.

import { text } from './body.js';
import { json, type FakeAnswer, type FakeRequest } from './auth.js';
import { restAttributes } from './connections.js';
import type { FakeEicStore, TransportRequest } from './store.js';
import { readZip, writeZip } from './zip.js';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', '_').replace(/:/g, '-').replace(/\.\d{3}Z$/, '');
}

/** Finishes whatever is due on the fake clock (called before every request). */
export function advanceTransport(store: FakeEicStore): void {
  const now = store.clock.nowMs();
  const delay = store.config.transportDelaySeconds * 1000;
  let busyUntil = 0;
  for (const r of store.transport) {
    if (r.doneMs !== undefined) { busyUntil = Math.max(busyUntil, r.doneMs); continue; }
    if (r.startMs === undefined) r.startMs = Math.max(r.enqueuedMs, busyUntil);
    if (r.startMs + delay > now) break; // one at a time: later requests wait
    r.doneMs = r.startMs + delay;
    busyUntil = r.doneMs;
    try {
      if (r.operation === 'export') store.files.set(r.path, exportZip(store, r));
      else applyImport(store, r);
    } catch (e) {
      r.failed = e instanceof Error ? e.message : String(e);
    }
  }
}

function exportZip(store: FakeEicStore, r: TransportRequest): Buffer {
  const when = stamp(r.enqueuedMs);
  const chosen = (r.connections ?? []).map(n => store.findConnection(n)).filter((c): c is NonNullable<typeof c> => c !== undefined);
  const doc: Record<string, unknown> = {};
  for (const c of chosen) {
    doc[c.name] = {
      connectionname: c.name, connectiondescription: c.fields.get('description') ?? '', externalconnectiontype: c.type, status: 1,
      EXTERNAL_ATTR: restAttributes(store.config.eicVersion).map(k => ({
        formdata: null, credentialSaveStatus: false, attributename: k,
        encryptedattributevalue: k === 'ConnectionJSON' ? c.ciphertext ?? '' : c.fields.get(k) ?? '',
      })),
    };
  }
  const summary = { Objects: { connection: chosen.map(c => c.name) }, Information: { 'Exported By': r.user, System: 'fake-eic' } };
  return writeZip([
    { name: `Connection_${when}(UTC).json`, data: Buffer.from(JSON.stringify(doc, null, 2)) },
    { name: `ObjectSummary_${when}(UTC).json`, data: Buffer.from(JSON.stringify(summary, null, 2)) },
  ]);
}

function applyImport(store: FakeEicStore, r: TransportRequest): void {
  const zip = store.files.get(r.path);
  if (!zip) throw new Error(`${r.path} disappeared before the import ran`);
  const entries = readZip(zip).filter(e => /^Connection_.*\.json$/i.test(e.name));
  if (!entries.length) throw new Error('the package holds no Connection_*.json');
  for (const entry of entries) {
    const doc = JSON.parse(entry.data.toString('utf8')) as Record<string, { connectionname?: string; connectiondescription?: string; externalconnectiontype?: string; EXTERNAL_ATTR?: { attributename: string; encryptedattributevalue: string | null }[] }>;
    for (const [key, value] of Object.entries(doc)) {
      const name = value.connectionname || key;
      let conn = store.findConnection(name);
      const now = store.isoNow();
      if (!conn) {
        conn = { key: store.nextKey++, name, type: value.externalconnectiontype ?? 'REST', fields: new Map(), createdOn: now, createdBy: r.user, updatedOn: now, updatedBy: r.user, saves: 0 };
        store.connections.set(name.toLowerCase(), conn);
      }
      if (value.connectiondescription !== undefined) conn.fields.set('description', value.connectiondescription);
      for (const a of value.EXTERNAL_ATTR ?? []) {
        if (a.encryptedattributevalue === null) continue;
        if (a.attributename === 'ConnectionJSON') {
          if (a.encryptedattributevalue) { conn.connectionJson = a.encryptedattributevalue; conn.ciphertext = store.newCiphertext(); }
        } else conn.fields.set(a.attributename, a.encryptedattributevalue);
      }
      conn.updatedOn = now;
      conn.saves++;
    }
  }
}

/** POST /ECM/api/v5/exportTransportPackage */
export function exportTransportPackage(store: FakeEicStore, req: FakeRequest, user: string): FakeAnswer {
  const f = req.body.fields;
  const online = text(f, 'exportonline');
  const objects = f.objectstoexport;
  const parsed = typeof objects === 'string' ? safeJson(objects) : objects;
  if (!online || !parsed || typeof parsed !== 'object') {
    return json(412, { errorcode: 1, msg: 'Invalid request Payload', msgDescription: 'exportonline and objectstoexport are required' });
  }
  const exportPath = text(f, 'exportpath');
  if (online !== 'true' && !exportPath) return json(412, { errorcode: 1, msg: 'Invalid request Payload', msgDescription: 'exportpath is required for an offline export' });
  const fileName = `transport_${user}_${stamp(store.clock.nowMs())}(UTC).zip`;
  const dir = (exportPath || '/saviynt_shared/online').replace(/\/+$/, '');
  const list = (parsed as Record<string, unknown>).connection;
  store.transport.push({
    id: String(store.nextRequestId++), operation: 'export', fileName, path: `${dir}/${fileName}`, enqueuedMs: store.clock.nowMs(), user,
    connections: Array.isArray(list) ? list.map(String) : [],
  });
  return json(200, { errorcode: 0, fileName, msg: 'success', msgDescription: 'Export Requested. Call /transportPackageStatus to know the status of the export.' });
}

/** POST /ECM/api/v5/importTransportPackage */
export function importTransportPackage(store: FakeEicStore, req: FakeRequest, user: string): FakeAnswer {
  const path = text(req.body.fields, 'packagetoimport');
  if (!path) return json(412, { errorcode: 1, msg: 'Invalid request Payload', msgDescription: 'packagetoimport is required' });
  const fromDatafiles = path.startsWith(store.config.datafilesPath);
  if (!store.files.has(path) || (fromDatafiles && !store.config.allowImportFromDatafiles)) {
    return json(412, { errorcode: 1, msg: 'Package not found', msgDescription: `No transport package at ${path} on the EIC server, or the path is not valid.` });
  }
  const id = String(store.nextRequestId++);
  store.transport.push({ id, operation: 'import', fileName: path.split('/').pop() ?? path, path, enqueuedMs: store.clock.nowMs(), user });
  return json(200, { errorcode: 0, msg: 'success', requestId: id,
    msgDescription: 'Import Requested. If other requests are currently processing, your import will begin after they complete.' });
}

/** GET /ECM/api/v5/transportPackageStatus (a JSON body on a GET, or query parameters). */
export function transportPackageStatus(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const f = req.body.fields;
  const operation = text(f, 'operation');
  if (!['export', 'import', 'transfer'].includes(operation)) return json(200, { errorCode: 1, msg: 'Invalid request Payload', msgDescription: 'operation must be export, import or transfer' });
  const requestId = text(f, 'requestid');
  if (operation === 'import' && !requestId) return json(200, { errorCode: 1, msg: 'Invalid request Payload', msgDescription: 'Requestid cannot be blank' });
  const fileName = text(f, 'filename');
  const r = operation === 'import' ? store.transport.find(t => t.operation === 'import' && t.id === requestId)
    : store.transport.find(t => t.operation === 'export' && (!fileName || t.fileName === fileName));
  if (!r) return json(200, { errorCode: 1, msg: 'Failed', msgDescription: 'No such request' });
  if (r.failed) return json(200, { errorCode: 1, msg: 'Failed', msgDescription: r.failed });
  if (r.doneMs === undefined) return json(200, { errorCode: 0, msg: 'In Progress', msgDescription: `The environment package is being ${operation}ed.` });
  return json(200, { errorCode: 0, msg: 'Success', msgDescription: `The environment package was successfully ${operation}ed.` });
}

/** POST /ECM/api/v5/uploadSchemaFile: multipart `file` plus `pathLocation` (Datafiles or SAV). */
export function uploadSchemaFile(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const location = text(req.body.fields, 'pathLocation');
  const file = req.body.files.file;
  const dir = location === 'Datafiles' ? store.config.datafilesPath : location === 'SAV' ? store.config.savPath : undefined;
  if (!dir) return json(412, { errorCode: '1', msg: 'pathLocation must be Datafiles or SAV' });
  if (!file) return json(412, { errorCode: '1', msg: 'file is required' });
  store.files.set(`${dir.replace(/\/+$/, '')}/${file.filename}`, file.data);
  return json(200, { errorCode: '0', msg: 'file Save Successfully' });
}

function safeJson(t: string): unknown {
  try { return JSON.parse(t); } catch { return undefined; }
}
