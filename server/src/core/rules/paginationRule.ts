/**
 * Import pagination (grammar §5.6; mistakes 3.10, 4.1):
 * - `pagination-shape`: `pagination` must hold exactly one of nextUrl, offset, page;
 * - `pagination-fixed-total`: totalCountPath is a fixed number, so the import stops there;
 * - `pagination-next-url`: nextUrlPath can never evaluate to null, so paging never ends;
 * - `pagination-path-prefix`: an ImportAccountEntJSON totalCountPath without `completeResponseMap.` / `headers.`.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode } from '../json/ast';
import { getValue, isObject, isString } from '../json/ast';
import { documentIndex, outermostProperties } from '../json/documentIndex';
import type { AttributeDocument } from '../document';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { bindingRegions, editIn } from './support/stringNodes';
import { removeProperty } from './support/objectEdits';

const FORMS = ['nextUrl', 'offset', 'page'];

/** The outermost `pagination` properties with an object value (nothing inside a pagination is searched). */
function paginationObjects(doc: AttributeDocument): PropertyASTNode[] {
  return outermostProperties(documentIndex(doc), ['pagination']).filter(p => isObject(p.valueNode));
}

function checkShape(ctx: RuleContext, property: PropertyASTNode, pagination: ObjectASTNode): void {
  const forms = pagination.properties.filter(p => FORMS.includes(p.keyNode.value));
  const key = property.keyNode;
  if (pagination.properties.length === 0) {
    const owner = property.parent;
    ctx.report({ offset: key.offset, length: key.length, severity: 'warning', code: 'pagination-shape',
      message: 'Empty pagination: EIC reads only the first page. Add one of "nextUrl", "offset" or "page", or remove it.',
      fixes: isObject(owner) ? [{ title: 'Remove the empty pagination', edits: [removeProperty(ctx.doc, owner, property)] }] : [] });
    return;
  }
  if (forms.length > 1) {
    const second = forms[1].keyNode;
    ctx.report({ offset: second.offset, length: second.length, severity: 'warning', code: 'pagination-shape',
      message: `Mixed pagination: it holds ${forms.map(f => `"${f.keyNode.value}"`).join(' and ')}; EIC follows a single form. Keep the one that matches the API and remove the other${forms.length > 2 ? 's' : ''}.` });
  }
}

function isNumericText(value: string): boolean {
  return /^\s*\d+\s*$/.test(value);
}

function checkTotalCount(ctx: RuleContext, form: ASTNode | undefined): void {
  const total = getValue(form, 'totalCountPath');
  if (!total) return;
  const fixed = total.type === 'number' ? String(total.value) : isString(total) && isNumericText(total.value) ? total.value.trim() : undefined;
  if (fixed !== undefined) {
    ctx.report({ offset: total.offset, length: total.length, severity: 'warning', code: 'pagination-fixed-total',
      message: `Fixed total count: totalCountPath is the fixed number ${fixed}, so EIC stops after ${fixed} records whatever the target holds, and silently misses the rest. Point it at the total in the response (e.g. "completeResponseMap.total" or "headers.x-total-count").` });
    return;
  }
  if (ctx.doc.attribute?.grammar !== 'importAccountEnt' || !isString(total)) return;
  const path = total.value;
  if (path === '' || path.includes('${') || /^(completeResponseMap|headers)[.[]/.test(path) || path.startsWith('#')) return;
  ctx.report({ offset: total.offset, length: total.length, severity: 'warning', code: 'pagination-path-prefix',
    message: `Missing \`completeResponseMap.\` prefix in totalCountPath "${path}": in ImportAccountEntJSON pagination paths start with \`completeResponseMap.\` (the whole response body) or \`headers.\` (a response header); write "completeResponseMap.${path}".`,
    fixes: [{ title: 'Prefix with "completeResponseMap."', edits: [editIn(ctx.doc, total, 0, 0, 'completeResponseMap.')], isPreferred: true }] });
}

function checkNextUrl(ctx: RuleContext, nextUrl: ASTNode | undefined): void {
  const path = getValue(nextUrl, 'nextUrlPath');
  if (!isString(path)) return;
  const value = path.value;
  if (value.trim() === '') return;
  const regions = bindingRegions(value);
  if (!regions.length) {
    ctx.report({ offset: path.offset, length: path.length, severity: 'warning', code: 'pagination-next-url',
      message: 'Endless pagination: nextUrlPath is a fixed text, so every page asks for the same URL and the import never reaches the end. It must be a ${…} expression that returns the next page\'s URL, and null on the last page, e.g. "${response?.completeResponseMap?.next == null ? null : response.completeResponseMap.next}".' });
    return;
  }
  const outside = value.slice(0, regions[0][0]) + value.slice(regions[regions.length - 1][1]);
  const mentionsNull = /\bnull\b/.test(value);
  if (outside.trim() !== '' || (regions.length > 1)) {
    ctx.report({ offset: path.offset, length: path.length, severity: 'warning', code: 'pagination-next-url',
      message: 'Endless pagination: nextUrlPath has text outside its ${…} expression, so the result is never null and the import keeps asking for pages. Put the whole URL inside one expression that returns null on the last page.' });
    return;
  }
  const expression = value.slice(regions[0][0] + 2, regions[0][1] - 1);
  if (!mentionsNull && /\+/.test(expression)) {
    ctx.report({ offset: path.offset, length: path.length, severity: 'warning', code: 'pagination-next-url',
      message: 'Endless pagination: nextUrlPath builds a URL with + but never returns null, so EIC keeps asking for more pages after the last one. Wrap it in a condition, e.g. "${<has more> ? <next url> : null}".' });
  }
}

export const paginationRule: Rule = {
  id: 'pagination',
  grammars: ['importUser', 'importAccountEnt'],
  run(ctx) {
    for (const property of paginationObjects(ctx.doc)) {
      const pagination = property.valueNode as ObjectASTNode;
      checkShape(ctx, property, pagination);
      checkNextUrl(ctx, getValue(pagination, 'nextUrl'));
      checkTotalCount(ctx, getValue(pagination, 'offset'));
      checkTotalCount(ctx, getValue(pagination, 'page'));
    }
  },
};
