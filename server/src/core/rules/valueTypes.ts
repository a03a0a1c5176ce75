/**
 * Values of the wrong JSON type that EIC does not coerce (mistakes 2.4, 2.9, 3.5, §5). Each check
 * stays silent when the attribute's schema already reports the value (see support/schemaCoverage):
 * - `call-not-array`: a provisioning/ticket `call` written as an object of named calls;
 * - `status-code-not-list`: `successResponses.statusCode: 200` instead of `[200]`;
 * - `success-responses-array`: successResponses as a list outside TicketStatusJSON;
 * - `boolean-as-string`: "true"/"false" in quotes for a switch such as disableDeletedEntitlements;
 * - `number-as-string`: "0" in quotes for callOrder, stageNumber, batchSize ….
 */
import type { ASTNode, ObjectASTNode } from '../json/ast';
import { getValue, isArray, isObject, isString } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Fix, TextEdit } from '../types';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { schemaRejects } from './support/schemaCoverage';
import { nodeText } from './support/objectEdits';

const BOOLEAN_KEYS = new Set(['disableDeletedEntitlements', 'disableDeletedAccounts', 'deleteLinks', 'correlateInactiveAccounts',
  'inactivateAccountsNotInFile', 'deleteAccEntForActiveAccounts', 'inactivateEntsNotInFeed', 'showResponse', 'importAsEntitlement',
  'importAsAccount', 'makeProcessingStatus', 'includeExistingInActiveAccounts', 'doNotChangeIfFailed', 'showJobHistory',
  'dependentCall', 'createUsers', 'showLogs', 'cleanUpTextContent', 'refreshTokenFlag']);
const NUMBER_KEYS = new Set(['callOrder', 'stageNumber', 'entTypeOrder', 'batchSize', 'pageSize', 'firstPageNumber', 'accountThresholdValue',
  'maxRefreshTryCount', 'jwtExpiryDuration', 'retryAfterCalls', 'retryWaitSeconds', 'connectionTimeout', 'readTimeout', 'writeTimeout',
  'retryCount', 'retryWait']);
const LEGACY_NOTE: Record<string, string> = {
  disableDeletedEntitlements: ' Note that statusAndThresholdConfig (inactivateEntsNotInFeed) supersedes this legacy switch.',
  disableDeletedAccounts: ' Note that statusAndThresholdConfig (inactivateAccountsNotInFile) supersedes this legacy switch.',
};

function objectToCallArrayFix(ctx: RuleContext, calls: ObjectASTNode): Fix[] {
  if (!calls.properties.every(p => isObject(p.valueNode))) return [];
  const edits: TextEdit[] = [
    { offset: calls.offset, length: 1, newText: '[' },
    { offset: calls.offset + calls.length - 1, length: 1, newText: ']' },
  ];
  for (const p of calls.properties) {
    const value = p.valueNode as ObjectASTNode;
    edits.push({ offset: p.offset, length: value.offset - p.offset, newText: '' });
    if (!getValue(value, 'name')) {
      edits.push({ offset: value.offset + 1, length: 0, newText: `"name": ${JSON.stringify(p.keyNode.value)}${value.properties.length ? ', ' : ''}` });
    }
  }
  return [{ title: 'Turn the calls into a list, keeping their names', edits, isPreferred: true }];
}

function checkCallShape(ctx: RuleContext, calls: ASTNode | undefined): void {
  if (!isObject(calls) || schemaRejects(ctx, calls)) return;
  ctx.report({ offset: calls.offset, length: 1, severity: 'error', code: 'call-not-array',
    message: `Calls not in a list: in ${ctx.doc.attribute?.name} "call" is a list [ {…}, {…} ] that runs in order, each call with its "name"; written as an object (the ImportAccountEntJSON form) EIC finds no call to run.`,
    fixes: objectToCallArrayFix(ctx, calls) });
}

function checkResponses(ctx: RuleContext, key: string, value: ASTNode): void {
  if (isObject(value)) {
    const code = getValue(value, 'statusCode');
    if (code && code.type === 'number' && !schemaRejects(ctx, code)) {
      const raw = nodeText(ctx.doc, code);
      ctx.report({ offset: code.offset, length: code.length, severity: 'error', code: 'status-code-not-list',
        message: `Status codes not in a list: ${key}.statusCode must be a list of codes, e.g. [${raw}]; EIC does not read a single number here, so the call's outcome is not judged by it.`,
        fixes: [{ title: `Write [${raw}]`, edits: [{ offset: code.offset, length: code.length, newText: `[${raw}]` }], isPreferred: true }] });
    }
    return;
  }
  if (isArray(value) && ctx.doc.attribute?.grammar !== 'ticketStatus' && !schemaRejects(ctx, value)) {
    const only = value.items.length === 1 && isObject(value.items[0]) ? value.items[0] : undefined;
    ctx.report({ offset: value.offset, length: 1, severity: 'warning', code: 'success-responses-array',
      message: `Response check written as a list: ${key} is a list here; outside TicketStatusJSON EIC expects an object such as {"statusCode": [200, 201]}.`,
      fixes: only ? [{ title: 'Use the object inside the list', edits: [{ offset: value.offset, length: value.length, newText: nodeText(ctx.doc, only) }], isPreferred: true }] : [] });
  }
}

function checkScalar(ctx: RuleContext, key: string, value: ASTNode): void {
  if (!isString(value) || (!BOOLEAN_KEYS.has(key) && !NUMBER_KEYS.has(key))) return;
  const text = value.value.trim();
  if (BOOLEAN_KEYS.has(key) && /^(true|false)$/i.test(text) && !schemaRejects(ctx, value)) {
    const b = text.toLowerCase();
    ctx.report({ offset: value.offset, length: value.length, severity: 'error', code: 'boolean-as-string',
      message: `Boolean written as text: ${key} must be the JSON value ${b}, without quotes; EIC does not read the text "${value.value}" as a switch, so the setting has no effect.${LEGACY_NOTE[key] ?? ''}`,
      fixes: [{ title: `Write ${b} without quotes`, edits: [{ offset: value.offset, length: value.length, newText: b }], isPreferred: true }] });
  } else if (NUMBER_KEYS.has(key) && /^-?\d+$/.test(text) && !schemaRejects(ctx, value)) {
    ctx.report({ offset: value.offset, length: value.length, severity: 'warning', code: 'number-as-string',
      message: `Number written as text: ${key} is a number; write ${text} without quotes. EIC may not convert the text "${value.value}" and then falls back to its default.`,
      fixes: [{ title: `Write ${text} without quotes`, edits: [{ offset: value.offset, length: value.length, newText: text }], isPreferred: true }] });
  }
}

export const valueTypesRule: Rule = {
  id: 'value-types',
  run(ctx) {
    const grammar = ctx.doc.attribute?.grammar;
    const root = ctx.doc.root;
    if (grammar === 'provisioning' || grammar === 'access' || grammar === 'createTicket' || grammar === 'ticketStatus') {
      checkCallShape(ctx, getValue(root, 'call'));
    } else if (grammar === 'updateUser') {
      const actions = getValue(root, 'actions');
      if (isObject(actions)) for (const a of actions.properties) checkCallShape(ctx, getValue(a.valueNode, 'call'));
    }
    for (const node of documentIndex(ctx.doc).properties) {
      if (!node.valueNode) continue;
      const key = node.keyNode.value;
      if (key === 'successResponses' || key === 'unsuccessResponses') checkResponses(ctx, key, node.valueNode);
      else checkScalar(ctx, key, node.valueNode);
    }
  },
};
