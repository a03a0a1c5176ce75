/** `saviynt-rest init <folder>`: scaffolds an Intercom connection folder. */
import * as path from 'node:path';
import { flag, parseCommandArgs, type CliIO } from './io';
import { errorMessage } from '../node/inputFiles';
import { nodeFs } from '../core/transport/nodeFs';
import { initIntercomFolder, parseFeatureList } from '../core/transport/init';
import type { IntercomFeature, IntercomRegion } from '../core/transport/intercomTemplates';

export const INIT_USAGE = `Usage: saviynt-rest init <folder> [options]

Creates a connection folder for Intercom: the attribute files for the chosen features and
connection.meta.json. The access token in ConnectionJSON is a placeholder.

Options:
  --region us|eu|au        Intercom data region (default: us)
  --api-version <v>        Intercom-Version sent by every call (default: 2.15)
  --features <list>        Comma-separated: import, incremental, lifecycle, access, ticketing
                           (default: import,lifecycle,access,ticketing)
  --name <name>            Connection name (default: the folder's name)
  --ticket-type-id <id>    Intercom ticket type for CreateTicketJSON (default: a placeholder)
  --force                  Replace files that already exist in the folder
  -h, --help               Show this help`;

/** For the command table (cli/commands.ts). */
export const NAME = 'init';
export const SYNOPSIS = 'init <folder>';
export const SUMMARY = 'Scaffold an Intercom connection folder';
const OPTIONS = { values: ['region', 'api-version', 'features', 'name', 'ticket-type-id'], booleans: ['force'] } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, io);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { io.out(INIT_USAGE); return 0; }
  if (parsed.positionals.length !== 1) {
    io.err(`init: give exactly one folder.\n\n${INIT_USAGE}`);
    return 2;
  }
  const region = (flag(parsed, 'region') ?? 'us').toLowerCase();
  if (!['us', 'eu', 'au'].includes(region)) { io.err(`init: --region "${region}" is not an Intercom region; choose us, eu or au.`); return 2; }
  let features: IntercomFeature[] | undefined;
  const featureText = flag(parsed, 'features');
  if (featureText !== undefined) {
    try { features = parseFeatureList(featureText); } catch (error) { io.err(`init: ${(error as Error).message}`); return 2; }
  }
  const folder = path.resolve(io.cwd, parsed.positionals[0]);
  try {
    const result = await initIntercomFolder(nodeFs, folder, {
      region: region as IntercomRegion, apiVersion: flag(parsed, 'api-version'), features,
      name: flag(parsed, 'name'), ticketTypeId: flag(parsed, 'ticket-type-id'), force: flag(parsed, 'force') === 'true',
    });
    io.out(`Created connection "${result.connectionName}" in ${result.folder}: ${result.files.join(', ')}.`);
    for (const note of result.notes) io.out(`note: ${note}`);
    return 0;
  } catch (error) {
    io.err(`init: ${errorMessage(error)}`);
    return 1;
  }
}
