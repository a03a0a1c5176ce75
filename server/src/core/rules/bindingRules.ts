/**
 * The `${…}` binding checks (codes `binding-*`) and the JSON check of request bodies
 * (`httpparams-invalid-json`). Strings where EIC does not evaluate `${…}` (paths such as
 * listField, keyField, tokenResponsePath, plain mapping paths) are skipped.
 */
import type { Rule } from './rule';
import { documentBindings } from '../binding/documentBindings';
import { syntaxFindings } from '../binding/syntaxChecks';
import { variableFindings } from '../binding/variableChecks';

export const bindingRule: Rule = {
  id: 'bindings',
  reads: ['ConnectionJSON'],
  run(ctx): void {
    const strings = documentBindings(ctx.doc);
    for (let i = 0; i < strings.length; i++) {
      const bs = strings[i];
      if (!bs.site.evaluated) continue;
      if (ctx.full) {
        // Nothing more would be shown: count the bindings left, instead of checking them.
        const left = strings.slice(i).filter(s => s.site.evaluated).reduce((sum, s) => sum + s.bindings.length, 0);
        ctx.notChecked?.('`${…}` bindings', left, bs.contentStart, 'the document already has as many findings as are shown');
        break;
      }
      for (const f of syntaxFindings(ctx.doc, bs)) ctx.report(f);
      for (const f of variableFindings(ctx.doc, ctx.connection, bs, ctx)) ctx.report(f);
    }
  },
};

