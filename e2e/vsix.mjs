// Packaging the extension as users get it, shared by `npm run package:vsix` (scripts/package-vsix.mjs)
// and the README screenshots (e2e/ui-screenshots.mjs): vsce 4 on the Node 24 of the e2e toolchain.
//
// README links are kept relative (--no-rewrite-relative-links): the images ship inside the package
// (see .vscodeignore), and VS Code's Extensions page resolves relative links against the installed
// extension's folder, so they render offline. Rewriting them to a repository URL would break them
// for anyone without that repository (and offline for everyone).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { node24, repoDir, verbose, vsceBin } from './lib.mjs';

const manifest = () => JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8'));

/**
 * The ignore file for vsce: the repository's .vscodeignore (if any) plus lines that keep local
 * tool and sandbox folders out of the package whatever that file says. Without a .vscodeignore but
 * with a `files` list in package.json, vsce's own whitelist is used instead (returns undefined).
 */
function vsceIgnoreFile(workDir) {
  const own = path.join(repoDir, '.vscodeignore');
  if (!fs.existsSync(own) && Array.isArray(manifest().files)) return undefined;
  const guard = ['.e2e-tools', 'node_modules', '.bench', 'e2e-sandbox-*', '.vscode-test', '*.vsix'];
  const devOnly = ['test/**', 'e2e/**', 'scripts/**', 'bench/**', '**/*.ts', '**/*.map', 'esbuild.mjs', 'tsconfig*.json', '.ci/**', 'docs/**'];
  const lines = fs.existsSync(own) ? [fs.readFileSync(own, 'utf8'), ...guard] : [...guard, ...devOnly];
  const file = path.join(workDir, 'vscodeignore');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * A copy of the repository without the heavy local folders, to package from: vsce lists every file
 * under its working directory before applying the ignore rules, and .e2e-tools alone holds ~100k
 * files (20 s of crawling). node_modules is linked back so a `vscode:prepublish` script still works.
 */
function stageRepository(workDir) {
  const stage = path.join(workDir, 'stage');
  const skipTop = new Set(['node_modules', '.e2e-tools', '.git', '.bench', '.vscode-test', 'out']);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.cpSync(repoDir, stage, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(repoDir, src);
      const top = rel.split(path.sep)[0];
      return rel === '' || (!skipTop.has(top) && !top.startsWith('e2e-sandbox-') && !rel.endsWith('.vsix'));
    },
  });
  if (fs.existsSync(path.join(repoDir, 'node_modules'))) fs.symlinkSync(path.join(repoDir, 'node_modules'), path.join(stage, 'node_modules'));
  return stage;
}

/** Packages the repository (its dist/ as built) into `vsixPath`, working in `workDir`; returns the path. */
export function packageVsix(vsixPath, workDir) {
  const ignoreFile = vsceIgnoreFile(workDir);
  const stage = stageRepository(workDir);
  try {
    const r = spawnSync(node24, [vsceBin, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-rewrite-relative-links',
      ...(ignoreFile ? ['--ignoreFile', ignoreFile] : []), '-o', vsixPath],
    { cwd: stage, encoding: 'utf8', env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
    if (verbose) console.log(r.stdout);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  return vsixPath;
}
