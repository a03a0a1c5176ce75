/**
 * The ordered call lists of a document (`call: [ … ]`): one list for provisioning, access,
 * ticket and multi-call user-import JSONs, one per action in UpdateUserJSON. Calls in one
 * list run in order and may read earlier calls' responses (`response.<name>`, `<name>.message`).
 */
import type { ArrayASTNode, ObjectASTNode, StringASTNode } from '../../json/ast';
import { getValue, isArray, isObject, isString } from '../../json/ast';
import type { AttributeDocument } from '../../document';

export interface ListedCall {
  node: ObjectASTNode;
  index: number;
  nameNode?: StringASTNode;
  name?: string;
}

export interface CallList {
  arrayNode: ArrayASTNode;
  /** `UpdateUserJSON` action name, when the list belongs to an action. */
  action?: string;
  calls: ListedCall[];
}

function listOf(arrayNode: ArrayASTNode, action?: string): CallList {
  const calls: ListedCall[] = [];
  arrayNode.items.forEach((item, index) => {
    if (!isObject(item)) return;
    const nameNode = getValue(item, 'name');
    calls.push({ node: item, index, nameNode: isString(nameNode) ? nameNode : undefined, name: isString(nameNode) ? nameNode.value : undefined });
  });
  return { arrayNode, action, calls };
}

export function callLists(doc: AttributeDocument): CallList[] {
  return doc.memo('rules:callLists', () => {
    const root = doc.root;
    if (!isObject(root)) return [];
    switch (doc.attribute?.grammar) {
      case 'provisioning': case 'access': case 'createTicket': case 'ticketStatus': case 'importUser': {
        const calls = getValue(root, 'call');
        return isArray(calls) ? [listOf(calls)] : [];
      }
      case 'updateUser': {
        const actions = getValue(root, 'actions');
        const out: CallList[] = [];
        if (isObject(actions)) {
          for (const a of actions.properties) {
            const calls = getValue(a.valueNode, 'call');
            if (isArray(calls)) out.push(listOf(calls, a.keyNode.value));
          }
        }
        return out;
      }
      default: return [];
    }
  });
}

/** Names of the calls of the document's (first) call list, without duplicates. */
export function callNames(doc: AttributeDocument): string[] {
  const names = new Set<string>();
  for (const list of callLists(doc)) for (const c of list.calls) if (c.name !== undefined) names.add(c.name);
  return [...names];
}

/**
 * The names under which an earlier call's response can be read: its name and, for
 * calls sharing a name (access JSONs), `<name><n>` counted from 1.
 */
export function responseNamesBefore(list: CallList, index: number): Set<string> {
  const names = new Set<string>();
  const counts = new Map<string, number>();
  for (const c of list.calls) {
    if (c.index >= index) break;
    if (c.name === undefined) continue;
    const n = (counts.get(c.name) ?? 0) + 1;
    counts.set(c.name, n);
    names.add(c.name);
    names.add(`${c.name}${n}`);
  }
  return names;
}
