/**
 * Lenses above each call: run it, or preview its request. The core says what a lens is about (a
 * neutral kind, its title and the call it names); the LSP layer maps the kind to the client's
 * command (lsp/codeLenses.ts), so the core knows no command id.
 */
import type { AttributeDocument } from '../document';
import type { ConnectionView } from '../connection';
import { findCalls } from '../calls/callModel';
import { pathOf } from '../json/ast';
import type { CallLens, CodeLensContributor } from './contributors';

export type { CallLens, CallLensKind, CallLensTarget } from './contributors';

export function codeLenses(doc: AttributeDocument, connection: ConnectionView, providers: readonly CodeLensContributor[] = []): CallLens[] {
  const lenses: CallLens[] = [];
  for (const call of findCalls(doc)) {
    if (!call.httpNode || call.role === 'auth') continue;
    const range = doc.rangeOf(call.node.offset, 1);
    const target = { uri: doc.uri, path: pathOf(call.node), name: call.name };
    lenses.push({ kind: 'run-call', range, title: `▶ Run ${call.name}`, target });
    lenses.push({ kind: 'preview-request', range, title: 'Preview request', target });
  }
  for (const contributor of providers) lenses.push(...contributor.provide(doc, connection));
  return lenses;
}
