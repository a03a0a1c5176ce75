/**
 * Tokenizer and recursive-descent parser for the Groovy subset of `${…}` expressions.
 * Throws a plain Error naming what it could not read; expression.ts turns that into
 * "cannot evaluate locally".
 */

export type Node =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'ident'; name: string }
  | { type: 'member'; object: Node; name: string; optional: boolean }
  | { type: 'index'; object: Node; index: Node; optional: boolean }
  | { type: 'call'; callee: Node; args: Node[] }
  | { type: 'unary'; op: '!' | '-'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node }
  | { type: 'elvis'; left: Node; right: Node };

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

const OPERATORS = ['?.', '?:', '==', '!=', '<=', '>=', '&&', '||', '?', ':', '.', '(', ')', '[', ']', ',', '+', '-', '*', '/', '%', '<', '>', '!'];
const UNSUPPORTED = ['=', ';', '{', '}', '->', '=~', '==~', '<<', '>>', '&', '|', '**', '*.', '.&', '.@', '<=>'];

const MAX_LENGTH = 4000;
const MAX_DEPTH = 64;

export function tokenize(text: string): Token[] {
  if (text.length > MAX_LENGTH) throw new Error('the expression is too long');
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const start = i;
    if (c === "'" || c === '"') {
      i++;
      let value = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\\' && i + 1 < text.length) {
          const e = text[i + 1];
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          i += 2;
        } else {
          if (c === '"' && text[i] === '$' && text[i + 1] === '{') throw new Error('interpolation inside a double-quoted string is not supported');
          value += text[i++];
        }
      }
      if (i >= text.length) throw new Error('a string literal is not closed');
      i++;
      tokens.push({ kind: 'str', value, pos: start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^\d+(\.\d+)?[LlIiDd]?/.exec(text.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'num', value: Number(m[0].replace(/[LlIiDd]$/, '')), pos: start });
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const prev = tokens[tokens.length - 1];
      const afterDot = prev?.kind === 'op' && (prev.value === '.' || prev.value === '?.');
      // After a dot, header names such as X-Current-Page are member names, as EIC reads them.
      const re = afterDot ? /^[A-Za-z_$][\w$]*(?:-[A-Za-z_$][\w$]*)*/ : /^[A-Za-z_$][\w$]*/;
      const m = re.exec(text.slice(i))!;
      i += m[0].length;
      tokens.push({ kind: 'ident', value: m[0], pos: start });
      continue;
    }
    const rest = text.slice(i);
    const bad = UNSUPPORTED.filter(op => rest.startsWith(op)).sort((a, b) => b.length - a.length)[0];
    const op = OPERATORS.find(o => rest.startsWith(o));
    if (op && !(bad && bad.length > op.length)) {
      i += op.length;
      tokens.push({ kind: 'op', value: op, pos: start });
      continue;
    }
    if (bad) throw new Error(`"${bad}" (assignments, statements, closures, bit operators, spread and regex operators) is not supported`);
    throw new Error(`unexpected character "${c}"`);
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

export function parseExpression(text: string): Node {
  const parser = new Parser(tokenize(text));
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token { return this.tokens[this.pos]; }
  private next(): Token { return this.tokens[this.pos++]; }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }
  private eat(value: string): boolean {
    if (this.isOp(value)) { this.pos++; return true; }
    return false;
  }
  private expect(value: string): void {
    if (!this.eat(value)) throw new Error(`expected "${value}" ${this.where()}`);
  }
  private where(): string {
    const t = this.peek();
    if (t.kind === 'end') return 'at the end';
    return `before ${t.kind === 'str' ? `'${t.value}'` : String(t.value)}`;
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') throw new Error(`unexpected ${this.where().replace('before ', '')}`);
  }

  expression(): Node {
    if (++this.depth > MAX_DEPTH) throw new Error('the expression nests too deeply');
    try {
      const test = this.or();
      if (this.eat('?:')) return { type: 'elvis', left: test, right: this.expression() };
      if (this.eat('?')) {
        const then = this.expression();
        this.expect(':');
        const otherwise = this.expression();
        return { type: 'conditional', test, then, otherwise };
      }
      return test;
    } finally {
      this.depth--;
    }
  }

  /** `operand (op operand)*` for the binary operators `ops` of one precedence level, grouped from the left. */
  private leftAssociative(ops: readonly string[], operand: () => Node): Node {
    let left = operand();
    while (ops.some(op => this.isOp(op))) {
      const op = (this.next() as { value: string }).value;
      left = { type: 'binary', op, left, right: operand() };
    }
    return left;
  }

  private or(): Node { return this.leftAssociative(['||'], () => this.and()); }
  private and(): Node { return this.leftAssociative(['&&'], () => this.equality()); }
  private equality(): Node { return this.leftAssociative(['==', '!='], () => this.relational()); }
  private relational(): Node { return this.leftAssociative(['<', '>', '<=', '>='], () => this.additive()); }
  private additive(): Node { return this.leftAssociative(['+', '-'], () => this.multiplicative()); }
  private multiplicative(): Node { return this.leftAssociative(['*', '/', '%'], () => this.unary()); }

  private unary(): Node {
    if (this.eat('!')) return { type: 'unary', op: '!', operand: this.unary() };
    if (this.eat('-')) return { type: 'unary', op: '-', operand: this.unary() };
    return this.postfix();
  }

  private postfix(): Node {
    let node = this.primary();
    for (;;) {
      if (this.isOp('.') || this.isOp('?.')) {
        const optional = (this.next() as { value: string }).value === '?.';
        const t = this.next();
        if (t.kind === 'ident' || t.kind === 'str') node = { type: 'member', object: node, name: t.value, optional };
        else throw new Error(`expected a name after "${optional ? '?.' : '.'}"`);
        continue;
      }
      if (this.isOp('[')) {
        this.next();
        const index = this.expression();
        this.expect(']');
        node = { type: 'index', object: node, index, optional: false };
        continue;
      }
      if (this.isOp('(')) {
        if (node.type !== 'member') throw new Error(`only methods can be called ${this.where()}`);
        this.next();
        const args: Node[] = [];
        if (!this.isOp(')')) {
          do { args.push(this.expression()); } while (this.eat(','));
        }
        this.expect(')');
        node = { type: 'call', callee: node, args };
        continue;
      }
      return node;
    }
  }

  private primary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'num': return { type: 'literal', value: t.value };
      case 'str': return { type: 'literal', value: t.value };
      case 'ident':
        if (t.value === 'null') return { type: 'literal', value: null };
        if (t.value === 'true') return { type: 'literal', value: true };
        if (t.value === 'false') return { type: 'literal', value: false };
        if (t.value === 'new') throw new Error('"new" (creating Java objects) is not supported');
        if (t.value === 'return' || t.value === 'def' || t.value === 'if' || t.value === 'for') throw new Error(`"${t.value}" statements are not supported`);
        return { type: 'ident', name: t.value };
      case 'op':
        if (t.value === '(') {
          const inner = this.expression();
          this.expect(')');
          return inner;
        }
        throw new Error(`unexpected "${t.value}"`);
      case 'end': throw new Error('the expression is empty or ends too early');
    }
  }
}
