/**
 * Call names inside one call list (grammar §7.2, §12.2):
 * - `duplicate-call-name`: two calls share a name where names identify calls (everything but
 *   AddAccess/RemoveAccess, whose same-named calls run in order and are read as `response.<Name><n>`);
 * - `response-unknown-call`: `${response.<call>…}` names no call that has run before this one.
 */
import type { ASTNode } from '../json/ast';
import { stringValues } from '../json/ast';
import type { Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { CallList, callLists, responseNamesBefore } from './support/callLists';
import { bindingRegions, editIn, spanIn } from './support/stringNodes';

/** Words after `response.` that are not call names (import-style access, map methods). */
const NOT_CALL_NAMES = new Set(['completeResponseMap', 'objectList', 'headers', 'statusCode', 'message', 'size', 'get', 'keySet', 'containsKey', 'each', 'values', 'keys']);
const RESPONSE_REF = /(?<![\w.$])response\s*\??\.\s*(?:'([^']+)'|"([^"]+)"|([A-Za-z_][\w]*))|(?<![\w.$])response\s*\[\s*'([^']+)'\s*\]/g;

function nextFreeName(name: string, taken: Set<string>): string {
  const m = /^(.*?)(\d+)$/.exec(name);
  const base = m ? m[1] : name;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}

function checkDuplicates(ctx: RuleContext, list: CallList): void {
  if (ctx.doc.attribute?.grammar === 'access') return;
  const taken = new Set(list.calls.map(c => c.name).filter((n): n is string => n !== undefined));
  const seen = new Set<string>();
  for (const call of list.calls) {
    if (call.name === undefined || !call.nameNode) continue;
    if (!seen.has(call.name)) { seen.add(call.name); continue; }
    const fresh = nextFreeName(call.name, taken);
    taken.add(fresh);
    ctx.report({ offset: call.nameNode.offset, length: call.nameNode.length, severity: 'warning', code: 'duplicate-call-name',
      message: `Duplicate call name "${call.name}": another call already has it; \`response.${call.name}\` and "${call.name}.message" can then reach only one of them. Give each call its own name (only AddAccess/RemoveAccess repeat names, because there the name is the entitlement type).`,
      fixes: [{ title: `Rename to "${fresh}"`, edits: [{ offset: call.nameNode.offset, length: call.nameNode.length, newText: JSON.stringify(fresh) }] }] });
  }
}

function checkResponseRefs(ctx: RuleContext, list: CallList): void {
  const allNames = new Set(list.calls.map(c => c.name).filter((n): n is string => n !== undefined));
  for (const call of list.calls) {
    const earlier = responseNamesBefore(list, call.index);
    for (const node of stringValues(call.node)) {
      const value = node.value;
      if (!value.includes('response')) continue;
      for (const [start, end] of bindingRegions(value)) {
        const expression = value.slice(start, end);
        for (const m of expression.matchAll(RESPONSE_REF)) {
          const name = m[1] ?? m[2] ?? m[3] ?? m[4];
          if (NOT_CALL_NAMES.has(name) || earlier.has(name)) continue;
          // A misspelt call name with a close match is reported by the binding checks (binding-unknown-variable).
          if (!isLaterCall(name, allNames) && didYouMean(name, resultNames(list)) !== undefined) continue;
          const nameIndex = start + m.index! + m[0].lastIndexOf(name);
          reportRef(ctx, node, nameIndex, name, call.name, earlier, allNames);
        }
      }
    }
  }
}

function isLaterCall(name: string, allNames: Set<string>): boolean {
  return allNames.has(name) || (/\d$/.test(name) && allNames.has(name.replace(/\d+$/, '')));
}

function resultNames(list: CallList): string[] {
  return [...responseNamesBefore(list, Number.MAX_SAFE_INTEGER)];
}

function reportRef(ctx: RuleContext, node: ASTNode & { type: 'string' }, index: number, name: string, current: string | undefined,
  earlier: Set<string>, allNames: Set<string>): void {
  const span = spanIn(ctx.doc, node, index, name.length);
  const base = name.replace(/\d+$/, '');
  const later = isLaterCall(name, allNames);
  const candidates = [...earlier];
  const suggestion = later ? undefined : didYouMean(name, candidates);
  const fixes: Fix[] = suggestion ? [{ title: `Change to "${suggestion}"`, edits: [editIn(ctx.doc, node, index, name.length, suggestion)], isPreferred: true }] : [];
  const before = candidates.length ? ` Calls that ran before${current ? ` "${current}"` : ''}: ${candidates.map(c => `"${c}"`).join(', ')}.` : ` No call runs before${current ? ` "${current}"` : ' this one'}.`;
  ctx.report({ ...span, severity: 'error', code: 'response-unknown-call',
    message: later
      ? `Call has not run yet: \`response.${name}\` reads a call that has not run at this point (calls run in list order), so it is empty here. Move this call after "${base !== name && !allNames.has(name) ? base : name}" or read an earlier call.${before}`
      : `Unknown call in \`response.${name}\`: no call named "${name}" runs before this one${suggestion ? `; did you mean "${suggestion}"?` : '.'}${before}`,
    fixes });
}

export const callNamesRule: Rule = {
  id: 'call-names',
  grammars: ['provisioning', 'access', 'createTicket', 'ticketStatus', 'updateUser', 'importUser'],
  run(ctx) {
    for (const list of callLists(ctx.doc)) {
      checkDuplicates(ctx, list);
      if (ctx.doc.attribute?.grammar !== 'importUser') checkResponseRefs(ctx, list);
    }
  },
};
