/**
 * Loads the command implementations (commandModules.ts) on first use. In the built extension the
 * require below is the separate bundle dist/clientCommands.js (esbuild.mjs maps it), so activation
 * never loads the engine; under a TypeScript loader it is the source module.
 */
import type * as Modules from './commandModules';

export type CommandModules = typeof Modules;

let loaded: CommandModules | undefined;

/** The implementations, loaded now if they are not yet. */
export function loadCommands(): CommandModules {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./commandModules') as CommandModules;
  return loaded;
}

/** The implementations if a command has loaded them already (listeners that only clear their state). */
export function loadedCommands(): CommandModules | undefined {
  return loaded;
}
