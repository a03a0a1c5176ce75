/**
 * A unified diff of two texts, line by line (for `diff` in a pipeline log): common lines at both
 * ends are set aside, the middle is aligned by longest common subsequence (or, when it is very
 * large, shown as replaced), and changes are printed with three lines of context.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

const MAX_CELLS = 4_000_000;

function align(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const head: Op[] = a.slice(0, start).map(line => ({ kind: ' ', line }));
  const tail: Op[] = a.slice(endA).map(line => ({ kind: ' ', line }));
  const x = a.slice(start, endA), y = b.slice(start, endB);
  const middle: Op[] = [];
  if (x.length * y.length > MAX_CELLS) {
    middle.push(...x.map(line => ({ kind: '-' as const, line })), ...y.map(line => ({ kind: '+' as const, line })));
  } else {
    const w = y.length + 1;
    const table = new Uint32Array((x.length + 1) * w);
    for (let i = x.length - 1; i >= 0; i--) {
      for (let j = y.length - 1; j >= 0; j--) {
        table[i * w + j] = x[i] === y[j] ? table[(i + 1) * w + j + 1] + 1 : Math.max(table[(i + 1) * w + j], table[i * w + j + 1]);
      }
    }
    let i = 0, j = 0;
    while (i < x.length || j < y.length) {
      if (i < x.length && j < y.length && x[i] === y[j]) { middle.push({ kind: ' ', line: x[i] }); i++; j++; }
      else if (i < x.length && (j === y.length || table[(i + 1) * w + j] >= table[i * w + j + 1])) { middle.push({ kind: '-', line: x[i] }); i++; }
      else { middle.push({ kind: '+', line: y[j] }); j++; }
    }
  }
  return [...head, ...middle, ...tail];
}

/** `--- a` / `+++ b` and @@ hunks; empty when the texts are equal line by line. */
export function unifiedDiff(before: string, after: string, labelBefore: string, labelAfter: string, context = 3): string {
  const split = (t: string) => (t === '' ? [] : t.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
  const ops = align(split(before), split(after));
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter(i => i >= 0);
  if (!changed.length) return '';
  const out = [`--- ${labelBefore}`, `+++ ${labelAfter}`];
  let k = 0;
  while (k < changed.length) {
    let from = Math.max(0, changed[k] - context);
    let to = Math.min(ops.length, changed[k] + context + 1);
    while (k + 1 < changed.length && changed[k + 1] - context <= to) { k++; to = Math.min(ops.length, changed[k] + context + 1); }
    let lineA = 1, lineB = 1;
    for (let i = 0; i < from; i++) { if (ops[i].kind !== '+') lineA++; if (ops[i].kind !== '-') lineB++; }
    const hunk = ops.slice(from, to);
    const countA = hunk.filter(o => o.kind !== '+').length;
    const countB = hunk.filter(o => o.kind !== '-').length;
    out.push(`@@ -${lineA},${countA} +${lineB},${countB} @@`, ...hunk.map(o => `${o.kind}${o.line}`));
    from = to;
    k++;
  }
  return out.join('\n');
}
