/** The CLI's engine: the default rules and providers, the Node runtime, failures of a rule on stderr. */
import { createEngine, type Engine } from '../core/index';
import { nodeRuntime } from '../node/runtime';

let engine: Engine | undefined;

export function cliEngine(): Engine {
  engine ??= createEngine(nodeRuntime({ log: message => process.stderr.write(message + '\n') }));
  return engine;
}
