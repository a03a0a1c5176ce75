/**
 * Where the cursor is, for the Intercom completion and hover: the string value under it, the key
 * it belongs to, and the call (and Intercom call model) around it.
 */
import type { ObjectASTNode, StringASTNode } from '../json/ast';
import { isObject } from '../json/ast';
import type { CallInfo } from '../calls/callModel';
import type { FeatureContext } from './contributors';
import { callAt, intercomCalls, IntercomCall } from '../intercom/rules/model';
import { bindingRegions, decodedString } from '../rules/support/stringNodes';

export interface StringSpot {
  readonly node: StringASTNode;
  /** Key of the property whose value the string is. */
  readonly key: string;
  /** The object holding that property. */
  readonly owner: ObjectASTNode;
  /** Key of the property holding `owner` (e.g. colsToPropsMap, httpHeaders). */
  readonly ownerKey: string | undefined;
  /** Decoded value and the cursor's index in it. */
  readonly value: string;
  readonly index: number;
  /** Document offsets of the content (inside the quotes). */
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly call: CallInfo | undefined;
  readonly intercom: IntercomCall | undefined;
}

/** The string property value containing the cursor (between its quotes), if any. */
export function stringSpotAt(ctx: FeatureContext): StringSpot | undefined {
  const { doc, offset } = ctx;
  if (doc.kind !== 'attribute') return undefined;
  const node = doc.json.getNodeFromOffset(offset, true);
  if (node?.type !== 'string') return undefined;
  const prop = node.parent;
  if (prop?.type !== 'property' || prop.valueNode !== node) return undefined;
  const owner = prop.parent;
  if (!isObject(owner)) return undefined;
  const contentStart = node.offset + 1;
  const closed = node.length >= 2 && doc.text[node.offset + node.length - 1] === '"';
  const contentEnd = closed ? node.offset + node.length - 1 : node.offset + node.length;
  if (offset < contentStart || offset > contentEnd) return undefined;
  const decoded = closed ? decodedString(doc, node) : undefined;
  let index = offset - contentStart;
  if (decoded) {
    index = 0;
    while (index < decoded.value.length && decoded.offsets[index] < offset) index++;
  }
  const ownerProp = owner.parent;
  const call = callAt(doc, offset);
  return {
    node, key: prop.keyNode.value, owner,
    ownerKey: ownerProp?.type === 'property' ? ownerProp.keyNode.value : undefined,
    value: decoded?.value ?? node.value, index, contentStart, contentEnd, call,
    intercom: call ? intercomCalls(doc, ctx.settings).find(c => c.call === call) : undefined,
  };
}

/** True when the cursor sits inside a `${…}` of the value (the binding features answer there). */
export function inBinding(spot: StringSpot): boolean {
  const { value, index } = spot;
  return bindingRegions(value).some(([s, e]) => index > s && (index < e || (e === value.length && !value.slice(s, e).endsWith('}'))));
}
