/**
 * Request fields that EIC passes on as typed (mistakes 3.6, 3.8, §5):
 * - `empty-header-name`: a header with an empty name (`"": "${access_token}"`) — the token is never sent;
 * - `content-type-space`: a media type with blanks (`application /x-www-form-urlencoded`);
 * - `http-method-case`: `put` or " GET" instead of `PUT` / `GET` (only when the schema does not report it);
 * - `disable-with-delete`: DisableAccountJSON sending DELETE, which removes the account in most APIs (mistake 2.7).
 * (A duplicated `Bearer ${access_token}` prefix is reported by the binding checks.)
 */
import type { ObjectASTNode, StringASTNode } from '../json/ast';
import { isObject, isString, stringValue } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { schemaRejects } from './support/schemaCoverage';
import { replaceString } from './support/stringNodes';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'DELETEWITHBODY', 'GETWITHBODY'];

function checkHeaders(ctx: RuleContext, headers: ObjectASTNode): void {
  for (const p of headers.properties) {
    const name = p.keyNode.value;
    if (name.trim() !== '') continue;
    const value = stringValue(p.valueNode) ?? '';
    const carriesToken = /\$\{\s*access_token\s*\}/.test(value);
    ctx.report({ offset: p.keyNode.offset, length: p.keyNode.length, severity: 'error', code: 'empty-header-name',
      message: `Empty header name: EIC sends no header at all${carriesToken ? ' and the access token never reaches the API (401 Unauthorized)' : ''}. Write the header name${carriesToken ? ', normally "Authorization"' : ''}.`,
      fixes: carriesToken ? [{ title: 'Name the header "Authorization"', edits: [replaceString(p.keyNode, 'Authorization')], isPreferred: true }] : [] });
  }
}

function checkContentType(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  if (!/\S\s+\/|\/\s+\S|^\s|\s$/.test(value) || value.includes('${') || schemaRejects(ctx, node)) return;
  const fixed = value.trim().replace(/\s*\/\s*/g, '/');
  ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'content-type-space',
    message: `Blank in the content type "${value}": EIC does not recognise the media type because of the blank${fixed.length < value.length - 1 ? 's' : ''}; EIC then encodes the body the wrong way. Write "${fixed}".`,
    fixes: [{ title: `Change to "${fixed}"`, edits: [replaceString(node, fixed)], isPreferred: true }] });
}

function checkMethod(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  const canonical = value.trim().toUpperCase();
  if ((canonical === 'DELETE' || canonical === 'DELETEWITHBODY') && ctx.doc.attribute?.name === 'DisableAccountJSON') {
    ctx.report({ offset: node.offset, length: node.length, severity: 'information', code: 'disable-with-delete',
      message: `Disable may delete the account: DisableAccountJSON sends ${canonical}; in most APIs that deletes the account instead of disabling it, and EIC's later EnableAccountJSON has nothing left to enable. Disable with PATCH/PUT/POST (e.g. {"active": false}) unless the target really deactivates on DELETE.` });
  }
  if (value === canonical || !METHODS.includes(canonical) || schemaRejects(ctx, node)) return;
  ctx.report({ offset: node.offset, length: node.length, severity: 'warning', code: 'http-method-case',
    message: `HTTP method not in EIC's spelling: write "${canonical}"; EIC compares it with the upper-case names (GET, POST, PUT, PATCH, DELETE, DELETEWITHBODY, GETWITHBODY), so "${value}" may not be recognised.`,
    fixes: [{ title: `Change to "${canonical}"`, edits: [replaceString(node, canonical)], isPreferred: true }] });
}

export const httpFieldsRule: Rule = {
  id: 'http-fields',
  run(ctx) {
    for (const node of documentIndex(ctx.doc).properties) {
      const key = node.keyNode.value;
      const value = node.valueNode;
      if (key === 'httpHeaders' && isObject(value)) checkHeaders(ctx, value);
      else if ((key === 'httpContentType' || ((key.length === 11 || key.length === 12) && /^content-?type$/i.test(key))) && isString(value)) checkContentType(ctx, value);
      else if (key === 'httpMethod' && isString(value)) checkMethod(ctx, value);
    }
  },
};

