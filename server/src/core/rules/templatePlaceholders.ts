/**
 * `unfilled-placeholder` (grammar §2.8): an install-time token such as @HOST_URL@ or @@ORG_ID@@
 * left in a value other than `url` (headers, bodies, nextUrlPath …). EIC never evaluates these;
 * they reach the target verbatim. Information only when App Onboarding maps the token.
 */
import { keyOf } from '../json/ast';
import { documentIndex } from '../json/documentIndex';
import type { Rule } from './rule';
import { TEXT_PLACEHOLDERS } from './catalog/placeholderCatalog';
import { aobVariables, findPlaceholders, placeholderVerdict } from './support/placeholders';
import { spanIn } from './support/stringNodes';

export const templatePlaceholdersRule: Rule = {
  id: 'template-placeholders',
  reads: ['AOB_CONNECTION_TEMPLATE_VARIABLES'],
  run(ctx) {
    if (ctx.doc.attribute?.grammar === 'templateVariables' || !ctx.doc.text.includes('@')) return;
    let aob: Map<string, string> | undefined;
    for (const node of documentIndex(ctx.doc).stringValues) {
      if (!node.value.includes('@') || keyOf(node) === 'url') continue;
      for (const hit of findPlaceholders(node.value, TEXT_PLACEHOLDERS)) {
        aob ??= aobVariables(ctx.connection);
        const verdict = placeholderVerdict(hit, aob);
        ctx.report({ ...spanIn(ctx.doc, node, hit.index, hit.text.length), severity: verdict.severity, code: 'unfilled-placeholder',
          message: `Unfilled template placeholder ${hit.text}. ${verdict.note}` });
      }
    }
  },
};
