/** "Saviynt REST: Get Started" opens the walkthrough (contributes.walkthroughs) from the palette. */
import * as vscode from 'vscode';
import { Commands, WALKTHROUGH_ID } from '../../../common/src/protocol';
import type { ClientContext } from '../clientContext';
import { registerCommand } from '../commandGuard';

export function registerWalkthrough(ctx: ClientContext): void {
  registerCommand(ctx, Commands.openWalkthrough, 'Get Started',
    () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
}
