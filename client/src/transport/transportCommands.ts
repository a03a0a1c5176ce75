/**
 * The transport commands: package a connection folder into an EIC transport zip, unpack a
 * transport zip or an export into connection folders, scaffold a new Intercom connection.
 * Each command takes optional arguments so scripts and tests can skip the dialogs; a silent run
 * that fails rejects with the error. The implementations load on first use (commandLoader.ts).
 */
import { Commands } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { registerCommand } from '../commandGuard';
import { loadCommands } from '../commandLoader';

type Arg = Parameters<ReturnType<typeof loadCommands>['packageConnection']>[1];
type UnpackArg = Parameters<ReturnType<typeof loadCommands>['unpackPackage']>[1];
type NewConnectionArg = Parameters<ReturnType<typeof loadCommands>['newConnection']>[1];

export function registerTransportCommands(ctx: ClientContext): void {
  registerCommand(ctx, Commands.packageConnection, 'Package Connection', (a?: Arg) => loadCommands().packageConnection(ctx, a));
  registerCommand(ctx, Commands.unpackPackage, 'Unpack EIC Transport Package', (a?: UnpackArg) => loadCommands().unpackPackage(ctx, a));
  registerCommand(ctx, Commands.newConnection, 'New Intercom Connection', (a?: NewConnectionArg) => loadCommands().newConnection(ctx, a));
}
