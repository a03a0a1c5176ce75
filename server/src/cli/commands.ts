/** The CLI commands besides `check`: one entry each (name, synopsis, summary, run). */
import type { CliIO } from './io';

export interface CliCommand {
  name: string;
  synopsis: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const CLI_COMMANDS: CliCommand[] = [];

// Test calls against Intercom (runner engine, issue 4).
import * as callCommand from './call';
import * as previewImportCommand from './previewImport';
CLI_COMMANDS.push(
  { name: 'call', synopsis: 'call <attribute-file>', summary: 'Send one call (--base-url, --token-env, --var, --allow-host, --yes)', run: callCommand.run },
  { name: 'preview-import', synopsis: 'preview-import <connection-folder>', summary: 'Run ImportAccountEntJSON and show the rows EIC would store', run: previewImportCommand.run },
);
