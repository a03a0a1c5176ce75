/** Locating ../shared/saviynt-corpus (absent on some machines: tests then skip with a message). */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
export const CORPUS_CONNECTIONS = path.join(SHARED, 'saviynt-corpus', 'connections');
export const CORPUS_EXPORTS = path.join(SHARED, 'saviynt-corpus', 'exports');
export const HAS_CORPUS = fs.existsSync(CORPUS_CONNECTIONS);
export const NO_CORPUS_MESSAGE = '../shared/saviynt-corpus is absent on this machine: corpus tests skipped';

/** `<App>/<Attribute>.json` paths of every corpus attribute file. */
export function corpusFiles(): string[] {
  if (!HAS_CORPUS) return [];
  const out: string[] = [];
  for (const app of fs.readdirSync(CORPUS_CONNECTIONS).sort()) {
    for (const file of fs.readdirSync(path.join(CORPUS_CONNECTIONS, app)).sort()) out.push(`${app}/${file}`);
  }
  return out;
}

export function readCorpus(relative: string): string {
  return fs.readFileSync(path.join(CORPUS_CONNECTIONS, relative), 'utf8');
}

export interface RealMistake { file: string; code: string; reason: string }

export function realMistakes(): RealMistake[] {
  const file = path.join(REPO_ROOT, 'test', 'fixtures', 'corpus-real-mistakes.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
export function prng(seed: number): () => number {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
