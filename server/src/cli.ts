/**
 * The command-line interface, on the same engine as the language server:
 * check, package, unpack, init, call, preview-import.
 */
import { CliIO, processIO } from './cli/io';
import * as check from './cli/check';
import { CLI_COMMANDS } from './cli/commands';

const USAGE = `saviynt-rest — Saviynt EIC REST connections to Intercom

Usage: saviynt-rest <command> [options]

Commands:
  check <file-or-folder>...      Validate attribute files and exports (--format text|json, --live)
${CLI_COMMANDS.map(c => `  ${c.synopsis.padEnd(31)}${c.summary}`).join('\n')}

Run "saviynt-rest <command> --help" for a command's options.`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') { io.out(USAGE); return command ? 0 : 2; }
  if (command === '--version') { io.out('0.1.0'); return 0; }
  if (command === 'check') return check.run(rest, io);
  const entry = CLI_COMMANDS.find(c => c.name === command);
  if (!entry) { io.err(`Unknown command "${command}".\n\n${USAGE}`); return 2; }
  return entry.run(rest, io);
}

if (require.main === module) {
  // A closed pipe (`… | head`) is not an error: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => { if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0); });
  }
  main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => { process.stderr.write(`saviynt-rest: ${error instanceof Error ? error.message : String(error)}\n`); process.exitCode = 2; },
  );
}
