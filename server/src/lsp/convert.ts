/** Conversions between core findings (offsets) and LSP diagnostics and edits (positions). */
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, DiagnosticTag, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { layoutEdit, type AttributeDocument, type Finding, type Fix, type Severity } from '../core/index';

export const DIAGNOSTIC_SOURCE = 'saviynt-rest';

/** The kind of the "fix all" source action (run by `editor.codeActionsOnSave: {"source.fixAll": …}` too). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.saviyntRest`;

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

/** A fix as LSP edits, its inserted text laid out as the document is (see fixLayout). */
function toFixData(doc: AttributeDocument, fix: Fix): FixData {
  return {
    title: fix.title,
    isPreferred: fix.isPreferred,
    edits: fix.edits.map(e => layoutEdit(doc, e)).map(e => ({ range: doc.rangeOf(e.offset, e.length), newText: e.newText })),
  };
}

const editKey = (edits: TextEdit[]) => JSON.stringify(edits);

/** Quick fixes carried by the diagnostics the client sends back (one action for fixes that several diagnostics share). */
export function codeActionsFor(uri: string, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Map<string, CodeAction>();
  for (const diagnostic of diagnostics) {
    const fixes = (diagnostic.data as { fixes?: FixData[] } | undefined)?.fixes;
    if (!Array.isArray(fixes)) continue;
    for (const fix of fixes) {
      const key = `${fix.title}\u0000${editKey(fix.edits)}`;
      const same = seen.get(key);
      if (same) { same.diagnostics!.push(diagnostic); continue; }
      const edit: WorkspaceEdit = { changes: { [uri]: fix.edits } };
      const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit };
      seen.set(key, action);
      actions.push(action);
    }
  }
  return actions;
}

/**
 * The certain fixes of a document in one edit: each finding's preferred fix (`isPreferred`, the
 * ones that are mechanically right), left out where its edits overlap one already taken.
 * Undefined when there is nothing to fix.
 */
export function fixAllEdits(doc: AttributeDocument, findings: readonly Finding[]): { edits: TextEdit[]; count: number } | undefined {
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  const seen = new Set<string>();
  let count = 0;
  for (const finding of findings) {
    const fix = finding.fixes?.find(f => f.isPreferred);
    if (!fix || !fix.edits.length) continue;
    const key = editKey(fix.edits.map(e => ({ range: doc.rangeOf(e.offset, e.length), newText: e.newText })));
    if (seen.has(key)) continue;
    const spans = fix.edits.map(e => ({ start: e.offset, end: e.offset + e.length }));
    // Overlapping edits, or two edits starting at one place (their order would be a guess), are left for another run.
    const clashes = spans.some(s => taken.some(t => (s.start < t.end && t.start < s.end) || s.start === t.start));
    if (clashes) continue;
    seen.add(key);
    taken.push(...spans);
    for (const e of fix.edits) {
      const laid = layoutEdit(doc, e);
      edits.push({ range: doc.rangeOf(laid.offset, laid.length), newText: laid.newText });
    }
    count++;
  }
  return count ? { edits, count } : undefined;
}

/** The "fix all" action of a document, as a source action or (next to a diagnostic) as a quick fix. */
export function fixAllAction(uri: string, doc: AttributeDocument, findings: readonly Finding[], kind: string, minimum = 1): CodeAction | undefined {
  const all = fixAllEdits(doc, findings);
  if (!all || all.count < minimum) return undefined;
  return {
    title: `Fix all certain problems in this file (${all.count})`,
    kind,
    edit: { changes: { [uri]: all.edits } },
  };
}
