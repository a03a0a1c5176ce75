/**
 * Request fields that EIC passes on as typed (mistakes 3.6, 3.8, §5, §6.6):
 * - `empty-header-name`: a header with an empty name (`"": "${access_token}"`) — the token is never sent;
 * - `content-type-space`: a media type with blanks (`application /x-www-form-urlencoded`);
 * - `http-method-case`: `put` or " GET" instead of `PUT` / `GET` (only when the schema does not report it);
 * - `bearer-prefix-duplicated`: `Bearer ${access_token}` although the token already carries the
 *   prefix set by the authentication's tokenType.
 */
import type { ASTNode, ObjectASTNode, StringASTNode } from '../json/ast';
import { getValue, isObject, isString, stringValue, walk } from '../json/ast';
import { registerRules } from './index';
import type { RuleContext } from './rule';
import { schemaRejects, schemaRejectsKey } from './support/schemaCoverage';
import { editIn, replaceString, spanIn } from './support/stringNodes';
import { authDefinitions } from './support/connectionNames';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'DELETEWITHBODY', 'GETWITHBODY'];

function checkHeaders(ctx: RuleContext, headers: ObjectASTNode): void {
  for (const p of headers.properties) {
    const name = p.keyNode.value;
    if (name.trim() !== '') {
      if (isString(p.valueNode)) checkBearerPrefix(ctx, headers, p.valueNode);
      continue;
    }
    if (schemaRejectsKey(ctx.doc, headers, name)) continue;
    const value = stringValue(p.valueNode) ?? '';
    const carriesToken = /\$\{\s*access_token\s*\}/.test(value);
    ctx.report({ offset: p.keyNode.offset, length: p.keyNode.length, severity: 'error', code: 'empty-header-name',
      message: `This header has no name, so EIC sends no header at all${carriesToken ? ' and the access token never reaches the API (401 Unauthorized)' : ''}. Write the header name${carriesToken ? ', normally "Authorization"' : ''}.`,
      fixes: carriesToken ? [{ title: 'Name the header "Authorization"', edits: [replaceString(p.keyNode, 'Authorization')], isPreferred: true }] : [] });
  }
}

/** The `connection` that applies to a node: the nearest enclosing object that names one. */
function connectionFor(node: ASTNode): string | undefined {
  for (let current: ASTNode | undefined = node; current; current = current.parent) {
    if (isObject(current)) {
      const c = stringValue(getValue(current, 'connection'));
      if (c !== undefined) return c;
    }
  }
  return undefined;
}

function checkBearerPrefix(ctx: RuleContext, headers: ObjectASTNode, value: StringASTNode): void {
  const m = /^(\s*(Bearer|Basic|Token)\s+)\$\{\s*access_token\s*\}/i.exec(value.value);
  if (!m || ctx.doc.attribute?.grammar === 'connection') return;
  const auths = authDefinitions(ctx.connection);
  const name = connectionFor(headers);
  const auth = auths?.find(a => a.name === name);
  if (!auth) return;
  const config = auth.keyNode.parent?.type === 'property' ? auth.keyNode.parent.valueNode : undefined;
  const tokenType = stringValue(getValue(config, 'tokenType'));
  const accessToken = stringValue(getValue(config, 'accessToken')) ?? '';
  if (!tokenType && !new RegExp(`^${m[2]}\\s`, 'i').test(accessToken)) return;
  ctx.report({ ...spanIn(ctx.doc, value, 0, m[1].length), severity: 'warning', code: 'bearer-prefix-duplicated',
    message: `\${access_token} already starts with "${tokenType || m[2]} " (the tokenType of authentication "${auth.name}"), so this header sends "${m[2]} ${tokenType || m[2]} …" and the API rejects it. Write just "\${access_token}".`,
    fixes: [{ title: `Remove "${m[1].trim()} "`, edits: [editIn(ctx.doc, value, 0, m[1].length, '')], isPreferred: true }] });
}

function checkContentType(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  if (!/\S\s+\/|\/\s+\S|^\s|\s$/.test(value) || value.includes('${') || schemaRejects(ctx.doc, node)) return;
  const fixed = value.trim().replace(/\s*\/\s*/g, '/');
  ctx.report({ offset: node.offset, length: node.length, severity: 'error', code: 'content-type-space',
    message: `"${value}" is not a media type EIC recognises because of the blank${fixed.length < value.length - 1 ? 's' : ''}; EIC then encodes the body the wrong way. Write "${fixed}".`,
    fixes: [{ title: `Change to "${fixed}"`, edits: [replaceString(node, fixed)], isPreferred: true }] });
}

function checkMethod(ctx: RuleContext, node: StringASTNode): void {
  const value = node.value;
  const canonical = value.trim().toUpperCase();
  if (value === canonical || !METHODS.includes(canonical) || schemaRejects(ctx.doc, node)) return;
  ctx.report({ offset: node.offset, length: node.length, severity: 'warning', code: 'http-method-case',
    message: `Write the HTTP method as "${canonical}"; EIC compares it with the upper-case names (GET, POST, PUT, PATCH, DELETE, DELETEWITHBODY, GETWITHBODY), so "${value}" may not be recognised.`,
    fixes: [{ title: `Change to "${canonical}"`, edits: [replaceString(node, canonical)], isPreferred: true }] });
}

registerRules({
  id: 'http-fields',
  run(ctx) {
    walk(ctx.doc.root, node => {
      if (node.type !== 'property') return;
      const key = node.keyNode.value;
      const value = node.valueNode;
      if (key === 'httpHeaders' && isObject(value)) checkHeaders(ctx, value);
      else if ((key === 'httpContentType' || /^content-?type$/i.test(key)) && isString(value)) checkContentType(ctx, value);
      else if (key === 'httpMethod' && isString(value)) checkMethod(ctx, value);
    });
  },
});

