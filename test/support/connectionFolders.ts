/** The connection folders the tests of cross-file reads run on (examples and corpus). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AttributeDocument, StaticConnection } from '../../server/src/core/index';
import { CORPUS_CONNECTIONS, HAS_CORPUS, REPO_ROOT } from './corpus';

/** The connection folders of the examples and of the corpus (when present), each as its attribute documents. */
export function connectionFolders(): { folder: string; docs: AttributeDocument[] }[] {
  const roots = [path.join(REPO_ROOT, 'examples'), ...(HAS_CORPUS ? [CORPUS_CONNECTIONS] : [])];
  const out: { folder: string; docs: AttributeDocument[] }[] = [];
  for (const root of roots) {
    for (const name of fs.readdirSync(root)) {
      const folder = path.join(root, name);
      if (!fs.statSync(folder).isDirectory()) continue;
      const docs = fs.readdirSync(folder).filter(f => f.endsWith('.json'))
        .map(f => AttributeDocument.fromFile(path.join(folder, f), fs.readFileSync(path.join(folder, f), 'utf8').replace(/^\uFEFF/, ''), 1))
        .filter(d => d.kind === 'attribute');
      if (docs.length) out.push({ folder, docs });
    }
  }
  return out;
}

export function connectionOf(folder: string, docs: AttributeDocument[]): StaticConnection {
  return new StaticConnection(path.basename(folder), docs, folder);
}
