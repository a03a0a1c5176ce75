/**
 * EIC export files (`Connection_*.json`): the connection envelope, whose
 * EXTERNAL_ATTR entries carry each attribute as a JSON string. Each embedded attribute
 * is analysed as its own document, with the other attributes of the same connection as
 * its siblings, and its findings are mapped back to the exact characters inside the
 * escaped string.
 */
import type { AnalyzeOptions } from '../analyze';
import { analyze } from '../analyze';
import type { AttributeDocument } from '../document';
import type { Finding } from '../types';
import { schemaFindings } from '../schema/schemaFindings';
import { exportModel, mapEmbeddedFinding } from './embeddedAttributes';
import { pausePoint } from '../pacing';

export async function analyzeExportDocument(doc: AttributeDocument, options: AnalyzeOptions): Promise<Finding[]> {
  const findings = await schemaFindings(doc, false);
  if (findings.some(f => f.code === 'json-syntax')) return findings;
  const model = exportModel(doc);
  for (const other of model.nonRest) {
    findings.push({ offset: other.offset, length: other.length, severity: 'information', code: 'export-not-rest',
      message: `Connection "${other.name}" is a ${other.type} connection; only REST connections are checked here.` });
  }
  for (const embedded of model.attributes) {
    if (await pausePoint(options.isCancelled)) break;
    if (!embedded.doc) continue;
    const inner = await analyze(embedded.doc, { ...options, connection: model.connections.get(embedded.connectionName) });
    for (const finding of inner) findings.push(mapEmbeddedFinding(embedded, finding));
  }
  return findings.sort((a, b) => a.offset - b.offset);
}
