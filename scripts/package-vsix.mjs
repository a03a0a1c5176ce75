#!/usr/bin/env node
// `npm run package:vsix [-- <out.vsix>]`: the production build packaged as users install it
// (saviynt-intercom-rest.vsix by default), then checked: the README's images and links resolve to
// files inside the package, so the Extensions page renders offline, and every bundle (desktop and
// browser: dist/browser/*) is in it. Exit code 1 when not.
// Needs the e2e toolchain (bash e2e/setup.sh: vsce runs on its Node 24); E2E_TOOLS is honoured.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { node24, repoDir, requirePaths, vsceBin } from '../e2e/lib.mjs';
import { packageVsix } from '../e2e/vsix.mjs';
import { checkVsixReadme, missingBundles, readZip } from './vsix-readme.mjs';

const out = path.resolve(process.argv[2] ?? path.join(repoDir, 'saviynt-intercom-rest.vsix'));
requirePaths([['Node 24', node24], ['vsce', vsceBin]]);
const build = (args) => {
  const r = spawnSync(process.execPath, [path.join(repoDir, 'esbuild.mjs'), ...args], { cwd: repoDir, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
build(['--production']);
// The bundles dist/client.js requires at run time (./clientCommands.js: the command implementations).
const required = [...fs.readFileSync(path.join(repoDir, 'dist/client.js'), 'utf8').matchAll(/require\("\.\/([\w.-]+\.js)"\)/g)].map(m => `extension/dist/${m[1]}`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'saviynt-vsix-'));
try {
  packageVsix(out, work);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
  build([]); // back to the development build (source maps)
}
const bytes = fs.readFileSync(out);
const { images, problems } = await checkVsixReadme(bytes);
const { names } = await readZip(bytes);
for (const file of required) if (!names.includes(file)) problems.push(`${file}, which dist/client.js requires, is not in the package (.vscodeignore)`);
for (const file of await missingBundles(bytes)) problems.push(`${file} is not in the package (.vscodeignore)`);
console.log(`[vsix] ${path.relative(process.cwd(), out)}: ${Math.round(fs.statSync(out).size / 1024)} KiB, README images: ${images.join(', ') || 'none'}`);
for (const p of problems) console.error(`[vsix] ${p}`);
process.exit(problems.length ? 1 : 0);
