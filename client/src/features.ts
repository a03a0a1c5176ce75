/** The client's feature modules (commands, status items). One line per module. */
import type { ClientContext } from './clientContext';
import { registerTokenFeature } from './token/tokenCommands';
import { registerTransportCommands } from './transport/transportCommands';
import { registerCallCommands } from './calls/register';
import { registerEicCommands } from './eic/register';
import { registerLiveChecks } from './live/liveChecks';
import { Commands } from '../../common/src/protocol';
import { registerFolderCheck } from './folderCheck';
import { registerExampleConnection } from './onboarding/exampleConnection';
import { registerCliAccess } from './onboarding/cliAccess';
import { registerWalkthrough } from './onboarding/walkthrough';

export const CLIENT_FEATURES: ((ctx: ClientContext) => void)[] = [
  registerTokenFeature,
  registerTransportCommands,
  registerCallCommands,
  registerEicCommands,
  ctx => registerLiveChecks(ctx, Commands.checkWorkspace),
  registerFolderCheck,
  registerExampleConnection,
  registerCliAccess,
  registerWalkthrough,
];
