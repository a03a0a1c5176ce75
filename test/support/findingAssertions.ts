/** Assertions the rule tests share: exactly one finding of a code, none, and what a quick fix gives. */
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { applyFix } from './fixes';

/** The one finding in `found` (the findings of `code`); fails, listing their messages, on more or none. */
export function onlyFinding(code: string, found: Finding[]): Finding {
  assert.equal(found.length, 1, `expected one ${code}, got ${found.length}: ${found.map(f => f.message).join(' | ')}`);
  return found[0];
}

/** Fails, listing their messages, when `found` (the findings of `code`) is not empty. */
export function assertNoFinding(code: string, found: Finding[]): void {
  assert.deepEqual(found.map(f => f.message), [], `expected no ${code}`);
}

/** The finding's quick fix number `fixIndex` turns `text` into `fixed`; `fixed` null: it has no fix at all. */
export function assertFixGives(code: string, text: string, f: Finding, fixed: string | null, fixIndex = 0): void {
  if (fixed === null) {
    assert.equal(f.fixes?.length ?? 0, 0, `${code} has no fix`);
    return;
  }
  const fix = f.fixes?.[fixIndex];
  assert.ok(fix, `${code} has a fix`);
  assert.equal(applyFix(text, fix), fixed, `fix of ${code}`);
}
