/** Conversions between core findings (offsets) and LSP diagnostics and edits (positions). */
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DiagnosticTag, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { AttributeDocument } from '../core/document';
import type { Finding, Fix, Severity } from '../core/types';

export const DIAGNOSTIC_SOURCE = 'saviynt-rest';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface FixData { title: string; isPreferred?: boolean; edits: TextEdit[] }

export function toDiagnostic(doc: AttributeDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: doc.rangeOf(finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.tags?.length) {
    diagnostic.tags = finding.tags.map(t => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary));
  }
  if (finding.fixes?.length) {
    diagnostic.data = { fixes: finding.fixes.map(fix => toFixData(doc, fix)) };
  }
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map(r => ({
      location: { uri: r.uri, range: r.range },
      message: r.message,
    }));
  }
  return diagnostic;
}

function toFixData(doc: AttributeDocument, fix: Fix): FixData {
  return {
    title: fix.title,
    isPreferred: fix.isPreferred,
    edits: fix.edits.map(e => ({ range: doc.rangeOf(e.offset, e.length), newText: e.newText })),
  };
}

/** Quick fixes carried by the diagnostics the client sends back. */
export function codeActionsFor(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fixes = (diagnostic.data as { fixes?: FixData[] } | undefined)?.fixes;
    if (!Array.isArray(fixes)) continue;
    for (const fix of fixes) {
      const edit: WorkspaceEdit = { changes: { [uri]: fix.edits } };
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit });
    }
  }
  return actions;
}
