/**
 * `${connection.<key>}` members: the keys of the ConnectionJSON authentications, and
 * the authentication a string's call uses. Only a plaintext ConnectionJSON of the same
 * connection can tell; an encrypted or absent one means "unknown" (no checks).
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import { findCalls } from '../calls/callModel';
import { getValue, isObject, stringValue } from '../json/ast';

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
    const auths = getValue(doc.root, 'authentications');
    if (!isObject(auths)) return undefined;
    const out = new Map<string, AuthKeys>();
    for (const p of auths.properties) {
      if (!isObject(p.valueNode)) continue;
      const keys = new Set(p.valueNode.properties.map(x => x.keyNode.value));
      out.set(p.keyNode.value, { name: p.keyNode.value, keys, tokenType: stringValue(getValue(p.valueNode, 'tokenType')) });
    }
    return out;
  });
}

/** The authentication name of the call that contains the document offset (its own `connection` or its params'). */
export function authNameAt(doc: AttributeDocument, offset: number): string | undefined {
  let best: { size: number; name: string | undefined } | undefined;
  for (const call of findCalls(doc)) {
    const node = call.node;
    if (offset < node.offset || offset >= node.offset + node.length) continue;
    if (best && best.size <= node.length) continue;
    const name = call.role === 'auth' ? call.name
      : stringValue(getValue(node, 'connection')) ?? stringValue(getValue(call.paramsNode, 'connection'));
    best = { size: node.length, name };
  }
  return best?.name;
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
