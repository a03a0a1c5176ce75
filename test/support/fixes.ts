/** Applying a finding's quick fix to a text, and reading what a finding covers (shared by the rule tests). */
import assert from 'node:assert/strict';
import type { Fix } from '../../server/src/core/types';

/** The text after the fix's edits (applied back to front; overlapping edits fail the test). */
export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.offset - a.offset || b.length - a.length);
  for (let i = 1; i < edits.length; i++) {
    assert.ok(edits[i].offset + edits[i].length <= edits[i - 1].offset, 'fix edits overlap');
  }
  let out = text;
  for (const e of edits) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The document text a finding covers. */
export function covered(text: string, f: { offset: number; length: number }): string {
  return text.slice(f.offset, f.offset + f.length);
}
