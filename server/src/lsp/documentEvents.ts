/** Open, change and close of editors, and files changed on disk: what each schedules for checking. */
import { guarded } from './runSafe';
import type { ServerContext } from './serverContext';

/** Called when an editor closes (formatting keeps per-document state). */
export type CloseListener = (uri: string) => void;

export function registerDocumentEvents(ctx: ServerContext, onClose: CloseListener): void {
  const { documents, store, scheduler, log, connection } = ctx;
  // The documents manager reports an open as an open *and* a content change; the change must not
  // put the immediate check of a newly opened document back behind the debounce.
  const justOpened = new Map<string, number>();
  documents.onDidOpen(guarded(log, 'didOpen', e => {
    justOpened.set(e.document.uri, e.document.version);
    scheduler.changed(e.document.uri, true);
  }));
  documents.onDidChangeContent(guarded(log, 'didChange', e => {
    const openedAt = justOpened.get(e.document.uri);
    justOpened.delete(e.document.uri);
    if (openedAt === e.document.version) return;
    scheduler.changed(e.document.uri);
  }));
  documents.onDidClose(guarded(log, 'didClose', e => {
    justOpened.delete(e.document.uri);
    onClose(e.document.uri);
    store.forget(e.document.uri);
    scheduler.closed(e.document.uri);
    // The siblings that read it now see its file on disk instead of the editor's text.
    for (const sibling of scheduler.dependents(e.document.uri)) scheduler.schedule(sibling, ctx.settings.validation.debounceMs);
  }));
  // Files changed on disk (the client watches **/*.json): their folder is read again (asynchronously),
  // and once the read shows a change, the open documents that read a changed file are checked
  // again (DocumentStore.onFolderChanged → ValidationScheduler); a save that changed nothing
  // republishes nothing.
  connection.onDidChangeWatchedFiles(guarded(log, 'didChangeWatchedFiles', params => {
    for (const change of params.changes) store.fileChanged(change.uri);
  }));
}
