/** The CLI commands besides `check`: one entry each (name, synopsis, summary, run). */
import type { CliIO } from './io';

export interface CliCommand {
  name: string;
  synopsis: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const CLI_COMMANDS: CliCommand[] = [];
