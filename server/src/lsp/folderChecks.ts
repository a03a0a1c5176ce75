/**
 * The closed attribute files of a connection folder, checked and shown with the open ones.
 *
 * A folder is *shown* while one of its attribute files is open in an editor, or after
 * "Check Connection Folder" named it. Its closed files are read from disk (asynchronously, by the
 * document store), checked in the connection as a whole and their findings published; a change on
 * disk (the client's file watcher) checks the folder again, a deleted file's findings go. When the
 * last open file of a folder that was not checked by command closes, the findings of its closed
 * files are withdrawn: the Problems panel shows the connections being worked on.
 *
 * A pass checks only the closed files a change can affect: the changed files themselves, the ones
 * whose last analysis read a changed attribute (RequestScope.reads, as for the open documents in
 * validation.ts) and the ones not checked yet; '*' (a settings change, the command) checks them all.
 */
import type { Connection } from 'vscode-languageserver';
import type { CheckFolderResult, ServerSettings } from '../../../common/src/protocol';
import { readsAnyOf, type AttributeDocument, type Finding } from '../core/index';
import type { DocumentStore } from './documentStore';
import { toDiagnostic } from './convert';

type FindingsOf = (doc: AttributeDocument, isCancelled?: () => boolean, reads?: Set<string>) => Promise<Finding[]>;

/** The attributes that changed: lower-case names, or '*' for all of them (every closed file is checked). */
export type ChangedAttributes = readonly string[] | '*';

export class FolderChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly generation = new Map<string, number>();
  /** Closed files whose findings are published, by folder, with the sibling attributes their last analysis read. */
  private readonly published = new Map<string, Map<string, ReadonlySet<string>>>();
  /** What changed in a folder since its last complete pass (kept when a pass is superseded). */
  private readonly changed = new Map<string, Set<string> | '*'>();
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

  /** Checks the closed files of the folder that `changed` can affect after `delay` ms (the last call wins, changes add up). */
  schedule(folder: string, delay: number, changed: ChangedAttributes = '*'): void {
    if (!this.isShown(folder)) return;
    this.noteChanged(folder, changed);
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    const generation = this.bump(folder);
    this.timers.set(folder, setTimeout(() => {
      this.timers.delete(folder);
      void this.run(folder, generation);
    }, delay));
  }

  /** A document of the folder closed: check it from disk with the files that read it, or withdraw the folder's findings. */
  documentClosed(folder: string, attribute: string | undefined): void {
    if (this.isShown(folder)) this.schedule(folder, 0, attribute === undefined ? '*' : [attribute]);
    else this.withdraw(folder);
  }

  /** Checks every closed file of the shown folders among `folders`, the pinned ones and those published (settings changed). */
  recheckAll(folders: Iterable<string>): void {
    for (const folder of new Set([...folders, ...this.pinned, ...this.published.keys()])) this.schedule(folder, 0, '*');
  }

  /** "Check Connection Folder": reads and checks every attribute file of the folder now, and keeps it shown. */
  async checkNow(folder: string): Promise<CheckFolderResult> {
    this.pinned.add(folder);
    const pending = this.timers.get(folder);
    if (pending) clearTimeout(pending);
    this.timers.delete(folder);
    this.noteChanged(folder, '*');
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

  private noteChanged(folder: string, changed: ChangedAttributes): void {
    const noted = this.changed.get(folder) ?? new Set<string>();
    if (noted === '*' || changed === '*') this.changed.set(folder, '*');
    else this.changed.set(folder, new Set([...noted, ...changed.map(name => name.toLowerCase())]));
  }

  /** Whether a closed file must be checked again: never checked, changed itself, or its last analysis read a changed attribute. */
  private mustCheck(name: string | undefined, reads: ReadonlySet<string> | undefined, changed: Set<string> | '*'): boolean {
    if (changed === '*') return true;
    return name === undefined || changed.has(name) || readsAnyOf(reads, [...changed]);
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
    for (const uri of this.published.get(folder)?.keys() ?? []) {
      if (!this.store.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    this.published.delete(folder);
    this.changed.delete(folder);
  }

  private async run(folder: string, generation: number): Promise<void> {
    const stale = () => this.generation.get(folder) !== generation;
    try {
      if (!this.isShown(folder)) { this.withdraw(folder); return; }
      const snapshot = this.store.folders.peek(folder) ?? await this.store.refresh(folder);
      if (stale()) return;
      const before = this.published.get(folder) ?? new Map<string, ReadonlySet<string>>();
      const changed = this.changed.get(folder) ?? new Set<string>();
      const now = new Map<string, ReadonlySet<string>>();
      const enabled = this.settings().validation.enable;
      for (const file of snapshot.files) {
        if (this.store.isOpen(file.uri)) continue;
        const last = before.get(file.uri);
        if (last && !this.mustCheck(file.doc.attribute?.name.toLowerCase(), last, changed)) { now.set(file.uri, last); continue; }
        if (stale()) return;
        const reads = new Set<string>();
        const findings = enabled ? await this.findingsOf(file.doc, stale, reads) : [];
        if (stale()) return;
        now.set(file.uri, reads);
        await this.connection.sendDiagnostics({ uri: file.uri, diagnostics: findings.map(f => toDiagnostic(file.doc, f)) });
      }
      // Files gone from disk (or open now, published by their editor): their folder findings go.
      for (const uri of before.keys()) if (!now.has(uri) && !this.store.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.published.set(folder, now);
      this.changed.delete(folder);
    } catch (error) {
      this.log(`Checking the folder ${folder} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
