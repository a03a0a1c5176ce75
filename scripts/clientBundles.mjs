// The two bundles of the extension client (used by esbuild.mjs and by the unit test that checks them):
//   dist/client.js          activation: the language client, recognition, status items, command registration
//   dist/clientCommands.js  the command implementations (request runner, import preview, transport, EIC),
//                           required by client/src/commandLoader.ts the first time such a command runs.
// In dist/client.js the loader's require('./commandModules') stays a require of ./clientCommands.js.

/** esbuild plugin: the loader's import of the implementations becomes the separate bundle. */
export const lazyCommandsPlugin = {
  name: 'lazy-client-commands',
  setup(build) {
    build.onResolve({ filter: /^\.\/commandModules$/ }, args =>
      /commandLoader\.ts$/.test(args.importer) ? { path: './clientCommands.js', external: true } : undefined);
  },
};

export const clientBuilds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', plugins: [lazyCommandsPlugin] },
  { entryPoints: ['client/src/commandModules.ts'], outfile: 'dist/clientCommands.js' },
];
