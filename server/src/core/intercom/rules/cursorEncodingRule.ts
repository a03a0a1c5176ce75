/**
 * `intercom-cursor-not-encoded` (warning): a nextUrlPath that appends Intercom's `starting_after`
 * cursor to the next URL as it comes. Cursors are base64 and hold `+`, `/` and `=`; unencoded, a
 * `+` reaches Intercom as a space, the cursor is invalid (400 client_error) and the import stops
 * after page 1. Fix: wrap the cursor in java.net.URLEncoder.encode(…, 'UTF-8'). A cursor passed
 * through URLEncoder.encode or a replace chain that encodes `+` is left alone.
 */
import type { StringASTNode } from '../../json/ast';
import { getValue, isObject, isString } from '../../json/ast';
import { paginationOf } from '../catalog';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { editIn, spanIn } from '../../rules/support/stringNodes';
import { intercomCalls } from './model';

const IMPORT_ROLES = new Set(['importUser', 'importAccount', 'importEntitlement', 'importAcctEnt']);

/** `x.pages.next.starting_after` with optional `?.` links (the access of the cursor value). */
// The name ends where Groovy's does (`$` continues a name: `starting_after$1` is another variable).
const CURSOR_ACCESS = /[A-Za-z_$][\w$]*(?:\??\.[A-Za-z_$][\w$]*)*\??\.pages\??\.next\??\.starting_after(?![\w$])/g;

interface RawCursor { index: number; length: number; access: string }

/** Cursor accesses that are concatenated (`+ …`) without being encoded. */
export function rawCursorConcatenations(expression: string): RawCursor[] {
  const out: RawCursor[] = [];
  if (!expression.includes('starting_after')) return out;
  for (const m of expression.matchAll(CURSOR_ACCESS)) {
    const before = expression.slice(0, m.index).trimEnd();
    const after = expression.slice(m.index! + m[0].length);
    const concatenated = before.endsWith('+') || /^\s*\+/.test(after);
    if (!concatenated) continue; // a null check or another use
    if (/encode\s*\(\s*$/.test(before)) continue; // URLEncoder.encode(<cursor>, …)
    if (/^\s*\??\.\s*(replace|replaceAll)\s*\(\s*(['"])\\?\+\2/.test(after) || /^[^'"]*%2B/i.test(after.split('}')[0] ?? '')) continue;
    out.push({ index: m.index!, length: m[0].length, access: m[0] });
  }
  return out;
}

function check(ctx: RuleContext, node: StringASTNode): void {
  for (const raw of rawCursorConcatenations(node.value)) {
    const access = raw.access;
    ctx.report({
      ...spanIn(ctx.doc, node, raw.index, raw.length), severity: 'warning', code: 'intercom-cursor-not-encoded',
      message: `Cursor not URL-encoded: the starting_after cursor goes into the next URL as it is. Intercom's cursors are base64 and contain "+", "/" and "=": a raw "+" arrives as a space, Intercom answers 400 (invalid starting_after) and the import stops after page 1. Encode it: java.net.URLEncoder.encode(${access}, 'UTF-8').`,
      fixes: [{ title: "Encode the cursor with java.net.URLEncoder.encode(…, 'UTF-8')", isPreferred: true,
        edits: [editIn(ctx.doc, node, raw.index, raw.length, `java.net.URLEncoder.encode(${access}, 'UTF-8')`)] }],
    });
  }
}

export const intercomCursorEncodingRule: Rule = {
  id: 'intercom-cursor-encoding',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      const version = ic.version.version;
      if (!version || !ic.endpoint || !IMPORT_ROLES.has(ic.call.role)) continue;
      if (paginationOf(ic.endpoint, version) !== 'cursor-query') continue;
      const pagination = getValue(ic.call.node, 'pagination');
      const path = isObject(pagination) ? getValue(getValue(pagination, 'nextUrl'), 'nextUrlPath') : undefined;
      if (isString(path)) check(ctx, path);
    }
  },
};
