/** "Saviynt REST: Get Started" opens the walkthrough (contributes.walkthroughs) from the palette. */
import * as vscode from 'vscode';
import { Commands, WALKTHROUGH_ID } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';

export function registerWalkthrough(ctx: ClientContext): void {
  ctx.extension.subscriptions.push(vscode.commands.registerCommand(Commands.openWalkthrough,
    () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)));
}
