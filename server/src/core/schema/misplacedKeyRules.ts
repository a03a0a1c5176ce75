/**
 * Known misplaced, mis-cased and invented keys (mistakes §2, 3.12b; grammar §3.1, §5, §6, §7.2).
 * When the schema reports one of these as an unknown key, the message says what the key was
 * meant to be and the quick fix puts it right. Read by misplacedKeys.ts (MISPLACED_KEY_RULES). The table below is data: key, where it applies, code, message, fix.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getProperty, getValue, isObject } from '../json/ast';
import type { AttributeDocument } from '../document';
import type { Finding, Fix, Severity } from '../types';
import { moveProperty, nodeText } from '../rules/support/objectEdits';
import { isMisfiledUserImport } from '../rules/support/mappingModel';

type Path = (string | number)[];
interface Described { severity: Severity; code: string; message: string; fixes?: Fix[] }

/** A known mistake: the key, where it applies, and what the finding says (misplacedKeys.ts asks the table). */
export interface MisplacedKeyRule {
  key: string;
  /** Decides whether the rule applies to this object path. */
  applies(path: (string | number)[], doc: AttributeDocument): boolean;
  describe(doc: AttributeDocument, objectNode: ASTNode | undefined, path: (string | number)[]): Omit<Finding, 'offset' | 'length'>;
}

const last = (path: Path) => path[path.length - 1];
const grammarOf = (doc: AttributeDocument) => doc.attribute?.grammar;

function property(objectNode: ASTNode | undefined, key: string): PropertyASTNode | undefined {
  return getProperty(objectNode, key);
}

function renameFix(objectNode: ASTNode | undefined, key: string, to: string): Fix[] {
  const p = property(objectNode, key);
  if (!p || getProperty(objectNode, to)) return [];
  return [{ title: `Rename to "${to}"`, edits: [{ offset: p.keyNode.offset, length: p.keyNode.length, newText: JSON.stringify(to) }], isPreferred: true }];
}

function rule(key: string, applies: (path: Path, doc: AttributeDocument) => boolean,
  describe: (doc: AttributeDocument, objectNode: ASTNode | undefined, path: Path) => Described): MisplacedKeyRule {
  return { key, applies, describe };
}

/** Wraps `"<key>": …` into `"<wrapper>": { "<key>": … }`, or moves it into an existing wrapper object. */
function wrapFix(doc: AttributeDocument, objectNode: ASTNode | undefined, key: string, wrapper: string): Fix[] {
  const p = property(objectNode, key);
  if (!p || !isObject(objectNode)) return [];
  const existing = getValue(objectNode, wrapper);
  if (existing === undefined) {
    return [{ title: `Put it inside "${wrapper}"`, isPreferred: true, edits: [
      { offset: p.offset, length: 0, newText: `"${wrapper}": {` },
      { offset: p.offset + p.length, length: 0, newText: '}' },
    ] }];
  }
  if (isObject(existing) && !getValue(existing, key)) {
    return [{ title: `Move it into "${wrapper}"`, isPreferred: true, edits: moveProperty(doc, objectNode, p, existing) }];
  }
  return [];
}

function moveToFix(doc: AttributeDocument, objectNode: ASTNode | undefined, key: string, target: ASTNode | undefined, targetName: string): Fix[] {
  const p = property(objectNode, key);
  if (!p || !isObject(objectNode) || !isObject(target) || getValue(target, key) !== undefined) return [];
  return [{ title: `Move "${key}" into ${targetName}`, isPreferred: true, edits: moveProperty(doc, objectNode, p, target) }];
}

const insidePagination = (path: Path) => path.includes('pagination');
const PAGINATION_FORM_OF: Record<string, string> = {
  nextUrlPath: 'nextUrl', offsetParam: 'offset', batchParam: 'offset', batchSize: 'offset',
  pageSizeParam: 'page', pageSize: 'page', pageNumberParam: 'page', pageRecordCount: 'page', firstPageNumber: 'page',
};
const MISCASED: Record<string, string> = {
  SuccessResponses: 'successResponses', UnsuccessResponses: 'unsuccessResponses', IdPath: 'idPath', KeyField: 'keyField',
  ListPath: 'listPath', ListField: 'listField', CallOrder: 'callOrder', StageNumber: 'stageNumber', HttpMethod: 'httpMethod',
  HttpHeaders: 'httpHeaders', HttpParams: 'httpParams', Url: 'url', URL: 'url', ProcessingType: 'processingType',
};
const MISSPELLED: Record<string, string> = {
  colsToPropMap: 'colsToPropsMap', colToPropsMap: 'colsToPropsMap', colsToPropertiesMap: 'colsToPropsMap',
  responseColsToPropMap: 'responseColsToPropsMap', responseColToPropsMap: 'responseColsToPropsMap',
};
const USER_IMPORT_ROOT_KEYS = ['url', 'httpMethod', 'httpHeaders', 'httpParams', 'httpContentType', 'colsToPropsMap', 'pagination',
  'connection', 'successResponses', 'statusConfig', 'type', 'call'];
