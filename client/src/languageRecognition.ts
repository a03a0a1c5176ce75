/**
 * Gives attribute files and EIC exports the extension's language id whatever the case of
 * their file name (`createaccountjson.json` too), so VS Code's built-in JSON server does
 * not validate them a second time. A plain JSON file whose *content* is an export or an attribute
 * (the community package's `Intercom.json`, an import saved as `import.json`) is not switched
 * silently: a notification offers to switch it ("Switch", remembered for the file) or to leave it
 * alone ("Don't Ask Again for This File").
 */
import * as vscode from 'vscode';
import { attributeForFileName, isExportFileName } from '../../server/src/core/attributes';
import { RECOGNITION_PREFIX, recognizeContent, type ContentRecognition } from '../../server/src/core/contentRecognition';
import { LANGUAGE_ID } from '../../common/src/protocol';
import { ExportFiles } from './exportFiles';

export const SWITCH = 'Switch';
export const DONT_ASK = "Don't Ask Again for This File";
const ADOPTED_KEY = 'saviyntRest.recognition.switched';
const DISMISSED_KEY = 'saviyntRest.recognition.dismissed';

export function isConnectionFile(fileName: string): boolean {
  return attributeForFileName(fileName) !== undefined || isExportFileName(fileName);
}

/** What a document holds, judged from its first characters only. */
export function recognizeDocument(doc: vscode.TextDocument): ContentRecognition | undefined {
  const end = doc.positionAt(RECOGNITION_PREFIX);
  return recognizeContent(doc.getText(new vscode.Range(new vscode.Position(0, 0), end)));
}

const CANDIDATE_LANGUAGES = new Set(['json', 'jsonc', 'plaintext']);
const CANDIDATE_SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

export function registerLanguageRecognition(context: vscode.ExtensionContext): ExportFiles {
  const exportFiles = new ExportFiles();
  context.subscriptions.push(exportFiles);
  const remembered = (key: string) => new Set(context.workspaceState.get<string[]>(key, []));
  const remember = (key: string, uri: vscode.Uri) => context.workspaceState.update(key, [...remembered(key), uri.toString()]);
  const offered = new Set<string>();

  const offer = async (doc: vscode.TextDocument, recognized: ContentRecognition) => {
    const name = doc.uri.path.split('/').pop();
    const what = recognized.kind === 'export' ? 'an EIC connection export' : `a ${recognized.kind === 'attribute' ? recognized.attribute.name : 'connection'} attribute`;
    const choice = await vscode.window.showInformationMessage(
      `${name} looks like ${what}. Switch it to Saviynt EIC Connection JSON to check it?`, SWITCH, DONT_ASK);
    if (choice === SWITCH) {
      await remember(ADOPTED_KEY, doc.uri);
      const current = vscode.workspace.textDocuments.find(d => d.uri.toString() === doc.uri.toString());
      if (current && current.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(current, LANGUAGE_ID);
    } else if (choice === DONT_ASK) {
      await remember(DISMISSED_KEY, doc.uri);
    }
  };

  const adopt = (doc: vscode.TextDocument) => {
    if (!CANDIDATE_SCHEMES.has(doc.uri.scheme)) return;
    const byName = isConnectionFile(doc.uri.path);
    if (doc.languageId === LANGUAGE_ID) {
      if (!byName && doc.uri.scheme !== 'untitled') exportFiles.set(doc.uri, recognizeDocument(doc)?.kind === 'export');
      return;
    }
    if (!CANDIDATE_LANGUAGES.has(doc.languageId)) return;
    if (byName) { void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID); return; }
    const recognized = recognizeDocument(doc);
    if (doc.uri.scheme !== 'untitled') exportFiles.set(doc.uri, recognized?.kind === 'export');
    // Only what the checks can take: a bare call list does not say which attribute it is.
    if (recognized?.kind !== 'export' && recognized?.kind !== 'attribute') return;
    const key = doc.uri.toString();
    if (remembered(ADOPTED_KEY).has(key)) { void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID); return; }
    if (remembered(DISMISSED_KEY).has(key) || offered.has(key)) return;
    offered.add(key);
    void offer(doc, recognized);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));
  vscode.workspace.textDocuments.forEach(adopt);
  void exportFiles.scanWorkspace().catch(() => undefined);
  return exportFiles;
}
