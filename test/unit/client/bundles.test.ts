/**
 * The client's two bundles (scripts/clientBundles.mjs): dist/client.js, loaded at activation, carries
 * none of the engine's call-time code (request runner, import preview, transport, EIC client, live
 * check); dist/clientCommands.js carries it and none of the state that lives in dist/client.js.
 * Checked on esbuild's metafile of the same build options.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
// @ts-expect-error: plain ESM module without types
import { clientBuilds } from '../../../scripts/clientBundles.mjs';

interface Build { entryPoints: string[]; outfile: string; plugins?: esbuild.Plugin[] }

async function inputsOf(outfile: string): Promise<{ inputs: string[]; bytes: number; imports: { path: string; external?: boolean }[] }> {
  const build = (clientBuilds as Build[]).find(b => b.outfile === outfile)!;
  const r = await esbuild.build({
    ...build, bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, mainFields: ['module', 'main'],
    external: ['vscode'], loader: { '.json': 'json' }, metafile: true, write: false, logLevel: 'silent', outdir: undefined,
  });
  const output = Object.values(r.metafile.outputs).find(o => o.entryPoint)!;
  return { inputs: Object.keys(output.inputs), bytes: output.bytes, imports: output.imports };
}

test('dist/client.js does not contain the request runner, the transport, the EIC client or the live check', async () => {
  const { inputs, imports } = await inputsOf('dist/client.js');
  assert.ok(inputs.includes('client/src/extension.ts'), 'the entry is the extension');
  // The runner's secret slot is the one runner file allowed: the error boundary redacts with it.
  const runner = inputs.filter(f => f.startsWith('server/src/core/runner/') && f !== 'server/src/core/runner/secret.ts');
  assert.deepEqual(runner, [], 'no request runner file');
  for (const folder of ['server/src/core/transport/', 'server/src/core/schema/', 'server/src/core/rules/', 'server/src/lsp/']) {
    assert.deepEqual(inputs.filter(f => f.startsWith(folder)), [], `nothing from ${folder}`);
  }
  // The settings read the region table (a small pure module); nothing else of the Intercom code, the catalog least of all.
  assert.deepEqual(inputs.filter(f => f.startsWith('server/src/core/intercom/')), ['server/src/core/intercom/regions.ts'], 'only the table of regions of the Intercom code');
  const eic = inputs.filter(f => f.startsWith('server/src/core/eic/'));
  assert.deepEqual(eic.sort(), ['server/src/core/eic/eicCatalog.ts', 'server/src/core/eic/tenantAddress.ts'], 'only the tenant address and the release list of the EIC code');
  for (const library of ['yauzl', 'yazl', 'jsonc-parser', 'vscode-json-languageservice']) {
    assert.ok(!inputs.some(f => f.startsWith(`node_modules/${library}/`)), `${library} is not in the activation bundle`);
  }
  const lazy = imports.filter(i => i.path === './clientCommands.js');
  assert.equal(lazy.length, 1, 'the command implementations are required from the second bundle');
  assert.equal(lazy[0].external, true);
});

test('dist/clientCommands.js holds the implementations and none of the state of dist/client.js', async () => {
  const { inputs } = await inputsOf('dist/clientCommands.js');
  for (const file of ['server/src/core/runner/request.ts', 'server/src/core/runner/importRun.ts', 'client/src/calls/runCall.ts', 'client/src/eic/deployCommand.ts']) {
    assert.ok(inputs.includes(file), `${file} is in the command bundle`);
  }
  // A second copy of these would hold a second store, status item or document provider.
  for (const file of ['client/src/extension.ts', 'client/src/commandLoader.ts', 'client/src/token/tokenCommands.ts', 'client/src/calls/readOnlyDocuments.ts',
    'client/src/calls/lastCallStatus.ts', 'client/src/eic/credentialStore.ts', 'client/src/token/tokenStore.ts', 'client/src/commandGuard.ts']) {
    assert.ok(!inputs.includes(file), `${file} is not in the command bundle`);
  }
  assert.ok(!inputs.some(f => f.startsWith('node_modules/vscode-languageclient/')), 'the language client is not bundled twice');
});
