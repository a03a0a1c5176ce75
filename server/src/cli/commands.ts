/** The CLI commands besides `check`: one entry each (name, synopsis, summary, run). */
import type { CliIO } from './io';
import * as packageCommand from './package';
import * as unpackCommand from './unpack';
import * as initCommand from './init';
import { engineValidator } from '../core/transport/engineValidator';

export interface CliCommand {
  name: string;
  synopsis: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

packageCommand.setPackageValidator(engineValidator);

export const CLI_COMMANDS: CliCommand[] = [
  { name: packageCommand.NAME, synopsis: packageCommand.SYNOPSIS, summary: packageCommand.SUMMARY, run: packageCommand.run },
  { name: unpackCommand.NAME, synopsis: unpackCommand.SYNOPSIS, summary: unpackCommand.SUMMARY, run: unpackCommand.run },
  { name: initCommand.NAME, synopsis: initCommand.SYNOPSIS, summary: initCommand.SUMMARY, run: initCommand.run },
];
