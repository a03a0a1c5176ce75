/** `saviynt-rest init <folder>`: scaffolds an Intercom connection folder in the teammates or contacts model. */
import * as path from 'node:path';
import { flag, parseCommandArgs, type CliIO } from './io';
import { errorMessage } from '../node/inputFiles';
import { nodeFs } from '../core/transport/node/nodeFs';
import { checkModelFeatures, initIntercomFolder, parseFeatureList, parseModel } from '../core/transport/init';
import type { IntercomFeature, IntercomModel } from '../core/transport/intercomTemplates';
import { DEFAULT_INTERCOM_REGION, INTERCOM_REGION_IDS, isIntercomRegionId } from '../core/intercom/regions';
import { DEFAULT_INTERCOM_API_VERSION } from '../core/transport/intercomTemplates';

export const INIT_USAGE = `Usage: saviynt-rest init <folder> [options]

Creates a connection folder for Intercom: the attribute files for the chosen model and features,
and connection.meta.json. The access token in ConnectionJSON is a placeholder.

Models:
  teammates   Intercom teammates (the workforce) as accounts, teams (and the 2.16 role) as
              entitlements; every lifecycle and access task becomes an Intercom ticket, because
              Intercom's API cannot change teammates. Features: import, ticketing.
  contacts    customer contacts as accounts, tags and companies as entitlements, lifecycle and
              access through the API. Features: import, incremental, lifecycle, access. With both
              import and incremental, the incremental import goes into <folder>-incremental (EIC
              holds one ImportAccountEntJSON per connection).

Options:
  --model teammates|contacts   The connection model (default: teammates)
  --region ${INTERCOM_REGION_IDS.join('|').padEnd(20)}Intercom data region (default: ${DEFAULT_INTERCOM_REGION.id})
  --api-version <v>            Intercom-Version sent by every call (default: ${DEFAULT_INTERCOM_API_VERSION})
  --features <list>            Comma-separated features of the model (default: all of them);
                               a feature the model does not have is refused, never dropped
  --name <name>                Connection name (default: the folder's name)
  --ticket-type-id <id>        teammates: the Intercom ticket type tickets use (default: a
                               placeholder in ConnectionJSON, key ticketTypeId)
  --service-contact-id <id>    teammates: the Intercom contact every ticket names (default: a
                               placeholder in ConnectionJSON, key serviceContactId)
  --force                      Replace files that already exist in the folder
  -h, --help                   Show this help`;

/** For the command table (cli/commands.ts). */
export const NAME = 'init';
export const SYNOPSIS = 'init <folder>';
export const SUMMARY = 'Scaffold an Intercom connection folder (teammates or contacts model)';
const OPTIONS = { values: ['model', 'region', 'api-version', 'features', 'name', 'ticket-type-id', 'service-contact-id'], booleans: ['force'] } as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(NAME, args, OPTIONS, io);
  if (!parsed) return 2;
  if (flag(parsed, 'help', 'h')) { io.out(INIT_USAGE); return 0; }
  if (parsed.positionals.length !== 1) {
    io.err(`init: give exactly one folder.\n\n${INIT_USAGE}`);
    return 2;
  }
  const region = (flag(parsed, 'region') ?? DEFAULT_INTERCOM_REGION.id).toLowerCase();
  if (!isIntercomRegionId(region)) { io.err(`init: --region "${region}" is not an Intercom region; choose us, eu or au.`); return 2; }
  let model: IntercomModel = 'teammates';
  let features: IntercomFeature[] | undefined;
  try {
    const modelText = flag(parsed, 'model');
    if (modelText !== undefined) model = parseModel(modelText);
    const featureText = flag(parsed, 'features');
    if (featureText !== undefined) features = parseFeatureList(featureText);
    if (features) checkModelFeatures(model, features);
  } catch (error) { io.err(`init: ${(error as Error).message}`); return 2; }
  const folder = path.resolve(io.cwd, parsed.positionals[0]);
  try {
    const result = await initIntercomFolder(nodeFs, folder, {
      model, region, apiVersion: flag(parsed, 'api-version'), features,
      name: flag(parsed, 'name'), ticketTypeId: flag(parsed, 'ticket-type-id'), serviceContactId: flag(parsed, 'service-contact-id'),
      force: flag(parsed, 'force') === 'true',
    });
    for (const f of [result, ...result.more]) io.out(`Created connection "${f.connectionName}" in ${f.folder}: ${f.files.join(', ')}.`);
    for (const note of result.notes) io.out(`note: ${note}`);
    return 0;
  } catch (error) {
    io.err(`init: ${errorMessage(error)}`);
    return 1;
  }
}
