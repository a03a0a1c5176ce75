/**
 * Code actions: the quick fixes carried by the diagnostics in the request, one "fix all" quick
 * fix next to them when the document has several certain fixes, and the `source.fixAll` action
 * (the Source Action menu, and `editor.codeActionsOnSave`). Fix all applies only preferred fixes,
 * the ones that are mechanically right.
 */
import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import type { AttributeDocument, Finding } from '../core/index';
import { codeActionsFor, fixAllAction, FIX_ALL_KIND } from './convert';
import type { ValidationScheduler } from './validation';

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some(o => kind === o || kind.startsWith(`${o}.`));
}

export async function codeActions(params: CodeActionParams, doc: AttributeDocument, scheduler: ValidationScheduler): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const findings = async (): Promise<Finding[]> => scheduler.currentFindings(uri, doc.version) ?? scheduler.findingsOf(doc);
  if (wants(only, CodeActionKind.QuickFix)) {
    const quick = codeActionsFor(uri, params.context.diagnostics);
    actions.push(...quick);
    const current = scheduler.currentFindings(uri, doc.version);
    if (quick.length && current) {
      // Worth offering only when it does more than the fix at hand.
      const all = fixAllAction(uri, doc, current, CodeActionKind.QuickFix, 2);
      if (all) actions.push(all);
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(uri, doc, await findings(), FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}
