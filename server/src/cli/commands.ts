/** The CLI commands besides `check`: one entry each (name, synopsis, summary, run). */
import type { CliIO } from './io';
import * as packageCommand from './package';
import * as unpackCommand from './unpack';
import * as initCommand from './init';
import { cliEngine } from './engine';
import { engineValidator } from '../core/index';

export interface CliCommand {
  name: string;
  synopsis: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const CLI_COMMANDS: CliCommand[] = [
  { name: packageCommand.NAME, synopsis: packageCommand.SYNOPSIS, summary: packageCommand.SUMMARY, run: (args, io) => packageCommand.run(args, io, engineValidator(cliEngine())) },
  { name: unpackCommand.NAME, synopsis: unpackCommand.SYNOPSIS, summary: unpackCommand.SUMMARY, run: unpackCommand.run },
  { name: initCommand.NAME, synopsis: initCommand.SYNOPSIS, summary: initCommand.SUMMARY, run: initCommand.run },
];

// Test calls against Intercom (runner engine, issue 4): call, preview-import.
import * as callCommand from './call';
import * as previewImportCommand from './previewImport';
CLI_COMMANDS.push(
  { name: 'call', synopsis: 'call <attribute-file>', summary: 'Send one call (--base-url, --token-env, --var, --allow-host, --yes)', run: callCommand.run },
  { name: 'preview-import', synopsis: 'preview-import <connection-folder>', summary: 'Run ImportAccountEntJSON and show the rows EIC would store', run: previewImportCommand.run },
);

// The EIC tenant (issue 16): deploy, pull, diff.
import * as deployCommand from './deploy';
import * as pullCommand from './pull';
import * as diffCommand from './diff';
CLI_COMMANDS.push(
  { name: deployCommand.NAME, synopsis: deployCommand.SYNOPSIS, summary: deployCommand.SUMMARY, run: (args, io) => deployCommand.run(args, io) },
  { name: pullCommand.NAME, synopsis: pullCommand.SYNOPSIS, summary: pullCommand.SUMMARY, run: (args, io) => pullCommand.run(args, io) },
  { name: diffCommand.NAME, synopsis: diffCommand.SYNOPSIS, summary: diffCommand.SUMMARY, run: (args, io) => diffCommand.run(args, io) },
);
