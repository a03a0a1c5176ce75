/**
 * Every rule of the analysis, in the order they run. Adding a rule = one file + one line here.
 */
import type { Rule } from './rule';

export const RULES: Rule[] = [];

/** Registers rules (each rule module calls this from its own file's export list). */
export function registerRules(...rules: Rule[]): void {
  for (const rule of rules) if (!RULES.some(r => r.id === rule.id)) RULES.push(rule);
}
