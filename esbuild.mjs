// Bundles the extension client (two bundles: scripts/clientBundles.mjs), the language server, the CLI and the e2e suite into dist/.
// Bundles are always minified (smaller, faster start-up); `--production` also drops source maps (for the .vsix).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { nodeBuiltinsIn } from './scripts/node-builtins.mjs';
import { clientBuilds, lazyCommandsPlugin } from './scripts/clientBundles.mjs';

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
  // dist/server.js is the loader: it runs dist/serverMain.js through V8's code cache (server/src/node/codeCache.ts).
  { entryPoints: ['server/src/serverLoader.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/serverMain.js' },
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (existsSync('test/e2e/suite/index.ts')) {
  builds.push({
    entryPoints: ['test/e2e/suite/index.ts'], outfile: 'dist/test/e2e/index.js',
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

// The browser build (vscode.dev, github.dev): the server as a Web Worker, the client as the
// package.json `browser` entry. No Node there: the build fails if a Node built-in got in.
const browser = {
  ...common, platform: 'browser', format: 'iife', target: 'es2022', mainFields: ['browser', 'module', 'main'], metafile: true,
};
const browserBuilds = [
  { entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browser/server.js' },
  // The error boundary's secret masking names the lazily loaded desktop commands; in the browser
  // they are never loaded, and the plugin keeps them out of the bundle (an external ./clientCommands.js).
  { entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browser/client.js', format: 'cjs', plugins: [lazyCommandsPlugin] },
];

async function buildBrowser(options) {
  const result = await esbuild.build({ ...browser, ...options });
  const builtins = nodeBuiltinsIn(result.metafile);
  if (builtins.length) throw new Error(`${options.outfile} must run without Node, but it contains: ${builtins.join(', ')}`);
}

// `--bench`: only the benchmark, bundled like the server (minified, same libraries), so that it
// measures the code that ships rather than the sources as a TypeScript loader runs them.
const selected = process.argv.includes('--bench')
  ? [{ entryPoints: ['bench/run.ts'], outfile: 'dist/bench/run.js' }]
  : builds;

const browserOnly = process.argv.includes('--browser');
await Promise.all([
  ...(browserOnly ? [] : selected.map(b => esbuild.build({ ...common, ...b }))),
  ...(process.argv.includes('--bench') ? [] : browserBuilds.map(buildBrowser)),
]);
