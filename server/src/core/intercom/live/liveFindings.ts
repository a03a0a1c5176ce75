/**
 * The live checks' entry point: findings (`intercom-live-…`) for one attribute document from a
 * workspace snapshot, and the Intercom-Version the snapshot should be read with for a connection.
 * Pure: the snapshot is plain data; nothing here sends anything.
 */
import type { ConnectionView } from '../../connection';
import type { AttributeDocument } from '../../document';
import type { AnalysisSettings, Finding } from '../../types';
import { compareVersions } from '../catalog';
import { RECOMMENDED_VERSION, defaultVersionOf, intercomCalls, isPinned } from '../rules/model';
import { parsedBody } from '../rules/support';
import { getValue } from '../../json/ast';
import { checkCustomAttributes } from './customAttributeChecks';
import { checkIds } from './idChecks';
import type { LiveContext } from './liveContext';
import type { WorkspaceSnapshot } from './snapshot';
import { checkTicketTypes } from './ticketTypeChecks';

/** Every live finding of one document. */
export function liveFindings(doc: AttributeDocument, snapshot: WorkspaceSnapshot, settings: AnalysisSettings = {}): Finding[] {
  if (doc.kind !== 'attribute') return [];
  const findings: Finding[] = [];
  const live: LiveContext = { doc, snapshot, report: f => findings.push(f) };
  for (const ic of intercomCalls(doc, settings)) {
    if (ic.call.role === 'auth') continue;
    const body = ic.method && ic.method !== 'GET' ? parsedBody(doc, getValue(ic.http, 'httpParams')) : undefined;
    checkIds(live, ic, body);
    if (body) checkTicketTypes(live, ic, body);
    checkCustomAttributes(live, ic, body);
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

/** The first documented version with GET /ticket_types. */
const TICKET_TYPES_FROM = '2.9';

/**
 * The Intercom-Version to read the snapshot with: the version the connection's calls pin most
 * often (so answers have the shape the calls get), else the default; never older than 2.9, where
 * ticket types first exist.
 */
export function liveReadVersion(docs: readonly AttributeDocument[], settings: AnalysisSettings = {}): string {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    for (const ic of intercomCalls(doc, settings)) {
      const v = ic.version.version;
      if (v && isPinned(ic.version) && ic.version.status !== 'legacy') counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const fallback = compareVersions(defaultVersionOf(settings), TICKET_TYPES_FROM) < 0 ? RECOMMENDED_VERSION : defaultVersionOf(settings);
  const best = [...counts].sort((a, b) => b[1] - a[1] || compareVersions(b[0], a[0]))[0]?.[0] ?? fallback;
  return compareVersions(best, TICKET_TYPES_FROM) < 0 ? fallback : best;
}

/** Live findings of every attribute document of a connection, by document. */
export function connectionLiveFindings(connection: ConnectionView, snapshot: WorkspaceSnapshot, settings: AnalysisSettings = {}): Map<AttributeDocument, Finding[]> {
  const out = new Map<AttributeDocument, Finding[]>();
  for (const doc of connection.all()) out.set(doc, liveFindings(doc, snapshot, settings));
  return out;
}
