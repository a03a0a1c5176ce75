/**
 * `intercom-success-status`: the statuses a call lists in successResponses, against the success
 * statuses its endpoint documents in the call's version (most answer 200, creates included; POST
 * /events 202; POST /content_snippets 201 in 2.16):
 * - information, faded: a listed 2xx status the endpoint never sends (harmless but misleading);
 *   fix removes it;
 * - warning: none of the documented statuses is listed, so EIC counts Intercom's success as a
 *   failure; fix adds them.
 * Calls whose endpoint or version is unknown are not judged.
 */
import type { ArrayASTNode } from '../../json/ast';
import type { Fix, TextEdit } from '../../types';
import { successStatuses } from '../endpointFacts';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { IntercomCall, intercomCalls } from './model';
import { removeArrayItem, successStatusArrays } from './support';

const list = (codes: readonly number[]) => codes.length === 1 ? String(codes[0]) : `${codes.slice(0, -1).join(', ')} or ${codes[codes.length - 1]}`;

function addCodes(array: ArrayASTNode, codes: readonly number[]): TextEdit {
  const last = array.items[array.items.length - 1];
  if (!last) return { offset: array.offset + 1, length: array.length - 2, newText: codes.join(', ') };
  return { offset: last.offset + last.length, length: 0, newText: codes.map(c => `, ${c}`).join('') };
}

function check(ctx: RuleContext, ic: IntercomCall, array: ArrayASTNode, documented: readonly number[]): void {
  const endpoint = ic.endpoint!;
  const version = ic.version.version!;
  const numbers = array.items.filter(i => i.type === 'number');
  if (numbers.length !== array.items.length) return; // a binding or text: not judged
  const listed = numbers.map(i => i.value as number);
  const where = `${endpoint.method} ${endpoint.path} documents ${list(documented)} as its success status${documented.length > 1 ? 'es' : ''} in Intercom-Version ${version}`;
  if (!listed.some(c => documented.includes(c))) {
    const fixes: Fix[] = [{ title: `Add ${list(documented)}`, edits: [addCodes(array, documented)], isPreferred: true }];
    ctx.report({
      offset: array.offset, length: array.length, severity: 'warning', code: 'intercom-success-status',
      message: `Wrong success status: ${where}, but this list has ${listed.length ? listed.join(', ') : 'none of them'}: EIC would count Intercom's successful answer as a failure. Add ${list(documented)}.`,
      fixes,
    });
    return;
  }
  for (const item of numbers) {
    const code = item.value as number;
    if (code < 200 || code > 299 || documented.includes(code)) continue;
    ctx.report({
      offset: item.offset, length: item.length, severity: 'information', code: 'intercom-success-status',
      message: `Undocumented success status ${code}: ${where}; ${code} never occurs here. Listing it is harmless but misleading.`,
      tags: ['unnecessary'],
      fixes: array.items.length > 1 ? [{ title: `Remove ${code}`, edits: [removeArrayItem(array, item)] }] : [],
    });
  }
}

export const intercomSuccessStatusRule: Rule = {
  id: 'intercom-success-status',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      if (ic.call.role === 'auth' || !version || !ic.endpoint) continue;
      const documented = successStatuses(ic.endpoint, version);
      if (!documented.length) continue;
      for (const array of successStatusArrays(ic.call.node)) check(ctx, ic, array, documented);
    }
  },
};
