/**
 * Hover inside `${…}`: what a variable or member holds, where EIC binds it, an example;
 * and a note when the name is not bound here or is a local of the expression.
 */
import type { Hover } from 'vscode-languageserver-types';
import { MarkupKind } from 'vscode-languageserver-types';
import type { HoverContributor, FeatureContext } from './contributors';
import { cursorAt, tokenOver } from '../binding/cursor';
import { docSpan } from '../binding/documentBindings';
import { membersAt, modelledAttribute } from '../binding/context';
import { findVariable, isBoundAt } from '../binding/variables';
import { variableMarkdown } from '../binding/describe';

export function bindingHover(ctx: FeatureContext): Hover | undefined {
  const cursor = cursorAt(ctx.doc, ctx.offset);
  if (!cursor?.binding || !cursor.bs.site.evaluated) return undefined;
  const { bs, binding, index } = cursor;
  const token = tokenOver(binding, index);
  if (!token || token.kind !== 'ident') return undefined;
  const span = docSpan(bs, token.start, token.end);
  const range = ctx.doc.rangeOf(span.offset, span.length);
  const hover = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range });
  const attribute = modelledAttribute(ctx.doc);

  for (const ref of binding.references) {
    const variable = findVariable(ref.root.name);
    if (ref.root.start === token.start) {
      if (!variable) return hover(`**\`${ref.root.name}\`** is not a variable EIC binds in \`\${…}\`, and the expression does not declare it.`);
      const note = attribute && !isBoundAt(variable, attribute, bs.site.kind)
        ? `\n\n⚠ EIC does not bind \`${variable.name}\` in ${attribute} here.` : '';
      return hover(variableMarkdown(variable) + note);
    }
    const memberIndex = ref.members.findIndex(m => m.start === token.start);
    if (memberIndex < 0) continue;
    const member = ref.members[memberIndex];
    const path = [ref.root.name, ...ref.members.slice(0, memberIndex + 1).map(m => m.name)].join('.');
    if (!variable || memberIndex > 0 || member.call) return undefined;
    const view = membersAt(variable, ctx.doc, ctx.connection, bs.site.kind, bs.node.offset);
    const description = view?.describe(member.name);
    const text = description
      ? `**\`${path}\`** — ${description}`
      : view?.closed ? `**\`${path}\`** — not one of ${view.source}.` : `**\`${path}\`**`;
    return hover(`${text}\n\n---\n\n**\`${variable.name}\`** — ${variable.summary}. Bound in: ${variable.where}`);
  }
  if (binding.locals.has(token.text)) {
    return hover(`**\`${token.text}\`** — a local name declared in this expression (not a variable EIC provides).`);
  }
  return undefined;
}

export const bindingHoverProvider: HoverContributor = { id: 'bindings', provide: ctx => (ctx.doc.kind === 'attribute' ? bindingHover(ctx) : undefined) };
