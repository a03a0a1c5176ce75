/**
 * The language server's side of the live workspace checks: it holds the workspace snapshot the
 * client read (plain data, never a token), answers which Intercom-Version to read with, and adds
 * the `intercom-live-…` findings to the diagnostics of every document while a snapshot is set.
 * Nothing here sends a request: the client does that, only when the user asks.
 */
import type { Connection } from 'vscode-languageserver';
import {
  LivePlanParams, LivePlanRequest, LivePlanResult, LiveSnapshotParams, LiveSnapshotRequest, LiveSnapshotResult, type ServerSettings,
} from '../../../common/src/protocol';
import { liveFindings, liveReadVersion, isWorkspaceSnapshot, type AttributeDocument, type AnalysisSettings, type Finding, type WorkspaceSnapshot } from '../core/index';
import type { DocumentStore } from './documentStore';
import { runSafe, type RequestHost } from './runSafe';

export class LiveChecks {
  private snapshot: WorkspaceSnapshot | undefined;

  constructor(private readonly store: DocumentStore, private readonly settings: () => ServerSettings, private readonly host: RequestHost) {}

  private analysisSettings(): AnalysisSettings {
    const s = this.settings();
    return { defaultIntercomVersion: s.intercom.defaultVersion, allowedHosts: s.http.allowedHosts };
  }

  /** The live findings of a document while a snapshot is set (else none). */
  findingsFor(doc: AttributeDocument): Finding[] {
    if (!this.snapshot || doc.kind !== 'attribute') return [];
    try {
      return liveFindings(doc, this.snapshot, this.analysisSettings());
    } catch (error) {
      this.host.log(`Live checks of ${doc.uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return []; // the document's other diagnostics are published as usual
    }
  }

  /** Registers the two requests; `revalidate` re-checks every open document. */
  register(connection: Connection, revalidate: () => void): void {
    const host = this.host;
    connection.onRequest(LivePlanRequest, (params: LivePlanParams, token) => runSafe(host, 'livePlan', { version: this.settings().intercom.defaultVersion } as LivePlanResult, token, async () => {
      const doc = await this.store.openOrDisk(params.uri);
      const docs = doc?.kind === 'attribute' ? this.store.connectionFor(doc).all() : [];
      return { version: liveReadVersion(docs, this.analysisSettings()) };
    }));
    connection.onRequest(LiveSnapshotRequest, (params: LiveSnapshotParams, token) => runSafe(host, 'liveSnapshot', { files: [] } as LiveSnapshotResult, token, async () => {
      if (params.snapshot !== null && !isWorkspaceSnapshot(params.snapshot)) throw new Error('not a workspace snapshot');
      this.snapshot = params.snapshot ?? undefined;
      revalidate();
      return this.summary(params.uri);
    }));
  }

  private async summary(uri: string | undefined): Promise<LiveSnapshotResult> {
    const doc = uri ? await this.store.openOrDisk(uri) : undefined;
    if (!this.snapshot || !doc || doc.kind !== 'attribute') return { files: [] };
    return {
      files: this.store.connectionFor(doc).all().map(d => ({
        uri: d.uri, attribute: d.attribute?.name ?? '',
        findings: this.findingsFor(d).map(f => ({ code: f.code, severity: f.severity, message: f.message, line: d.rangeOf(f.offset, f.length).start.line })),
      })),
    };
  }
}
