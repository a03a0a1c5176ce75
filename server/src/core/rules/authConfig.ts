/**
 * ConnectionJSON authentication configurations (grammar §3; mistakes 2.6, 2.10, 2.11):
 * - `auth-type-bearer`: `authType: "Bearer"` is not a type; a static bearer token is `oauth2` with
 *   `tokenType: "Bearer"` and `accessToken: "Bearer <token>"`;
 * - `auth-type-unknown`: another authType EIC does not know (only when the schema does not say so);
 * - `auth-misplaced-key`: successResponses / unsuccessResponses / statusCode / testConnectionParams written
 *   next to the auth configs inside `authentications`, where EIC reads them as authentication names;
 * - `auth-config-incomplete`: an entry without `authType` (e.g. only a custom `apikey`), which EIC cannot use.
 */
import type { ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getProperty, getValue, isObject, isString } from '../json/ast';
import type { Fix, TextEdit } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { authenticationsNode } from '../calls/authentications';
import { NOT_AUTH_NAMES } from './support/connectionNames';
import { insertProperty, moveProperty, removeProperty } from './support/objectEdits';
import { schemaRejects, schemaRejectsKey } from './support/schemaCoverage';
import { schemasAt } from '../schema/schemaNavigator';
import { replaceString } from './support/stringNodes';

export const AUTH_TYPES = ['oauth2', 'Basic', 'Jwt', 'BasicWithAccessToken', 'BasicWithHmac', 'cookies', 'SignedHeaders'];
/** Keys that only matter for a token call; an entry with none of these and no authType holds only custom values. */
const AUTH_KEYS = new Set(['url', 'httpMethod', 'httpParams', 'httpHeaders', 'httpContentType', 'accessToken', 'tokenType', 'tokenResponsePath',
  'properties', 'jwtConfig', 'refreshToken', 'expiryError', 'authError', 'errorPath', 'retryFailureStatusCode', 'maxRefreshTryCount']);

function checkBearer(ctx: RuleContext, auth: ObjectASTNode, authTypeProp: PropertyASTNode): void {
  const valueNode = authTypeProp.valueNode;
  if (!isString(valueNode) || valueNode.value.trim().toLowerCase() !== 'bearer') return;
  const { doc } = ctx;
  const edits: TextEdit[] = [replaceString(valueNode, 'oauth2')];
  const tokenType = getProperty(auth, 'tokenType');
  if (!tokenType) edits.push(insertProperty(doc, auth, 'tokenType', '"Bearer"', authTypeProp));
  const accessToken = getValue(auth, 'accessToken');
  if (!accessToken) {
    edits.push(insertProperty(doc, auth, 'accessToken', '"Bearer <set in EIC>"', authTypeProp));
  } else if (isString(accessToken) && !/^\s*Bearer\s/i.test(accessToken.value)) {
    edits.push(replaceString(accessToken, `Bearer ${accessToken.value.trim()}`));
  }
  // Two insertions after the same property must not overlap: merge them.
  const merged = mergeInsertions(edits);
  ctx.report({ offset: valueNode.offset, length: valueNode.length, severity: 'error', code: 'auth-type-bearer',
    message: 'Unknown authType "Bearer": EIC has none, so this authentication never produces a token. A static bearer token is configured as authType "oauth2" with tokenType "Bearer" and accessToken "Bearer <token>"; calls then send it with "Authorization": "${access_token}".',
    fixes: [{ title: 'Use oauth2 with a static bearer token', edits: merged, isPreferred: true }] });
}

function mergeInsertions(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find(o => o.length === 0 && e.length === 0 && o.offset === e.offset);
    if (same) same.newText += e.newText; else out.push({ ...e });
  }
  return out;
}

function checkAuthType(ctx: RuleContext, authTypeProp: PropertyASTNode): void {
  const node = authTypeProp.valueNode;
  if (!isString(node) || AUTH_TYPES.includes(node.value) || node.value.trim().toLowerCase() === 'bearer' || node.value.includes('${')) return;
  if (schemaRejects(ctx, node)) return;
  const suggestion = didYouMean(node.value, AUTH_TYPES);
  const fixes: Fix[] = suggestion ? [{ title: `Change to "${suggestion}"`, edits: [replaceString(node, suggestion)], isPreferred: true }] : [];
  ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'auth-type-unknown',
    message: `Unknown authType "${node.value}": it is not one EIC knows${suggestion ? `; did you mean "${suggestion}"?` : '.'} Types: ${AUTH_TYPES.map(t => `"${t}"`).join(', ')} (case as shown).`,
    fixes });
}