const NOT_AUTH = ['successResponses', 'unsuccessResponses', 'statusCode', 'testConnectionParams'];

export const MISPLACED_KEY_RULES: readonly MisplacedKeyRule[] = [
  rule('page', path => !insidePagination(path), (doc, obj) => ({ severity: 'warning', code: 'misplaced-page',
    message: 'Misplaced `page`: it must sit inside `pagination` ("pagination": {"page": {…}}); here EIC ignores it and imports only the first page.',
    fixes: wrapFix(doc, obj, 'page', 'pagination') })),

  ...Object.entries(PAGINATION_FORM_OF).map(([key, form]) => rule(key, path => last(path) === 'pagination', (doc, obj) => ({
    severity: 'warning', code: 'pagination-shape',
    message: `Misplaced pagination key \`${key}\`: it belongs inside pagination.${form} ("pagination": {"${form}": {"${key}": …}}); directly under pagination EIC ignores it.`,
    fixes: isObject(obj) && obj.properties.every(p => PAGINATION_FORM_OF[p.keyNode.value] === form) && obj.properties.length === 1
      ? wrapFix(doc, obj, key, form) : [] }))),

  ...['active', 'status'].map(key => rule(key, path => last(path) === 'statusAndThresholdConfig', (doc, obj) => ({
    severity: 'warning', code: 'status-active-key',
    message: `Wrong status key \`${key}\`: EIC does not read it; the list of values that mean "active" is \`activeStatus\` (used together with statusColumn). Without it no status rule is applied.`,
    fixes: renameFix(obj, key, 'activeStatus') }))),

  ...Object.entries(MISCASED).map(([key, to]) => rule(key, () => true, (doc, obj) => ({
    severity: 'warning', code: 'miscased-key',
    message: `Wrong case in \`${key}\`: keys are case-sensitive and EIC ignores this spelling; write \`${to}\`.`,
    fixes: renameFix(obj, key, to) }))),

  ...Object.entries(MISSPELLED).map(([key, to]) => rule(key, () => true, (doc, obj) => ({
    severity: 'warning', code: 'misspelled-key',
    message: `Misspelled key \`${key}\`: it is a misspelling of \`${to}\` (some JSON generators write it); EIC ignores it, so none of these columns is filled.`,
    fixes: renameFix(obj, key, to) }))),

  ...['entitlementParams', 'acctEntParams'].map(key => rule(key, path => path.length === 1 && path[0] === 'accountParams', doc => ({
    severity: 'error', code: 'misplaced-params',
    message: `Misplaced block \`${key}\`: it belongs at the top level of ImportAccountEntJSON, next to accountParams; nested inside accountParams EIC ignores it${key === 'entitlementParams' ? ' and imports no entitlements' : ' and imports no account–entitlement links'}.`,
    fixes: moveToFix(doc, getValue(doc.root, 'accountParams'), key, doc.root, 'the top level') }))),

  rule('acctEntMappings', (path, doc) => path.length === 0 && grammarOf(doc) === 'importAccountEnt', doc => ({
    severity: 'error', code: 'misplaced-params',
    message: 'Misplaced block `acctEntMappings`: it belongs inside accountParams (it reads the entitlement lists of the account records); at the top level EIC ignores it and no link is imported.',
    fixes: moveToFix(doc, doc.root, 'acctEntMappings', getValue(doc.root, 'accountParams'), 'accountParams') })),

  rule('userResponsePath', (path, doc) => path.length === 0 && grammarOf(doc) === 'importAccountEnt', () => ({
    severity: 'error', code: 'misfiled-import-user',
    message: 'ImportUserJSON content in the wrong attribute: this document has the shape of an ImportUserJSON (identity import: url, userResponsePath, colsToPropsMap of user columns). In ImportAccountEntJSON EIC looks for accountParams / entitlementParams and imports nothing from it. Save it as ImportUserJSON, or rewrite it as accountParams with a call.' })),

  ...USER_IMPORT_ROOT_KEYS.map(key => rule(key, (path, doc) => path.length === 0 && isMisfiledUserImport(doc), () => ({
    severity: 'hint', code: 'misfiled-import-user',
    message: `ImportUserJSON content in the wrong attribute: \`${key}\` is part of the ImportUserJSON-shaped content of this document (see userResponsePath).` }))),

  ...NOT_AUTH.map(key => rule(key, (path, doc) => grammarOf(doc) === 'connection' && path.length === 1 && path[0] === 'authentications', (doc, obj) => {
    const real = isObject(obj) ? obj.properties.filter(p => isObject(p.valueNode) && !NOT_AUTH.includes(p.keyNode.value)) : [];
    const target = real.length === 1 ? real[0].valueNode as ObjectASTNode : undefined;
    return { severity: 'error', code: 'auth-misplaced-key',
      message: `Misplaced key "${key}": it sits directly inside "authentications", where every key is an authentication name, so EIC reads it as an authentication that cannot work. ${key === 'testConnectionParams' ? 'Move it inside the authentication it tests.' : 'Put response checks for "Save & Test" inside testConnectionParams of the authentication, or remove it.'}`,
      fixes: key === 'testConnectionParams' && target ? moveToFix(doc, obj, key, target, `"${real[0].keyNode.value}"`) : [] };
  })),

  ...['tokenExpiry', 'tokenAutoRefresh'].map(key => rule(key, (path, doc) => grammarOf(doc) === 'connection' && path[0] === 'authentications', () => ({
    severity: 'warning', code: 'invented-auth-key',
    message: `Not an EIC setting: EIC has no \`${key}\` setting and ignores it. A static accessToken is used until it is replaced; for automatic renewal configure the token call (url, httpParams, tokenResponsePath) or refreshType "RefreshToken" with refreshToken and refreshTokenResponsePath, and list the expiry error in expiryError/retryFailureStatusCode.` }))),

  ...['refreshUrl', 'refreshToken'].map(key => rule(key, (path, doc) => grammarOf(doc) === 'connection' && last(path) === 'properties', () => ({
    severity: 'warning', code: 'invented-auth-key',
    message: `Not an EIC setting: \`properties.${key}\` is not read by EIC. Refresh tokens are configured on the authentication itself: refreshType "RefreshToken", refreshToken, refreshTokenResponsePath (and refreshTokenCall for a second API).` }))),

  rule('callEntitlementType', (path, doc) => grammarOf(doc) === 'access', () => ({
    severity: 'warning', code: 'invented-key',
    message: 'Not an EIC key: EIC has no `callEntitlementType` key; in AddAccessJSON / RemoveAccessJSON the call\'s `name` is the entitlement type it serves. Remove this key and set "name" to the type.' })),

  rule('authentications', (path, doc) => path.length === 0 && grammarOf(doc) !== 'connection', doc => ({
    severity: 'error', code: 'misfiled-attribute',
    message: `Content of another attribute: this is ConnectionJSON content (authentications); in ${doc.attribute?.name} EIC ignores it, and this attribute is stored unencrypted. Move it to ConnectionJSON.` })),

  ...['accountParams', 'entitlementParams', 'acctEntParams'].map(key => rule(key, (path, doc) => path.length === 0 && grammarOf(doc) !== 'importAccountEnt', doc => ({
    severity: 'error', code: 'misfiled-attribute',
    message: `Content of another attribute: \`${key}\` is ImportAccountEntJSON content; ${doc.attribute?.name} does not read it. Move it to ImportAccountEntJSON.` }))),

  rule('actions', (path, doc) => path.length === 0 && grammarOf(doc) !== 'updateUser', doc => {
    const actions = getValue(doc.root, 'actions');
    const only = isObject(actions) && actions.properties.length === 1 ? getValue(actions.properties[0].valueNode, 'call') : undefined;
    const p = getProperty(doc.root, 'actions');
    return { severity: 'error', code: 'misplaced-actions',
      message: `Misplaced \`actions\` wrapper: it is specific to UpdateUserJSON; in ${doc.attribute?.name} EIC looks for "call": [ … ] at the top level and runs nothing.`,
      fixes: only && p && isObject(doc.root) && !getValue(doc.root, 'call')
        ? [{ title: 'Use the action\'s calls directly', isPreferred: true, edits: [{ offset: p.offset, length: p.length, newText: `"call": ${nodeText(doc, only)}` }] }]
        : [] };
  }),
];

/** Used by tests: the keys this module explains. */
export const EXPLAINED_KEYS = [...new Set(MISPLACED_KEY_RULES.map(r => r.key))];
