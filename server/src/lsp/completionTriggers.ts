/**
 * Characters that open the suggestion list by themselves. `{` opens it only where it starts a
 * binding (`${`): a `{` that starts an object (an empty file, a new call) pops nothing.
 */
export const COMPLETION_TRIGGERS = ['"', '$', '{', '.', ':', '/', '~', '#'];

/** True when the request came from typing a trigger character where it opens nothing useful. */
export function triggeredInVain(text: string, offset: number, trigger: string | undefined): boolean {
  if (trigger !== '{') return false;
  return text[offset - 1] !== '{' || text[offset - 2] !== '$';
}
