/**
 * `saviynt-rest package <connection-folder> -o <zip>`: builds the EIC transport zip of a
 * connection folder. The check run first is a parameter of `run` (the command table passes the
 * engine's); without one, only JSON syntax is checked.
 */
import * as path from 'node:path';
import { flag, parseCommandArgs, type CliIO } from './io';
import { errorMessage } from '../node/inputFiles';
import { nodeFs } from '../core/transport/node/nodeFs';
import { PackageRefusedError, packageConnectionFolder } from '../core/transport/node/package';
import { jsonSyntaxValidator, type PackageValidator } from '../core/transport/packageValidator';
import { parseStamp } from '../core/transport/timestamp';

export const PACKAGE_USAGE = `Usage: saviynt-rest package <connection-folder> [-o <zip-or-folder>] [options]

Builds the transport package (zip) that EIC imports under Admin → Transport → Import Package,
laid out like EIC's own exports. The access token never goes into the package: a literal token
in ConnectionJSON is replaced by a placeholder, and one anywhere else stops the package.

Options:
  -o, --output <path>      The zip to write, or a folder to write transport_<user>_<stamp>(UTC).zip into
                           (default: that name in the current folder)
  --timestamp <stamp>      Export time, UTC, "yyyy-MM-dd_HH-mm-ss" (or ISO 8601); the same folder and
                           stamp give a byte-identical zip (default: $SOURCE_DATE_EPOCH, else now)
  --allow-errors           Package even when the check reports errors (secrets are never allowed)
  --exported-by <name>     "Exported By" in the object summary (default: admin)
  --system <host>          "System" in the object summary: your EIC tenant host (default: localhost)
  --store                  Store entries uncompressed (bytes then also match across zlib builds)
  -h, --help               Show this help`;

/** For the command table (cli/commands.ts). */
export const NAME = 'package';
export const SYNOPSIS = 'package <connection-folder> -o <zip>';
export const SUMMARY = 'Build the EIC transport zip of a connection folder';
const OPTIONS = { values: ['o', 'output', 'timestamp', 'exported-by', 'system'], booleans: ['allow-errors', 'store'] } as const;

export async function run(args: string[], io: CliIO, validator: PackageValidator = jsonSyntaxValidator): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, io);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { io.out(PACKAGE_USAGE); return 0; }
  if (parsed.positionals.length !== 1) {
    io.err(`package: give exactly one connection folder.\n\n${PACKAGE_USAGE}`);
    return 2;
  }
  const folder = path.resolve(io.cwd, parsed.positionals[0]);
  let timestamp: Date;
  const stampText = flag(parsed, 'timestamp');
  if (stampText !== undefined) {
    const parsedStamp = parseStamp(stampText);
    if (!parsedStamp) { io.err(`package: --timestamp "${stampText}" is not a date; write it as yyyy-MM-dd_HH-mm-ss (UTC), e.g. 2024-05-01_09-30-00.`); return 2; }
    timestamp = parsedStamp;
  } else if (process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH)) {
    timestamp = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
  } else {
    timestamp = new Date();
  }
  try {
    const result = await packageConnectionFolder(nodeFs, folder, {
      timestamp, allowErrors: flag(parsed, 'allow-errors') === 'true', validate: validator,
      exportedBy: flag(parsed, 'exported-by'), system: flag(parsed, 'system'), compress: flag(parsed, 'store') !== 'true',
    });
    const output = await outputPath(io.cwd, flag(parsed, 'o', 'output'), result.fileName);
    const blocked = await fileInTheWay(path.dirname(output));
    if (blocked) { io.err(`package: cannot write ${output}: ${blocked} is a file, not a folder.`); return 1; }
    await nodeFs.mkdir(path.dirname(output));
    await nodeFs.writeFile(output, result.zip);
    for (const message of result.checkMessages) io.err(`warning: ${message}`);
    for (const s of result.secretPlaceholders) {
      io.out(`${s.fileName} line ${s.line}: the literal ${s.what} (${s.jsonPath}) was replaced by a placeholder in the package; set it in EIC after import.`);
    }
    for (const note of result.notes) io.out(`note: ${note}`);
    io.out(`Wrote ${output}: connection "${result.connectionName}", entries ${result.entries.map(e => e.name).join(' and ')}.`);
    return 0;
  } catch (error) {
    if (error instanceof PackageRefusedError) {
      io.err(`package: ${error.message}`);
      return 1;
    }
    io.err(`package: ${errorMessage(error)}`);
    return 1;
  }
}

/** The first existing path on the way to `folder` that is not a folder, if any. */
async function fileInTheWay(folder: string): Promise<string | undefined> {
  for (let p = folder; ; p = path.dirname(p)) {
    const stat = await nodeFs.stat(p);
    if (stat) return stat.kind === 'directory' || stat.kind === 'symlink' ? undefined : p;
    if (path.dirname(p) === p) return undefined;
  }
}

async function outputPath(cwd: string, given: string | undefined, defaultName: string): Promise<string> {
  if (!given) return path.resolve(cwd, defaultName);
  const resolved = path.resolve(cwd, given);
  const stat = await nodeFs.stat(resolved);
  if (stat?.kind === 'directory' || /[\\/]$/.test(given)) return path.join(resolved, defaultName);
  return resolved;
}
