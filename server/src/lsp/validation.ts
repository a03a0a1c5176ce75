/**
 * Push diagnostics with a per-document debounce. A change re-validates the document
 * and the other open attributes of its connection (cross-file rules), and a result that
 * a newer version superseded is dropped.
 *
 * A connection is one unit: while any file of a connection folder is open (or the folder was
 * checked with "Check Connection Folder"), the folder's other attribute files are checked from
 * disk too and their findings published, kept current as files change on disk; when the last file
 * of the folder closes, those findings are withdrawn (see folderChecks.ts for the folder pass).
 */
import type { Connection } from 'vscode-languageserver';
import { readsAnyOf, type AttributeDocument, type Engine, type Finding } from '../core/index';
import type { ServerSettings } from '../../../common/src/protocol';
import type { DocumentStore } from './documentStore';
import { toDiagnostic } from './convert';
import { FolderChecks, type ChangedAttributes } from './folderChecks';

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** The findings last published for each open document, with its version (for "fix all"). */
  private readonly lastFindings = new Map<string, { version: number; findings: Finding[] }>();
  /**
   * The sibling attributes each open document's last analysis read (lower-case names, '*' for all).
   * A change to another file re-checks a document only when it read that file: the analysis is a
   * function of what it read, so nothing else can change its findings (see dependents()).
   */
  private readonly lastReads = new Map<string, ReadonlySet<string>>();
  readonly folders: FolderChecks;

  constructor(
    private readonly connection: Connection,
    private readonly engine: Engine,
    private readonly store: DocumentStore,
    private readonly settings: () => ServerSettings,
    private readonly log: (message: string) => void,
    /** Findings added to a document's own (the live workspace checks, while a snapshot is set). */
    private readonly extra: (doc: AttributeDocument) => Finding[] = () => [],
  ) {
    this.folders = new FolderChecks(connection, store, settings, log, (doc, isCancelled, reads) => this.findingsOf(doc, isCancelled, reads));
    store.onFolderChanged = (folder, changed) => {
      const open = store.openIn(folder);
      // An open file's siblings read its editor text, not the file on disk.
      const openNames = new Set(open.map(uri => store.attributeOf(uri)));
      const onDisk = changed === '*' ? changed : changed.filter(name => !openNames.has(name));
      for (const uri of open) {
        if (readsAnyOf(this.lastReads.get(uri), onDisk)) this.schedule(uri, this.settings().validation.debounceMs);
      }
      this.folders.schedule(folder, this.settings().validation.debounceMs, onDisk);
    };
  }

  /** What a change of the document `uri` changes for its siblings: its attribute ('*' for a file that is none). */
  private changeOf(uri: string): ChangedAttributes {
    const name = this.store.attributeOf(uri);
    return name === undefined ? '*' : [name];
  }

  /** The open siblings of `uri` whose findings may depend on it (their last analysis read it, or they have none yet). */
  dependents(uri: string): string[] {
    const change = this.changeOf(uri);
    return this.store.openSiblings(uri).filter(sibling => readsAnyOf(this.lastReads.get(sibling), change));
  }

  /** Schedules the document, the open siblings that read it and the closed files of its folder that read it. */
  changed(uri: string, immediate = false): void {
    const debounce = this.settings().validation.debounceMs;
    this.schedule(uri, immediate ? 0 : debounce);
    for (const sibling of this.dependents(uri)) this.schedule(sibling, debounce);
    const folder = this.store.folderOf(uri);
    if (folder) this.folders.schedule(folder, debounce * 2, this.changeOf(uri));
  }

  /** Schedules every open document and every closed file of the shown folders for a check now (settings or the live snapshot changed). */
  revalidateAll(): void {
    const folders = new Set<string>();
    for (const uri of this.store.openUris()) {
      this.schedule(uri, 0);
      const folder = this.store.folderOf(uri);
      if (folder) folders.add(folder);
    }
    this.folders.recheckAll(folders);
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

  /** An editor closed: its findings go, unless its folder is still shown (then it is checked from disk). */
  closed(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
    this.lastFindings.delete(uri);
    this.lastReads.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    const folder = this.store.folderOf(uri);
    if (folder) this.folders.documentClosed(folder, this.store.attributeOf(uri));
  }

  /** The findings published for an open document at this version, if they are current. */
  currentFindings(uri: string, version: number): Finding[] | undefined {
    const last = this.lastFindings.get(uri);
    return last && last.version === version ? last.findings : undefined;
  }

  /** The findings of a document in its connection, with the current settings. */
  async findingsOf(doc: AttributeDocument, isCancelled?: () => boolean, reads?: Set<string>): Promise<Finding[]> {
    const settings = this.settings();
    const findings = await this.engine.analyze(doc, {
      connection: this.store.connectionFor(doc),
      settings: {
        maxDocumentSize: settings.validation.maxDocumentSize,
        defaultIntercomVersion: settings.intercom.defaultVersion,
        allowedHosts: settings.http.allowedHosts,
      },
      isCancelled,
      reads,
    });
    const extra = doc.text.length <= settings.validation.maxDocumentSize ? this.extra(doc) : [];
    return extra.length ? [...findings, ...extra].sort((a, b) => a.offset - b.offset || a.length - b.length) : findings;
  }

  private async validate(uri: string, generation: number): Promise<void> {
    const stale = () => this.generation.get(uri) !== generation;
    try {
      const doc = this.store.get(uri);
      if (!doc || stale()) return;
      if (!this.settings().validation.enable) {
        this.lastFindings.delete(uri);
        await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: [] });
        return;
      }
      // The first check of a folder's document waits for the folder's files (read asynchronously),
      // so that cross-file findings are never published from half a connection.
      await this.store.ready(doc);
      if (stale()) return;
      const reads = new Set<string>();
      const findings = await this.findingsOf(doc, stale, reads);
      if (stale()) return;
      this.lastFindings.set(uri, { version: doc.version, findings });
      this.lastReads.set(uri, reads);
      await this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map(f => toDiagnostic(doc, f)) });
    } catch (error) {
      this.log(`Validation of ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
