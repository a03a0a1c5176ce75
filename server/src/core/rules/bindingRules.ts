/**
 * The `${…}` binding checks (codes `binding-*`) and the JSON check of request bodies
 * (`httpparams-invalid-json`). Strings where EIC does not evaluate `${…}` (paths such as
 * listField, keyField, tokenResponsePath, plain mapping paths) are skipped.
 */
import { registerRules } from './index';
import type { Rule } from './rule';
import { documentBindings } from '../binding/documentBindings';
import { syntaxFindings } from '../binding/syntaxChecks';
import { variableFindings } from '../binding/variableChecks';
import { httpParamsJsonRule } from './httpParamsJson';

export const bindingRule: Rule = {
  id: 'bindings',
  run(ctx): void {
    for (const bs of documentBindings(ctx.doc)) {
      if (!bs.site.evaluated) continue;
      for (const f of syntaxFindings(ctx.doc, bs)) ctx.report(f);
      for (const f of variableFindings(ctx.doc, ctx.connection, bs)) ctx.report(f);
    }
  },
};

registerRules(bindingRule, httpParamsJsonRule);
