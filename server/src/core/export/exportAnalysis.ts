/**
 * EIC export files (`Connection_*.json`): the connection envelope, whose
 * EXTERNAL_ATTR entries carry each attribute as a JSON string. Each embedded attribute
 * is analysed as its own document, with the other attributes of the same connection as
 * its siblings, and its findings are mapped back to the exact characters inside the
 * escaped string. The analysis of one attribute is passed in by analyze.ts (which calls this
 * module for exports), so that the two modules do not import each other.
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { Finding } from '../types';
import { schemaFindings } from '../schema/schemaFindings';
import { exportModel, mapEmbeddedFinding } from './embeddedAttributes';
import { Pacer } from '../pacing';

/** What this module reads of the analysis options (analyze.ts's AnalyzeOptions); the rest is passed on. */
export interface ExportAnalysisOptions {
  connection?: ConnectionView;
  isCancelled?: () => boolean;
  /** The pacing of the analysis the export's attributes are part of. */
  pacer?: Pacer;
}

/** Analyses one document (analyze.ts's `analyze`). */
export type DocumentAnalysis<O extends ExportAnalysisOptions> = (doc: AttributeDocument, options: O) => Promise<Finding[]>;

export async function analyzeExportDocument<O extends ExportAnalysisOptions>(doc: AttributeDocument, options: O, analyze: DocumentAnalysis<O>): Promise<Finding[]> {
  const findings = await schemaFindings(doc, false);
  if (findings.some(f => f.code === 'json-syntax')) return findings;
  const model = exportModel(doc);
  const pacer = options.pacer ?? new Pacer();
  for (const other of model.nonRest) {
    findings.push({ offset: other.offset, length: other.length, severity: 'information', code: 'export-not-rest',
      message: `Not a REST connection: "${other.name}" is a ${other.type} connection; only REST connections are checked here.` });
  }
  for (const embedded of model.attributes) {
    if (await pacer.pausePoint(options.isCancelled)) break;
    if (!embedded.doc) continue;
    const inner = await analyze(embedded.doc, { ...options, connection: model.connections.get(embedded.connectionName) });
    for (const finding of inner) findings.push(mapEmbeddedFinding(embedded, finding));
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
