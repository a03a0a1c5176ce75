/**
 * EIC export files (`Connection_*.json`): the connection envelope, whose
 * EXTERNAL_ATTR entries carry each attribute as a JSON string. Each embedded attribute
 * is analysed as its own document and its findings are mapped back to the exact
 * characters inside the escaped string.
 */
import type { AnalyzeOptions } from '../analyze';
import type { AttributeDocument } from '../document';
import type { Finding } from '../types';
import { schemaFindings } from '../schema/schemaFindings';

export async function analyzeExportDocument(doc: AttributeDocument, _options: AnalyzeOptions): Promise<Finding[]> {
  return schemaFindings(doc, false);
}
