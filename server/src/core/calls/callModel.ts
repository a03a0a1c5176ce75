/**
 * Where the HTTP calls are in each attribute grammar, as data, and a uniform view of them.
 * Used by CodeLens, the "Run call" and "Import preview" commands, the CLI `call`
 * command and the cross-file rules.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getValue, isArray, isObject, pathOf, stringValue, toValue } from '../json/ast';
import type { AttributeDocument } from '../document';
import { authentications } from './authentications';
import type { CallDescription } from '../../../../common/src/protocol';

export type CallRole =
  | 'auth'          // ConnectionJSON authentication (token call)
  | 'testConnection'
  | 'importUser'
  | 'importAccount' // accountParams.call.<name>
  | 'importEntitlement' // entitlementParams.entTypes.<T>.call.<name>
  | 'importAcctEnt' // acctEntParams[.entTypes.<T>].call.<name>
  | 'provisioning'  // call[] of provisioning, access, ticket attributes
  | 'updateUser';

export interface CallInfo {
  /** The call object node. */
  node: ObjectASTNode;
  /** The node holding url/httpMethod/… (the call itself, or its nested `http`). */
  httpNode: ObjectASTNode | undefined;
  role: CallRole;
  /** `call1`, an entitlement type name, an auth name … */
  name: string;
  /** Entitlement type for entitlement and mapping import calls. */
  entType?: string;
  /** The object of that entitlement type (`entTypes.<T>`), the call's owner. */
  entTypeNode?: ObjectASTNode;
  /** The params object the call belongs to (accountParams, entitlementParams …). */
  paramsNode?: ObjectASTNode;
}

/** All calls of a document, in document order. */
export function findCalls(doc: AttributeDocument): CallInfo[] {
  return doc.memo('calls', () => collect(doc));
}

function collect(doc: AttributeDocument): CallInfo[] {
  const root = doc.root;
  if (!isObject(root)) return [];
  const out: CallInfo[] = [];
  switch (doc.attribute?.grammar) {
    case 'connection': {
      for (const auth of authentications(doc)) {
        out.push({ node: auth.node, httpNode: auth.node, role: 'auth', name: auth.name });
        const test = getValue(auth.node, 'testConnectionParams');
        const http = getValue(test, 'http');
        if (isObject(test)) out.push({ node: test, httpNode: isObject(http) ? http : undefined, role: 'testConnection', name: `${auth.name} › testConnectionParams` });
      }
      break;
    }
    case 'importUser': {
      const calls = getValue(root, 'call');
      if (isArray(calls)) arrayCalls(calls.items, 'importUser', out);
      else if (getValue(root, 'url')) out.push({ node: root, httpNode: root, role: 'importUser', name: 'users' });
      break;
    }
    case 'importAccountEnt': {
      const accountParams = getValue(root, 'accountParams');
      objectCalls(getValue(accountParams, 'call'), 'importAccount', out, accountParams);
      const entitlementParams = getValue(root, 'entitlementParams');
      const entTypes = getValue(entitlementParams, 'entTypes');
      if (isObject(entTypes)) {
        for (const t of entTypes.properties) objectCalls(getValue(t.valueNode, 'call'), 'importEntitlement', out, entitlementParams, t);
      }
      const acctEntParams = getValue(root, 'acctEntParams');
      objectCalls(getValue(acctEntParams, 'call'), 'importAcctEnt', out, acctEntParams);
      const acctEntTypes = getValue(acctEntParams, 'entTypes');
      if (isObject(acctEntTypes)) {
        for (const t of acctEntTypes.properties) objectCalls(getValue(t.valueNode, 'call'), 'importAcctEnt', out, acctEntParams, t);
      }
      break;
    }
    case 'updateUser': {
      const actions = getValue(root, 'actions');
      if (isObject(actions)) {
        for (const a of actions.properties) {
          const calls = getValue(a.valueNode, 'call');
          if (isArray(calls)) arrayCalls(calls.items, 'updateUser', out);
        }
      }
      break;
    }
    case 'provisioning': case 'access': case 'createTicket': case 'ticketStatus': {
      const calls = getValue(root, 'call');
      if (isArray(calls)) arrayCalls(calls.items, 'provisioning', out);
      break;
    }
  }
  return out;
}

