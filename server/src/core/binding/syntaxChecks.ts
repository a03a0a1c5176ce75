/**
 * Shape checks of `${…}` bindings: unclosed, unbalanced, empty, and double quotes that
 * break (or may break) the JSON string around the expression.
 */
import type { AttributeDocument } from '../document';
import type { Finding } from '../types';
import type { Binding, BindingProblem } from './model';
import { BoundString, docOffset, docSpan } from './documentBindings';

export function syntaxFindings(doc: AttributeDocument, bs: BoundString): Finding[] {
  const out: Finding[] = [];
  const quoteCut = quoteCutsString(doc, bs);
  for (const b of bs.bindings) {
    if (!b.closed) {
      out.push(unclosedFinding(bs, b, quoteCut && b.reentry === undefined));
      continue;
    }
    if (b.tokens.length === 0) {
      const span = docSpan(bs, b.start, b.end);
      out.push({
        ...span, severity: 'warning', code: 'binding-empty',
        message: 'Empty expression `${}`: EIC renders nothing here (or fails). Write a variable such as `${user.email}`, or remove the empty binding.',
        fixes: [{ title: 'Remove the empty `${}`', edits: [{ ...span, newText: '' }] }],
      });
      continue;
    }
    const problem = b.problems[0];
    if (problem) out.push(unbalancedFinding(bs, b, problem));
    const doubleQuoted = b.tokens.find(t => t.kind === 'string' && t.quote?.[0] === '"');
    if (doubleQuoted) {
      const span = docSpan(bs, doubleQuoted.start, doubleQuoted.end);
      const finding: Finding = {
        ...span, severity: 'hint', code: 'binding-double-quote',
        message: 'Double-quoted Groovy string inside `${…}`: every `"` must stay escaped as `\\"` in this JSON value, and one missing backslash cuts the value short. Single quotes (\'…\') avoid the problem.',
      };
      if (doubleQuoted.quote === '"' && !doubleQuoted.text.includes('\'') && !doubleQuoted.text.includes('$')) {
        finding.fixes = [{
          title: 'Use single quotes for this Groovy string',
          edits: [
            { ...docSpan(bs, doubleQuoted.start, doubleQuoted.start + 1), newText: '\'' },
            { ...docSpan(bs, doubleQuoted.end - 1, doubleQuoted.end), newText: '\'' },
          ],
        }];
      }
      out.push(finding);
    }
  }
  if (quoteCut) {
    out.push({
      offset: bs.contentEnd, length: 1, severity: 'warning', code: 'binding-double-quote',
      message: 'Double quote inside an expression: it ends the JSON string in the middle of the `${…}`, so the rest of the expression falls outside the value. Write Groovy strings in single quotes (\'…\'), or escape the quote as `\\"`.',
    });
  }
  return out;
}

function unclosedFinding(bs: BoundString, b: Binding, quoteCut: boolean): Finding {
  const span = docSpan(bs, b.start, bs.value.length);
  const quote = b.problems.find(p => p.kind === 'unclosed-quote');
  if (quote && quote.text[0] === '\'') {
    return {
      ...docSpan(bs, quote.start, quote.end), severity: 'error', code: 'binding-unbalanced',
      message: 'Unbalanced expression: this single-quoted Groovy string is never closed, so it swallows the `}` and the rest of the value. Add the missing `\'`.',
    };
  }
  const shown = bs.value.slice(b.start, b.closeHint ?? Math.min(b.start + 40, bs.value.length)).replace(/\s+/g, ' ');
  const where = b.closeHint !== undefined ? ` Add \`}\` after \`${bs.value.slice(b.contentStart, b.closeHint).trim()}\`.` : ' Add the `}` where the expression ends.';
  const cause = quoteCut ? ' A double quote inside the expression ended the JSON string early; use single quotes for Groovy strings.' : '';
  const finding: Finding = {
    ...span, severity: 'error', code: 'binding-unclosed',
    message: `Unclosed expression \`${shown}\`: it is never closed with \`}\`, so EIC reads the rest of the value as part of the expression and the call fails.${where}${cause}`,
  };
  if (b.closeHint !== undefined) {
    finding.fixes = [{
      title: `Insert \`}\` after \`${bs.value.slice(b.contentStart, b.closeHint).trim()}\``,
      edits: [{ offset: docOffset(bs, b.closeHint), length: 0, newText: '}' }],
      isPreferred: true,
    }];
  }
  return finding;
}

function unbalancedFinding(bs: BoundString, b: Binding, problem: BindingProblem): Finding {
  const span = docSpan(bs, problem.start, problem.end);
  const closer = problem.text === '(' ? ')' : problem.text === '[' ? ']' : problem.text;
  const message = problem.kind === 'unclosed-bracket'
    ? `Unbalanced expression: \`${problem.text}\` opened here is not closed before the \`}\` that ends the expression: Groovy cannot evaluate \`${preview(bs, b)}\`. Add the missing \`${closer}\`.`
    : `Unbalanced expression: \`${problem.text}\` here closes nothing: the expression \`${preview(bs, b)}\` has no matching \`${problem.text === ')' ? '(' : '['}\`. Remove it or add the opening bracket.`;
  return { ...span, severity: 'error', code: 'binding-unbalanced', message };
}

function preview(bs: BoundString, b: Binding): string {
  const text = bs.value.slice(b.start, b.end).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * The string ends (at an unescaped quote) inside a binding that runs to its end, and the
 * text after the quote is not JSON structure: the quote belonged to the expression.
 */
function quoteCutsString(doc: AttributeDocument, bs: BoundString): boolean {
  if (!bs.terminated) return false;
  const last = bs.bindings[bs.bindings.length - 1];
  if (!last || last.closed || last.reentry !== undefined) return false;
  const text = doc.text;
  let k = bs.contentEnd + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  if (k >= text.length) return false;
  return !',}]:\r\n'.includes(text[k]);
}
