// Bundles the extension client (two bundles: scripts/clientBundles.mjs), the language server, the CLI and the e2e suite into dist/.
// Bundles are always minified (smaller, faster start-up); `--production` also drops source maps (for the .vsix).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { clientBuilds } from './scripts/clientBundles.mjs';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: true,
  // jsonc-parser and vscode-json-languageservice ship UMD mains that esbuild bundles wrongly.
  mainFields: ['module', 'main'],
  external: ['vscode'],
  logLevel: 'warning',
  loader: { '.json': 'json' },
};

const builds = [
  ...clientBuilds,
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync('test/e2e/suite/index.ts')) {
  builds.push({
    entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/e2e/index.js',
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

// `--bench`: only the benchmark, bundled like the server (minified, same libraries), so that it
// measures the code that ships rather than the sources as a TypeScript loader runs them.
const selected = process.argv.includes('--bench')
  ? [{ entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.js' }]
  : builds;

await Promise.all(selected.map(b => esbuild.build({ ...common, ...b })));
