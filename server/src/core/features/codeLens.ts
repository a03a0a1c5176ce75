/** CodeLens above each call: "Run" and "Preview request" (commands implemented by the client). */
import type { CodeLens } from 'vscode-languageserver-types';
import type { AttributeDocument } from '../document';
import type { ConnectionView } from '../connection';
import { findCalls } from '../calls/callModel';
import { pathOf } from '../json/ast';
import type { CodeLensContributor } from './contributors';
import { Commands } from '../../../../common/src/protocol';

export function codeLenses(doc: AttributeDocument, connection: ConnectionView, providers: readonly CodeLensContributor[] = []): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const call of findCalls(doc)) {
    if (!call.httpNode || call.role === 'auth') continue;
    const range = doc.rangeOf(call.node.offset, 1);
    const args = [{ uri: doc.uri, path: pathOf(call.node), name: call.name }];
    lenses.push({ range, command: { title: `▶ Run ${call.name}`, command: Commands.runCall, arguments: args } });
    lenses.push({ range, command: { title: 'Preview request', command: Commands.previewRequest, arguments: args } });
  }
  for (const contributor of providers) lenses.push(...contributor.provide(doc, connection));
  return lenses;
}
