/**
 * The example connections in examples/, as init options: `npm run gen:examples` writes them from the
 * templates, and test/unit/transport/examples.test.ts fails when a folder differs from what the
 * templates produce, so that the examples and `init` cannot drift apart.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateIntercomFolders, type InitOptions } from '../server/src/core/transport/init';

export interface ExampleSpec {
  /** Folder under examples/ (a second folder gets the generated suffix, e.g. "-incremental"). */
  folder: string;
  name: string;
  options: InitOptions;
}

export const EXAMPLES: readonly ExampleSpec[] = [
  { folder: 'intercom-teammates', name: 'Intercom teammates', options: { model: 'teammates' } },
  { folder: 'intercom-contacts', name: 'Intercom contacts', options: { model: 'contacts' } },
];

/** Folder name (under examples/) → file name → text, as the templates produce them. */
export function expectedExamples(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const spec of EXAMPLES) {
    for (const generated of generateIntercomFolders(spec.name, spec.options)) {
      out.set(`${spec.folder}${generated.suffix}`, new Map(generated.files.map(f => [f.fileName, f.text])));
    }
  }
  return out;
}

/** Rewrites examples/ from the templates; returns the folders written. */
export function writeExamples(examplesDir: string): string[] {
  const written: string[] = [];
  for (const [folder, files] of expectedExamples()) {
    const dir = path.join(examplesDir, folder);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text, 'utf8');
    written.push(folder);
  }
  return written;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'examples');
  console.log(`Wrote ${writeExamples(dir).map(f => `examples/${f}`).join(', ')} from the templates.`);
}
