/**
 * `secret-literal` (mistakes 3.12, 4.9; grammar §3): a credential written into an attribute file —
 * a literal bearer/basic token, an API key header, a password or client_secret in a body or URL,
 * a JSON web token, an Intercom token, a private key. The files are plain text (repositories,
 * transport packages); EIC keeps credentials in the encrypted ConnectionJSON.
 * Quick fixes keep the value out of the file:
 * - in ConnectionJSON: a clear placeholder ("Bearer <set in EIC>") that the admin fills in EIC;
 * - elsewhere: `${access_token}` for tokens in headers, `${connection.<key>}` for other values
 *   (the key then goes into the authentication in ConnectionJSON), `${password}` for account passwords.
 */
import type { ASTNode, StringASTNode } from '../json/ast';
import { keyOf } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Fix } from '../types';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { EIC_PLACEHOLDER, MAP_KEYS } from './catalog/secretCatalog';
import { editIn, spanIn } from './support/stringNodes';
import { findSecrets, normaliseKey, type SecretContext, type SecretHit } from '../secrets/detector';

export { isPlaceholderSecret } from '../secrets/detector';

interface Advice { replacement: string; advice: string }

function identifier(name: string): string {
  const parts = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  if (!parts.length) return 'secret';
  const id = parts.map((p, i) => (i === 0 ? p.charAt(0).toLowerCase() + p.slice(1) : p.charAt(0).toUpperCase() + p.slice(1))).join('');
  return /^[A-Za-z_]/.test(id) ? id : `key${id}`;
}

function inMap(node: ASTNode): boolean {
  for (let n: ASTNode | undefined = node.parent; n; n = n.parent) {
    if (n.type === 'property' && MAP_KEYS.has(n.keyNode.value)) return true;
  }
  return false;
}

function headerName(node: StringASTNode): string | undefined {
  const headers = node.parent?.parent;
  const holder = headers?.parent;
  return holder?.type === 'property' && holder.keyNode.value === 'httpHeaders' ? keyOf(node) : undefined;
}

function connectionAdvice(key: string): Advice {
  const id = identifier(key);
  return { replacement: `\${connection.${id}}`,
    advice: `Add "${id}": "<the value>" to the authentication in ConnectionJSON (stored encrypted) and refer to it here as \${connection.${id}}.` };
}

const TOKEN_ADVICE: Advice = { replacement: '${access_token}',
  advice: 'Put the token in ConnectionJSON (accessToken "Bearer <token>" with tokenType "Bearer", stored encrypted) and send it as ${access_token}, which already includes the prefix.' };

const PASSWORD_ADVICE: Advice = { replacement: '${password}', advice: 'Use ${password} for the account password EIC generates.' };

/** What to write instead of a credential outside ConnectionJSON. */
function adviceFor(hit: SecretHit, ctx: RuleContext, key: string, header: string | undefined): Advice {
  const provisioning = ctx.doc.attribute?.grammar === 'provisioning';
  const name = normaliseKey(hit.name);
  switch (hit.kind) {
    case 'header-token': return TOKEN_ADVICE;
    case 'header-value': return /^authorization$/i.test(hit.name) ? TOKEN_ADVICE : connectionAdvice(hit.name);
    case 'key':
      if (name === 'password' && provisioning) return { replacement: '${password}', advice: 'For the new account\'s password use ${password}, which EIC generates per request.' };
      return name === 'accesstoken' ? TOKEN_ADVICE : connectionAdvice(hit.name);
    case 'param': case 'body':
      return name === 'password' && provisioning ? PASSWORD_ADVICE : connectionAdvice(hit.name);
    case 'shape': return header !== undefined ? TOKEN_ADVICE : connectionAdvice(key || 'token');
    default: return TOKEN_ADVICE;
  }
}

export const secretLiteralRule: Rule = {
  id: 'secret-literal',
  run(ctx) {
    const grammar = ctx.doc.attribute?.grammar;
    if (grammar === 'templateVariables') return;
    const isConnection = grammar === 'connection';
    // One context for every string (thousands in a large import): whether the value sits in a
    // mapping is only asked for the value of a credential key.
    let current: StringASTNode | undefined;
    const where: SecretContext = { key: '', header: undefined, inMap: () => !!current && inMap(current) };
    for (const node of documentIndex(ctx.doc).stringValues) {
      if (node.value.length < 4) continue;
      const key = keyOf(node) ?? '';
      const header = headerName(node);
      current = node;
      where.key = key;
      where.header = header;
      const hits = findSecrets(node.value, where);
      for (const hit of hits) {
        let replacement: string;
        let advice: string;
        let index = hit.index;
        let length = hit.length;
        if (isConnection) {
          replacement = EIC_PLACEHOLDER;
          advice = `ConnectionJSON is stored encrypted in EIC, but this file is plain text. Keep the placeholder here and enter the real value in EIC's connection form after uploading${ctx.connection.name ? ` (connection "${ctx.connection.name}")` : ''}.`;
        } else {
          ({ replacement, advice } = adviceFor(hit, ctx, key, header));
          // A header or key value is replaced whole (its scheme too: ${access_token} brings its own).
          if (hit.whole) ({ index, length } = hit.whole);
        }
        const span = spanIn(ctx.doc, node, index, length);
        const fixes: Fix[] = [{
          title: isConnection ? `Replace with the placeholder "${replacement}"` : `Replace with ${replacement}`,
          edits: [editIn(ctx.doc, node, index, length, replacement)], isPreferred: true,
        }];
        ctx.report({ ...span, severity: 'warning', code: 'secret-literal',
          message: `Secret in clear text: this looks like ${hit.what}, a credential in clear text in ${ctx.doc.attribute?.name ?? 'this file'}, which anyone with the file (repository, package, logs) can read. ${advice}`,
          fixes });
      }
    }
  },
};
