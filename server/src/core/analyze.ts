/**
 * The analysis driver: syntax, schema and every rule, for one document in the context
 * of its connection. Pure: no editor, no protocol, no file system.
 */
import type { ConnectionView } from './connection';
import { singleDocumentConnection } from './connection';
import type { AttributeDocument } from './document';
import type { AnalysisSettings, Finding } from './types';
import { schemaFindings } from './schema/schemaFindings';
import { RULES } from './rules/index';
import './rules/all';
import { analyzeExportDocument } from './export/exportAnalysis';

export const DEFAULT_MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;

export interface AnalyzeOptions {
  connection?: ConnectionView;
  settings?: AnalysisSettings;
  /** Returns true when the caller no longer needs the result. */
  isCancelled?: () => boolean;
  /** Logs a rule's failure (the analysis itself carries on). */
  log?: (message: string) => void;
}

export async function analyze(doc: AttributeDocument, options: AnalyzeOptions = {}): Promise<Finding[]> {
  const settings = options.settings ?? {};
  const limit = settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (doc.text.length > limit) {
    return [{ offset: 0, length: 0, severity: 'information', code: 'document-too-large',
      message: `This document has ${doc.text.length.toLocaleString('en-US')} characters, more than the ${limit.toLocaleString('en-US')} the checks handle (setting saviyntRest.validation.maxDocumentSize); it is not checked.` }];
  }
  if (doc.kind === 'export') return analyzeExportDocument(doc, options);
  if (doc.kind === 'unknown') return [];

  const findings = await schemaFindings(doc, true);
  if (options.isCancelled?.()) return findings;
  const connection = options.connection ?? singleDocumentConnection(doc);
  const grammar = doc.attribute?.grammar;
  for (const rule of RULES) {
    if (rule.grammars && (!grammar || !rule.grammars.includes(grammar))) continue;
    if (options.isCancelled?.()) break;
    try {
      rule.run({ doc, connection, settings, report: f => findings.push(f) });
    } catch (error) {
      options.log?.(`Rule ${rule.id} failed on ${doc.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  return dedupe(findings);
}

/** Generic schema codes that a specific rule's finding on the same value replaces. */
const GENERIC_CODES = new Set(['schema']);

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  const specific = findings.filter(f => !GENERIC_CODES.has(f.code));
  const covered = (g: Finding) => specific.some(f => f.offset >= g.offset && f.offset + f.length <= g.offset + g.length && f.length > 0);
  for (const f of findings) {
    if (GENERIC_CODES.has(f.code) && covered(f)) continue;
    const key = `${f.offset}:${f.length}:${f.code}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => a.offset - b.offset || a.length - b.length);
}
