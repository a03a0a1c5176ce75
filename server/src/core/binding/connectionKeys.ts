/**
 * `${connection.<key>}` members: the keys of the ConnectionJSON authentications, and
 * the authentication a string's call uses. Only a plaintext ConnectionJSON of the same
 * connection can tell; an encrypted or absent one means "unknown" (no checks).
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import { findCalls } from '../calls/callModel';
import { authentications, authenticationsNode } from '../calls/authentications';
import { getValue, stringValue } from '../json/ast';

export interface AuthKeys {
  readonly name: string;
  readonly keys: ReadonlySet<string>;
  /** The `tokenType` string of the authentication, when it has one. */
  readonly tokenType: string | undefined;
}

/** Keys of every authentication in the connection's ConnectionJSON, or undefined when unknown. */
export function connectionAuths(connection: ConnectionView): ReadonlyMap<string, AuthKeys> | undefined {
  const doc = connection.get('ConnectionJSON');
  if (!doc || doc.kind !== 'attribute') return undefined;
  return doc.memo('binding.connectionAuths', () => {
    if (!authenticationsNode(doc)) return undefined;
    const out = new Map<string, AuthKeys>();
    for (const auth of authentications(doc)) {
      const keys = new Set(auth.node.properties.map(x => x.keyNode.value));
      out.set(auth.name, { name: auth.name, keys, tokenType: stringValue(getValue(auth.node, 'tokenType')) });
    }
    return out;
  });
}

interface CallSpan {
  readonly start: number;
  readonly end: number;
  readonly auth: string | undefined;
  /** Index of the innermost call that encloses this one, or -1. */
  readonly parent: number;
}

/** The calls of the document as sorted spans with their enclosing call, built once per version. */
function callSpans(doc: AttributeDocument): CallSpan[] {
  return doc.memo('binding.callSpans', () => {
    const calls = findCalls(doc).slice().sort((a, b) => a.node.offset - b.node.offset || b.node.length - a.node.length);
    const spans: CallSpan[] = [];
    const open: number[] = [];
    for (const call of calls) {
      const start = call.node.offset;
      const end = start + call.node.length;
      while (open.length && spans[open[open.length - 1]].end <= start) open.pop();
      const auth = call.role === 'auth' ? call.name
        : stringValue(getValue(call.node, 'connection')) ?? stringValue(getValue(call.paramsNode, 'connection'));
      spans.push({ start, end, auth, parent: open.length ? open[open.length - 1] : -1 });
      open.push(spans.length - 1);
    }
    return spans;
  });
}

/** The authentication name of the innermost call that contains the document offset (its own `connection` or its params'). */
export function authNameAt(doc: AttributeDocument, offset: number): string | undefined {
  const spans = callSpans(doc);
  let lo = 0;
  let hi = spans.length - 1;
  let candidate = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) { candidate = mid; lo = mid + 1; } else hi = mid - 1;
  }
  while (candidate >= 0 && offset >= spans[candidate].end) candidate = spans[candidate].parent;
  return candidate >= 0 ? spans[candidate].auth : undefined;
}

/** The keys `connection.` may be followed by at this offset (the call's authentication, or all of them). */
export function connectionKeysAt(doc: AttributeDocument, connection: ConnectionView, offset: number):
  { keys: string[]; auth: AuthKeys | undefined } | undefined {
  const auths = connectionAuths(connection);
  if (!auths || auths.size === 0) return undefined;
  const name = authNameAt(doc, offset);
  const auth = name !== undefined ? auths.get(name) : undefined;
  if (auth) return { keys: [...auth.keys], auth };
  const all = new Set<string>();
  for (const a of auths.values()) for (const k of a.keys) all.add(k);
  return { keys: [...all], auth: undefined };
}
