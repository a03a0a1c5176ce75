/**
 * The transport commands: package a connection folder into an EIC transport zip, unpack a
 * transport zip or an export into connection folders, scaffold a new Intercom connection.
 * Each command takes optional arguments so scripts and tests can skip the dialogs.
 */
import type { ClientContext } from '../clientContext';
import { registerNewConnection } from './newConnectionCommand';
import { registerPackage } from './packageCommand';
import { registerUnpack } from './unpackCommand';

export function registerTransportCommands(ctx: ClientContext): void {
  registerPackage(ctx);
  registerUnpack(ctx);
  registerNewConnection(ctx);
}
