// The Node built-ins an esbuild metafile shows in a bundle: inputs that are built-ins, and
// imports of one (esbuild already refuses to resolve them for platform 'browser'; this catches
// any that an `external` or a plugin let through). esbuild.mjs fails the browser build on any.
import { builtinModules } from 'node:module';

const NODE_BUILTINS = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

export function nodeBuiltinsIn(metafile) {
  const found = new Set();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    if (NODE_BUILTINS.has(file)) found.add(file);
    for (const imported of input.imports ?? []) {
      if (NODE_BUILTINS.has(imported.path)) found.add(`${imported.path} (imported by ${file})`);
    }
  }
  for (const [file, output] of Object.entries(metafile.outputs)) {
    for (const imported of output.imports ?? []) {
      if (NODE_BUILTINS.has(imported.path)) found.add(`${imported.path} (in ${file})`);
    }
  }
  return [...found];
}
