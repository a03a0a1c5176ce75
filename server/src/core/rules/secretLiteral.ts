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
import { detached } from '../text/detached';
import type { Fix } from '../types';
import { registerRules } from './index';
import type { RuleContext } from './rule';
import { AUTH_SCHEMES, EIC_PLACEHOLDER, FILLER_VALUE, SECRET_KEY_NAMES, SECRET_PARAMS, TOKEN_SHAPES } from './catalog/secretCatalog';
import { bindingRegions, editIn, insideBinding, spanIn } from './support/stringNodes';

interface Hit { index: number; length: number; what: string; replacement: string; advice: string }

const MAP_KEYS = new Set(['colsToPropsMap', 'responseColsToPropsMap', 'entTypeLabels', 'statusConfig', 'maskInLogs', 'inputParams']);
/** Key names repeat throughout a document: their normal forms are computed once. */
const normalised = new Map<string, string>();
function normalise(key: string): string {
  let n = normalised.get(key);
  if (n === undefined) {
    const copy = detached(key); // key names come from a document's text
    n = copy.toLowerCase().replace(/[-_\s]/g, '');
    if (normalised.size > 5000) normalised.clear();
    normalised.set(copy, n);
  }
  return n;
}

/** True when the text is clearly not a real credential. */
export function isPlaceholderSecret(text: string): boolean {
  const v = text.trim().replace(/^["']|["']$/g, '');
  if (v.length < 4 || v.includes('${') || /<[^<>]*>/.test(v) || /@@?[A-Za-z0-9_-]+@@?/.test(v)) return true;
  return FILLER_VALUE.test(v);
}

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

class SecretScanner {
  readonly hits: Hit[] = [];
  constructor(private readonly ctx: RuleContext, private readonly isConnection: boolean, private readonly value: string) {}

  /**
   * Records a credential at value[index, index+length) unless it is a placeholder or inside ${…}.
   * `replaceWhole` (other attributes only) widens the replaced range to the whole value.
   */
  add(index: number, length: number, what: string, elsewhere: { replacement: string; advice: string }, replaceWhole = false): void {
    if (length <= 0 || this.hits.some(h => index < h.index + h.length && h.index < index + length)) return;
    const secret = this.value.slice(index, index + length);
    if (isPlaceholderSecret(secret) || insideBinding(bindingRegions(this.value), index)) return;
    if (this.isConnection) {
      this.hits.push({ index, length, what, replacement: EIC_PLACEHOLDER,
        advice: `ConnectionJSON is stored encrypted in EIC, but this file is plain text. Keep the placeholder here and enter the real value in EIC's connection form after uploading${this.ctx.connection.name ? ` (connection "${this.ctx.connection.name}")` : ''}.` });
      return;
    }
    if (replaceWhole) {
      const lead = /^\s*/.exec(this.value)![0].length;
      this.hits.push({ index: lead, length: this.value.trim().length, what, ...elsewhere });
      return;
    }
    this.hits.push({ index, length, what, ...elsewhere });
  }

  /** A whole value that is a credential, with an optional "Bearer "-style prefix kept. */
  wholeValue(what: string, elsewhere: { replacement: string; advice: string }, keepScheme: boolean): void {
    const scheme = AUTH_SCHEMES.exec(this.value);
    const start = scheme && keepScheme ? scheme[1].length : /^\s*/.exec(this.value)![0].length;
    this.add(start, this.value.trimEnd().length - start, what, elsewhere);
  }
}

function connectionAdvice(key: string): { replacement: string; advice: string } {
  const id = identifier(key);
  return { replacement: `\${connection.${id}}`,
    advice: `Add "${id}": "<the value>" to the authentication in ConnectionJSON (stored encrypted) and refer to it here as \${connection.${id}}.` };
}

const TOKEN_ADVICE = { replacement: '${access_token}',
  advice: 'Put the token in ConnectionJSON (accessToken "Bearer <token>" with tokenType "Bearer", stored encrypted) and send it as ${access_token}, which already includes the prefix.' };

const NO_HITS: readonly Hit[] = [];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Matches where a secret parameter name appears (any case): a value without one has no secret parameter. */
const SECRET_PARAM_NAME = new RegExp([...SECRET_PARAMS].map(escapeRegExp).join('|'), 'i');
/** Matches where any token shape's marker appears: a value without one holds no token shape. */
const TOKEN_MARKER = new RegExp(TOKEN_SHAPES.map(s => escapeRegExp(s.marker)).join('|'));

function scanNode(ctx: RuleContext, node: StringASTNode, isConnection: boolean): readonly Hit[] {
  const value = node.value;
  // Most strings hold no credential: the scanner is only made when a check applies.
  let scanner: SecretScanner | undefined;
  const key = keyOf(node) ?? '';
  const header = headerName(node);
  const grammar = ctx.doc.attribute?.grammar;
  if (header !== undefined) {
    const scheme = AUTH_SCHEMES.exec(value);
    if (scheme) {
      (scanner ??= new SecretScanner(ctx, isConnection, value)).add(scheme[1].length, value.trimEnd().length - scheme[1].length, `a literal ${scheme[1].trim()} credential in the ${header} header`,
        TOKEN_ADVICE, true);
    } else if (SECRET_KEY_NAMES.has(normalise(header)) || /^authorization$/i.test(header)) {
      (scanner ??= new SecretScanner(ctx, isConnection, value)).wholeValue(`a literal value in the ${header} header`,
        /^authorization$/i.test(header) ? TOKEN_ADVICE : connectionAdvice(header), false);
    }
  } else if (SECRET_KEY_NAMES.has(normalise(key)) && !inMap(node)) {
    const advice = normalise(key) === 'password' && grammar === 'provisioning' ? { replacement: '${password}', advice: 'For the new account\'s password use ${password}, which EIC generates per request.' }
      : normalise(key) === 'accesstoken' ? TOKEN_ADVICE : connectionAdvice(key);
    (scanner ??= new SecretScanner(ctx, isConnection, value)).wholeValue(`a literal ${key}`, advice, isConnection);
  }
  if ((key === 'url' || (value.includes('=') && (/[?&][\w-]+=/.test(value) || /^[\w-]+=[^&]*&/.test(value)))) && SECRET_PARAM_NAME.test(value)) {
    for (const m of value.matchAll(/(?:^|[?&])([\w-]+)=([^&#\s]*)/g)) {
      if (!SECRET_PARAMS.has(m[1].toLowerCase())) continue;
      const index = m.index! + m[0].length - m[2].length;
      (scanner ??= new SecretScanner(ctx, isConnection, value)).add(index, m[2].length, `a literal ${m[1]} in ${key === 'url' ? 'the URL' : 'form parameters'}`,
        m[1].toLowerCase() === 'password' && grammar === 'provisioning' ? { replacement: '${password}', advice: 'Use ${password} for the account password EIC generates.' } : connectionAdvice(m[1]));
    }
  }
  if (value.includes('"') && /^\s*[{[]/.test(value)) {
    for (const m of value.matchAll(/"([\w-]+)"\s*:\s*"([^"\\]*)"/g)) {
      if (!SECRET_KEY_NAMES.has(normalise(m[1]))) continue;
      const index = m.index! + m[0].length - m[2].length - 1;
      (scanner ??= new SecretScanner(ctx, isConnection, value)).add(index, m[2].length, `a literal ${m[1]} in the request body`,
        normalise(m[1]) === 'password' && grammar === 'provisioning' ? { replacement: '${password}', advice: 'Use ${password} for the account password EIC generates.' } : connectionAdvice(m[1]));
    }
  }
  if (TOKEN_MARKER.test(value)) for (const shape of TOKEN_SHAPES) {
    if (!value.includes(shape.marker)) continue;
    for (const m of value.matchAll(shape.pattern)) {
      (scanner ??= new SecretScanner(ctx, isConnection, value)).add(m.index!, m[0].length, `a ${shape.label}`, header !== undefined ? TOKEN_ADVICE : connectionAdvice(key || 'token'));
    }
  }
  return scanner ? scanner.hits : NO_HITS;
}

registerRules({
  id: 'secret-literal',
  run(ctx) {
    const grammar = ctx.doc.attribute?.grammar;
    if (grammar === 'templateVariables') return;
    const isConnection = grammar === 'connection';
    for (const node of documentIndex(ctx.doc).stringValues) {
      if (node.value.length < 4) continue;
      for (const hit of scanNode(ctx, node, isConnection)) {
        const span = spanIn(ctx.doc, node, hit.index, hit.length);
        const fixes: Fix[] = [{
          title: isConnection ? `Replace with the placeholder "${hit.replacement}"` : `Replace with ${hit.replacement}`,
          edits: [editIn(ctx.doc, node, hit.index, hit.length, hit.replacement)], isPreferred: true,
        }];
        ctx.report({ ...span, severity: 'warning', code: 'secret-literal',
          message: `This looks like ${hit.what}: a credential in clear text in ${ctx.doc.attribute?.name ?? 'this file'}, which anyone with the file (repository, package, logs) can read. ${hit.advice}`,
          fixes });
      }
    }
  },
});
