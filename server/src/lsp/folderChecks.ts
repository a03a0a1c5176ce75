/**
 * The closed attribute files of a connection folder, checked and shown with the open ones.
 *
 * A folder is *shown* while one of its attribute files is open in an editor, or after
 * "Check Connection Folder" named it. Its closed files are read from disk (asynchronously, by the
 * document store), checked in the connection as a whole and their findings published; a change on
 * disk (the client's file watcher) checks the folder again, a deleted file's findings go. When the
 * last open file of a folder that was not checked by command closes, the findings of its closed
 * files are withdrawn: the Problems panel shows the connections being worked on.
 */
import type { Connection } from 'vscode-languageserver';
import type { CheckFolderResult, ServerSettings } from '../../../common/src/protocol';
import type { AttributeDocument, Finding } from '../core/index';
import type { DocumentStore } from './documentStore';
import { toDiagnostic } from './convert';

type FindingsOf = (doc: AttributeDocument, isCancelled?: () => boolean) => Promise<Finding[]>;

export class FolderChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Closed files whose findings are published, by folder. */
  private readonly published = new Map<string, Set<string>>();
  /** Folders checked by command: shown even with no file open. */
  private readonly pinned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly settings: () => ServerSettings,
    private readonly log: (message: string) => void,
    private readonly findingsOf: FindingsOf,
  ) {}

  /** Whether the folder's closed files are shown: one of its attribute files is open, or it was checked by command. */
  isShown(folder: string): boolean {
    if (this.pinned.has(folder)) return true;
    return this.store.openIn(folder).some(uri => this.store.get(uri)?.kind === 'attribute');
  }

  /** Checks the folder's closed files after `delay` ms (the last call wins). */
  schedule(folder: string, delay: number): void {
    if (!this.isShown(folder)) return;
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    const generation = this.bump(folder);
    this.timers.set(folder, setTimeout(() => {
      this.timers.delete(folder);
      void this.run(folder, generation);
    }, delay));
  }

  /** A document of the folder closed: check it from disk with the rest, or withdraw the folder's findings. */
  documentClosed(folder: string): void {
    if (this.isShown(folder)) this.schedule(folder, 0);
    else this.withdraw(folder);
  }

  /** "Check Connection Folder": reads and checks every attribute file of the folder now, and keeps it shown. */
  async checkNow(folder: string): Promise<CheckFolderResult> {
    this.pinned.add(folder);
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    this.timers.delete(folder);
    const generation = this.bump(folder);
    await this.store.refresh(folder);
    await this.run(folder, generation);
    const result: CheckFolderResult = { folder, files: [], errors: 0, warnings: 0, notes: 0 };
    const snapshot = this.store.folders.peek(folder);
    for (const file of snapshot?.files ?? []) {
      const doc = this.store.get(file.uri) ?? file.doc;
      const findings = await this.findingsOf(doc);
      const count = (s: Finding['severity'][]) => findings.filter(f => s.includes(f.severity)).length;
      result.files.push({ uri: file.uri, errors: count(['error']), warnings: count(['warning']), notes: count(['information', 'hint']) });
      result.errors += count(['error']);
      result.warnings += count(['warning']);
      result.notes += count(['information', 'hint']);
    }
    return result;
  }

  private bump(folder: string): number {
    const generation = (this.generation.get(folder) ?? 0) + 1;
    this.generation.set(folder, generation);
    return generation;
  }

  /** Withdraws the findings of the folder's closed files. */
  private withdraw(folder: string): void {
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    this.timers.delete(folder);
    this.bump(folder);
    for (const uri of this.published.get(folder) ?? []) {
      if (!this.store.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.delete(folder);
  }

  private async run(folder: string, generation: number): Promise<void> {
    const stale = () => this.generation.get(folder) !== generation;
    try {
      if (!this.isShown(folder)) { this.withdraw(folder); return; }
      const snapshot = this.store.folders.peek(folder) ?? await this.store.refresh(folder);
      if (stale()) return;
      const before = this.published.get(folder) ?? new Set<string>();
      const now = new Set<string>();
      const enabled = this.settings().validation.enable;
      for (const file of snapshot.files) {
        if (this.store.isOpen(file.uri)) continue;
        if (stale()) return;
        const findings = enabled ? await this.findingsOf(file.doc, stale) : [];
        if (stale()) return;
        now.add(file.uri);
        await this.connection.sendDiagnostics({ uri: file.uri, diagnostics: findings.map(f => toDiagnostic(file.doc, f)) });
      }
      // Files gone from disk (or open now, published by their editor): their folder findings go.
      for (const uri of before) if (!now.has(uri) && !this.store.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.set(folder, now);
    } catch (error) {
      this.log(`Checking the folder ${folder} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
