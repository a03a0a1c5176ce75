/**
 * `httpparams-invalid-json`: a request body sent as JSON must be valid JSON once its
 * `${…}` parts are evaluated. The bindings are masked with neutral placeholders and the
 * body is parsed; the first problem is reported at its exact character in the editor.
 */
import type { Rule, RuleContext } from './rule';
import type { ASTNode } from '../json/ast';
import { getValue, isObject, isString, stringValue } from '../json/ast';
import { findCalls } from '../calls/callModel';
import { boundString, docSpan } from '../binding/documentBindings';
import { jsonBodyProblem } from '../binding/jsonBody';

export const httpParamsJsonRule: Rule = {
  id: 'httpParamsJson',
  run(ctx: RuleContext): void {
    for (const call of findCalls(ctx.doc)) {
      if (call.httpNode) checkBody(ctx, call.httpNode, call.role === 'auth');
      if (call.role === 'auth') {
        const refresh = getValue(call.node, 'refreshTokenCall');
        if (isObject(refresh)) checkBody(ctx, refresh, true);
      }
    }
  },
};

function contentTypeOf(http: ASTNode): string | undefined {
  const declared = stringValue(getValue(http, 'httpContentType'));
  if (declared !== undefined) return declared;
  const headers = getValue(http, 'httpHeaders');
  if (!isObject(headers)) return undefined;
  const header = headers.properties.find(p => p.keyNode.value.toLowerCase() === 'content-type' || p.keyNode.value === 'contentType');
  return stringValue(header?.valueNode);
}

function checkBody(ctx: RuleContext, http: ASTNode, isTokenCall: boolean): void {
  const params = getValue(http, 'httpParams');
  if (!isString(params)) return;
  const bs = boundString(ctx.doc, params);
  if (bs.bindings.some(b => !b.closed)) return; // binding-unclosed explains this body
  const body = bs.value.trim();
  if (!body) return;
  const contentType = contentTypeOf(http);
  const startsLikeJson = body.startsWith('{') || body.startsWith('[');
  const isJson = contentType !== undefined && contentType.trim() !== ''
    ? /json/i.test(contentType) || (isTokenCall && startsLikeJson)
    : startsLikeJson;
  if (!isJson) return;
  const problem = jsonBodyProblem(bs.value, bs.bindings);
  if (!problem) return;
  const why = contentType && /json/i.test(contentType)
    ? `the call sends it as ${contentType.trim()}`
    : isTokenCall ? 'EIC reads the token-request fields from it' : 'it is sent as JSON';
  ctx.report({
    ...docSpan(bs, problem.index, problem.index + problem.length),
    severity: 'error', code: 'httpparams-invalid-json',
    message: `Invalid JSON body in httpParams (${why}): ${problem.message} EIC sends the body unchanged, so the target rejects the request.`,
  });
}
