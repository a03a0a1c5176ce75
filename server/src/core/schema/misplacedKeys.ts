/**
 * Unknown keys that are known mistakes (saviynt-common-mistakes.md §2): instead of a
 * generic "unknown key", say what the key was meant to be and how to fix it.
 * Each entry is data: where the key is seen, the code, the message and the fix.
 */
import type { AttributeDocument } from '../document';
import type { ASTNode } from '../json/ast';
import type { Finding } from '../types';
import { MISPLACED_KEY_RULES, type MisplacedKeyRule } from './misplacedKeyRules';

type MisplacedResult = Omit<Finding, 'offset' | 'length'>;
export type { MisplacedKeyRule };

/** The table of known mistakes is data, in misplacedKeyRules.ts. */
export { MISPLACED_KEY_RULES };

export function describeMisplacedKey(doc: AttributeDocument, key: string, objectNode: ASTNode | undefined, path: (string | number)[]): MisplacedResult | undefined {
  for (const rule of MISPLACED_KEY_RULES) {
    if (rule.key === key && rule.applies(path, doc)) return rule.describe(doc, objectNode, path);
  }
  return undefined;
}

/** True when some rule describes this key name (cheap: no look-up of where the key is). */
export function mayBeMisplaced(key: string): boolean {
  return MISPLACED_KEY_RULES.some(rule => rule.key === key);
}
