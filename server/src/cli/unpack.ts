/**
 * `saviynt-rest unpack <zip-or-Connection_*.json> -o <folder>`: turns an EIC export into a
 * connection folder (one file per attribute, exactly as exported, plus connection.meta.json).
 */
import * as path from 'node:path';
import { flag, parseCommandArgs, type CliIO } from './io';
import { errorMessage } from '../node/inputFiles';
import { nodeFs } from '../core/transport/node/nodeFs';
import { unpackExportFile } from '../core/transport/node/unpack';

export const UNPACK_USAGE = `Usage: saviynt-rest unpack <transport.zip | Connection_*.json> [-o <folder>] [options]

Writes one <Attribute>.json per non-empty attribute, holding the exported text exactly, and
connection.meta.json with the connection's columns. Encrypted values (ConnectionJSON,
templateMandatoryData) are kept in connection.meta.json, not decrypted. A file with several
connections gives one sub-folder per connection.

Options:
  -o, --output <folder>    Target folder (default: the source's name without extension)
  --connection <name>      Unpack only this connection, directly into the target folder
  --force                  Write into a folder that is not empty (same-named files are replaced)
  -h, --help               Show this help`;

/** For the command table (cli/commands.ts). */
export const NAME = 'unpack';
export const SYNOPSIS = 'unpack <zip|Connection_*.json> -o <dir>';
export const SUMMARY = 'Unpack an EIC export into a connection folder';
const OPTIONS = { values: ['o', 'output', 'connection'], booleans: ['force'] } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, io);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { io.out(UNPACK_USAGE); return 0; }
  if (parsed.positionals.length !== 1) {
    io.err(`unpack: give exactly one transport zip or Connection_*.json.\n\n${UNPACK_USAGE}`);
    return 2;
  }
  const source = path.resolve(io.cwd, parsed.positionals[0]);
  const given = flag(parsed, 'o', 'output');
  const target = given ? path.resolve(io.cwd, given) : path.resolve(io.cwd, path.basename(source).replace(/\.(zip|json)$/i, ''));
  try {
    const result = await unpackExportFile(nodeFs, source, target, {
      force: flag(parsed, 'force') === 'true', connection: flag(parsed, 'connection'),
    });
    for (const conn of result.connections) {
      io.out(`Unpacked connection "${conn.name}" into ${conn.folder}: ${conn.files.join(', ')}.`);
      const kept = [...conn.encrypted, ...conn.templateMandatoryDataKept ? ['templateMandatoryData'] : []];
      if (kept.length) {
        io.out(`  encrypted in the export, kept in connection.meta.json (not readable here): ${kept.join(', ')}.`);
      }
    }
    if (result.skipped.length) io.out(`Not unpacked (another connection was chosen): ${result.skipped.join(', ')}.`);
    if (result.otherEntries.length) io.out(`Other objects in the archive, not unpacked: ${result.otherEntries.join(', ')}.`);
    for (const note of result.notes) io.out(`note: ${note}`);
    return 0;
  } catch (error) {
    io.err(`unpack: ${errorMessage(error)}`);
    return 1;
  }
}