function arrayCalls(items: ASTNode[], role: CallRole, out: CallInfo[]): void {
  items.forEach((item, index) => {
    if (!isObject(item)) return;
    out.push({ node: item, httpNode: item, role, name: stringValue(getValue(item, 'name')) ?? `call #${index + 1}` });
  });
}

function objectCalls(callsNode: ASTNode | undefined, role: CallRole, out: CallInfo[], params: ASTNode | undefined, entType?: PropertyASTNode): void {
  if (!isObject(callsNode)) return;
  for (const p of callsNode.properties) {
    if (!isObject(p.valueNode)) continue;
    const http = getValue(p.valueNode, 'http');
    out.push({ node: p.valueNode, httpNode: isObject(http) ? http : undefined, role, name: p.keyNode.value,
      entType: entType?.keyNode.value, entTypeNode: isObject(entType?.valueNode) ? entType.valueNode : undefined,
      paramsNode: isObject(params) ? params : undefined });
  }
}

const RESPONSE_PATH_KEYS = ['listField', 'keyField', 'ticketidPath', 'ticketStatusPath', 'acctIdPath', 'entIdPath', 'userResponsePath', 'tokenResponsePath'];

/** A call as the client needs it to send it: raw (unresolved) values. */
export function describeCall(doc: AttributeDocument, call: CallInfo): CallDescription {
  const http = call.httpNode;
  const headersValue = toValue(getValue(http, 'httpHeaders'));
  const headers: Record<string, string> = {};
  if (headersValue && typeof headersValue === 'object' && !Array.isArray(headersValue)) {
    for (const [k, v] of Object.entries(headersValue)) headers[k] = typeof v === 'string' ? v : JSON.stringify(v);
  }
  const paramsValue = toValue(getValue(http, 'httpParams'));
  const body = paramsValue === undefined ? undefined : typeof paramsValue === 'string' ? paramsValue : JSON.stringify(paramsValue);
  const responsePaths: { role: string; path: string }[] = [];
  for (const key of RESPONSE_PATH_KEYS) {
    const v = stringValue(getValue(call.node, key));
    if (v !== undefined) responsePaths.push({ role: key, path: v });
  }
  for (const mapKey of ['colsToPropsMap', 'responseColsToPropsMap']) {
    const map = getValue(call.node, mapKey);
    if (isObject(map)) {
      for (const p of map.properties) {
        const v = stringValue(p.valueNode);
        if (v !== undefined) responsePaths.push({ role: `${mapKey}.${p.keyNode.value}`, path: v });
      }
    }
  }
  const pieces = [stringValue(getValue(http, 'url')) ?? '', body ?? '', ...Object.values(headers)];
  const bindings = new Set<string>();
  for (const piece of pieces) for (const m of piece.matchAll(/\$\{([^}]*)\}?/g)) bindings.add(m[1].trim());
  const num = (key: string) => { const v = toValue(getValue(call.node, key)); return typeof v === 'number' ? v : undefined; };
  return {
    path: pathOf(call.node),
    name: call.entType ? `${call.entType} › ${call.name}` : call.name,
    attribute: doc.attribute?.name ?? '',
    method: (stringValue(getValue(http, 'httpMethod')) ?? 'GET').trim(),
    url: stringValue(getValue(http, 'url')) ?? '',
    headers,
    body,
    contentType: stringValue(getValue(http, 'httpContentType')),
    responsePaths,
    bindings: [...bindings],
    pagination: toValue(getValue(call.node, 'pagination')),
    callOrder: num('callOrder'),
    stageNumber: num('stageNumber'),
    connection: stringValue(getValue(call.node, 'connection')) ?? stringValue(getValue(call.paramsNode, 'connection')),
  };
}

export function describeCalls(doc: AttributeDocument, path?: (string | number)[]): CallDescription[] {
  const calls = findCalls(doc);
  const wanted = path ? calls.filter(c => JSON.stringify(pathOf(c.node)) === JSON.stringify(path)) : calls;
  return wanted.map(c => describeCall(doc, c));
}
