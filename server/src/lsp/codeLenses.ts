/** The core's lenses as LSP CodeLenses: each neutral lens kind becomes the client command that does it. */
import type { CodeLens } from 'vscode-languageserver';
import { Commands } from '../../../common/src/protocol';
import type { CallLens, CallLensKind } from '../core/index';

/** The client command behind each kind of lens (the ids are declared once, in common/src/protocol.ts). */
export const LENS_COMMANDS: Record<CallLensKind, string> = {
  'run-call': Commands.runCall,
  'preview-request': Commands.previewRequest,
};

export function toCodeLenses(lenses: readonly CallLens[]): CodeLens[] {
  return lenses.map(lens => ({
    range: lens.range,
    command: { title: lens.title, command: LENS_COMMANDS[lens.kind], arguments: [lens.target] },
  }));
}