function checkMisplaced(ctx: RuleContext, auths: ObjectASTNode, property: PropertyASTNode): void {
  const key = property.keyNode;
  if (schemaRejectsKey(ctx, auths, key.value)) return; // reported as a misplaced key by the schema check
  const real = auths.properties.filter(p => isObject(p.valueNode) && !NOT_AUTH_NAMES.has(p.keyNode.value));
  const fixes: Fix[] = [];
  if (key.value === 'testConnectionParams' && real.length === 1 && !getValue(real[0].valueNode, 'testConnectionParams')) {
    fixes.push({ title: `Move it into "${real[0].keyNode.value}"`, edits: moveProperty(ctx.doc, auths, property, real[0].valueNode as ObjectASTNode), isPreferred: true });
  } else if (key.value !== 'testConnectionParams') {
    fixes.push({ title: `Remove "${key.value}"`, edits: [removeProperty(ctx.doc, auths, property)] });
  }
  const advice = key.value === 'testConnectionParams'
    ? `Move it inside the authentication it tests${real.length === 1 ? ` ("${real[0].keyNode.value}")` : ''}.`
    : 'An authentication has no such key; to check the response of "Save & Test", use testConnectionParams (with its own successResponses) inside the authentication, or remove it.';
  ctx.report({ offset: key.offset, length: key.length, severity: 'error', code: 'auth-misplaced-key',
    message: `Misplaced key "${key.value}": it sits directly inside "authentications", where every key is the name of an authentication, so EIC reads it as an authentication called "${key.value}" that cannot work. ${advice}`,
    fixes });
}

function requiredBySchema(ctx: RuleContext, name: string): boolean {
  const file = ctx.doc.attribute?.schema;
  if (!file) return false;
  try {
    return schemasAt(file, ['authentications', name]).some(l => Array.isArray(l.schema.required) && l.schema.required.includes('authType'));
  } catch { return false; }
}

function checkIncomplete(ctx: RuleContext, property: PropertyASTNode, auth: ObjectASTNode): void {
  if (getValue(auth, 'authType')) return;
  const keys = auth.properties.map(p => p.keyNode.value);
  const customOnly = keys.length > 0 && !keys.some(k => AUTH_KEYS.has(k));
  if (!customOnly && requiredBySchema(ctx, property.keyNode.value)) return; // the schema reports the missing key
  const key = property.keyNode;
  ctx.report({ offset: key.offset, length: key.length, severity: 'error', code: 'auth-config-incomplete',
    message: customOnly
      ? `Incomplete authentication "${key.value}": it holds only custom values (${keys.slice(0, 4).map(k => `"${k}"`).join(', ')}). Custom keys are readable as \${connection.<key>}, but only inside a complete authentication: add authType (for a static token: "oauth2" with tokenType and accessToken), or calls using "${key.value}" fail with 401.`
      : `Incomplete authentication "${key.value}": it has no authType, so EIC does not know how to obtain a token. Add "authType" (${AUTH_TYPES.slice(0, 3).map(t => `"${t}"`).join(', ')} …).` });
}

export const authConfigRule: Rule = {
  id: 'auth-config',
  grammars: ['connection'],
  run(ctx) {
    const auths = authenticationsNode(ctx.doc);
    if (!auths) return;
    for (const property of auths.properties) {
      if (NOT_AUTH_NAMES.has(property.keyNode.value)) { checkMisplaced(ctx, auths, property); continue; }
      const auth = property.valueNode;
      if (!isObject(auth)) continue;
      const authType = getProperty(auth, 'authType');
      if (authType) {
        checkBearer(ctx, auth, authType);
        checkAuthType(ctx, authType);
      }
      checkIncomplete(ctx, property, auth);
    }
  },
};
