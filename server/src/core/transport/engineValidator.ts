/**
 * The pre-package check with the full engine: the same findings as the editor and
 * `check`; any error-severity finding stops packaging (unless overridden).
 */
import type { Engine } from '../engine';
import { AttributeDocument } from '../document';
import { StaticConnection } from '../connection';
import type { PackageValidator } from './packageValidator';

export const engineValidator = (engine: Pick<Engine, 'analyze'>): PackageValidator => async files => {
  const docs = files
    .filter(f => f.text.trim() !== '')
    .map(f => ({ file: f, doc: AttributeDocument.fromFile(f.path, f.text, 0, f.attribute) }));
  const connection = new StaticConnection('', docs.map(d => d.doc));
  const messages: string[] = [];
  let errors = 0;
  for (const { file, doc } of docs) {
    for (const finding of await engine.analyze(doc, { connection })) {
      if (finding.severity !== 'error') continue;
      errors++;
      const at = doc.positionAt(finding.offset);
      messages.push(`${file.fileName}:${at.line + 1}:${at.character + 1}: [${finding.code}] ${finding.message}`);
    }
  }
  return { errors, messages };
};
