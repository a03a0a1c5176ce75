/**
 * Gives attribute files and EIC exports the extension's language id whatever the case of
 * their file name (`createaccountjson.json` too), so VS Code's built-in JSON server does
 * not validate them a second time.
 */
import * as vscode from 'vscode';
import { attributeForFileName, isExportFileName } from '../../server/src/core/attributes';
import { LANGUAGE_ID } from '../../common/src/protocol';

export function isConnectionFile(fileName: string): boolean {
  return attributeForFileName(fileName) !== undefined || isExportFileName(fileName);
}

export function registerLanguageRecognition(context: vscode.ExtensionContext): void {
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) return;
    if (doc.languageId !== 'json' && doc.languageId !== 'jsonc' && doc.languageId !== 'plaintext') return;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return;
    if (isConnectionFile(doc.uri.path)) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));
  vscode.workspace.textDocuments.forEach(adopt);
}
