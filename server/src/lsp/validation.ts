/**
 * Push diagnostics with a per-document debounce. A change re-validates the document
 * and the other open attributes of its connection (cross-file rules), and a result that
 * a newer version superseded is dropped.
 */
import type { Connection } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import type { ServerSettings } from '../../../common/src/protocol';
import type { DocumentStore } from './documentStore';
import { toDiagnostic } from './convert';
import type { AttributeDocument } from '../core/document';
import type { Finding } from '../core/types';

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: () => ServerSettings,
    private readonly log: (message: string) => void,
    /** Findings added to a document's own (the live workspace checks, while a snapshot is set). */
    private readonly extra: (doc: AttributeDocument) => Finding[] = () => [],
  ) {}

  /** Schedules the document and its open siblings. */
  changed(uri: string, immediate = false): void {
    this.schedule(uri, immediate ? 0 : this.settings().validation.debounceMs);
    for (const sibling of this.store.openSiblings(uri)) this.schedule(sibling, this.settings().validation.debounceMs);
  }

  schedule(uri: string, delay: number): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const generation = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, generation);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.validate(uri, generation);
    }, delay));
  }

  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private async validate(uri: string, generation: number): Promise<void> {
    const stale = () => this.generation.get(uri) !== generation;
    try {
      const doc = this.store.get(uri);
      if (!doc || stale()) return;
      const settings = this.settings();
      if (!settings.validation.enable) {
        await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        return;
      }
      const findings = await analyze(doc, {
        connection: this.store.connectionFor(doc),
        settings: {
          maxDocumentSize: settings.validation.maxDocumentSize,
          defaultIntercomVersion: settings.intercom.defaultVersion,
          allowedHosts: settings.http.allowedHosts,
        },
        isCancelled: stale,
        log: this.log,
      });
      if (stale()) return;
      const extra = doc.text.length <= settings.validation.maxDocumentSize ? this.extra(doc) : [];
      const all = [...findings, ...extra].sort((a, b) => a.offset - b.offset || a.length - b.length);
      await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: all.map(f => toDiagnostic(doc, f)) });
    } catch (error) {
      this.log(`Validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
