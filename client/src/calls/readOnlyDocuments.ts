/**
 * Read-only virtual documents on the `saviynt-rest` scheme: request previews and call responses.
 * Their text is kept in memory (the last few only) and never written to disk.
 */
import * as vscode from 'vscode';

export const READ_ONLY_SCHEME = 'saviynt-rest';
const KEEP = 30;

class ReadOnlyDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '// This view is gone: run the call again to see its response.';
  }

  set(uri: vscode.Uri, text: string): void {
    const key = uri.toString();
    this.texts.delete(key);
    this.texts.set(key, text);
    while (this.texts.size > KEEP) this.texts.delete(this.texts.keys().next().value as string);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}

/** A file-name-safe label. */
function slug(text: string): string {
  return text.replace(/[^\w.\- ›]+/g, '_').replace(/\s+/g, ' ').trim().slice(0, 60) || 'call';
}

/** The documents of the `saviynt-rest` scheme: one provider, registered at activation. */
export class ReadOnlyDocuments implements vscode.Disposable {
  private readonly provider = new ReadOnlyDocumentProvider();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(READ_ONLY_SCHEME, this.provider);
  private counter = 0;

  /**
   * Stores text under a new URI (`saviynt-rest:/<kind>/<n>/<label>.<ext>`) and returns it. The
   * extension gives the language (`.json` → JSON).
   */
  put(kind: 'request' | 'response' | 'connection' | 'eic', label: string, extension: 'json' | 'http' | 'txt', text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: READ_ONLY_SCHEME, path: `/${kind}/${++this.counter}/${slug(label)}.${extension}` });
    this.provider.set(uri, text);
    return uri;
  }

  /** Opens a stored document beside the current editor, in the given language. */
  async show(uri: vscode.Uri, languageId: string): Promise<vscode.TextDocument> {
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== languageId) doc = await vscode.languages.setTextDocumentLanguage(doc, languageId);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
    return doc;
  }

  dispose(): void {
    this.registration.dispose();
    this.provider.dispose();
  }
}
