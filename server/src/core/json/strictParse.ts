/**
 * A fast parser for the common case: a text that is plain, strict JSON — no syntax error, no
 * comment, no trailing comma, no repeated key, only space, tab and line breaks between tokens.
 * For such a text it builds exactly the tree vscode-json-languageservice's parser builds (the same
 * node types, fields, offsets, lengths, values, `isInteger` and `colonOffset`, and the same
 * `children`), in a fraction of the time; for any other text it returns undefined at the first
 * thing it does not accept, and the service's own parser reads the text (and reports what it
 * finds). It never decides anything the service's parser would decide differently: every
 * doubtful case is handed back. test/unit/engine/strictParse.test.ts compares the two trees on
 * the corpus, the examples, generated documents and thousands of mutations.
 */
import type { ASTNode, PropertyASTNode, StringASTNode } from 'vscode-json-languageservice';
import type { IndexLists } from './indexLists';
import { detached } from '../text/detached';

/* Node classes with the fields of the service's (jsonParser.ts), in the same order. */
class BaseNode {
  offset: number;
  length: number;
  parent: ASTNode | undefined;
  constructor(parent: ASTNode | undefined, offset: number, length: number) {
    this.offset = offset;
    this.length = length;
    this.parent = parent;
  }
  get children(): ASTNode[] { return []; }
  toString(): string {
    const self = this as unknown as { type: string };
    return 'type: ' + self.type + ' (' + this.offset + '/' + this.length + ')' + (this.parent ? ' parent: {' + this.parent.toString() + '}' : '');
  }
}
class NullNode extends BaseNode {
  readonly type = 'null';
  readonly value = null;
}
class BooleanNode extends BaseNode {
  readonly type = 'boolean';
  value: boolean;
  constructor(parent: ASTNode | undefined, value: boolean, offset: number) { super(parent, offset, 0); this.value = value; }
}
class ArrayNode extends BaseNode {
  readonly type = 'array';
  items: ASTNode[] = [];
  override get children(): ASTNode[] { return this.items; }
}
class NumberNode extends BaseNode {
  readonly type = 'number';
  isInteger = true;
  value = Number.NaN;
}
class StringNode extends BaseNode {
  readonly type = 'string';
  value = '';
}
class PropertyNode extends BaseNode {
  readonly type = 'property';
  colonOffset = -1;
  keyNode: StringNode;
  declare valueNode: ASTNode | undefined;
  constructor(parent: ASTNode | undefined, offset: number, keyNode: StringNode) { super(parent, offset, 0); this.keyNode = keyNode; }
  override get children(): ASTNode[] { return this.valueNode ? [this.keyNode, this.valueNode] : [this.keyNode]; }
}
class ObjectNode extends BaseNode {
  readonly type = 'object';
  properties: PropertyNode[] = [];
  override get children(): ASTNode[] { return this.properties; }
}

/** Thrown (and caught below) when the text is not one the fast path accepts. */
const GIVE_UP = new Error('not strict JSON');
/** A run of string characters that need no attention (not a quote, a backslash or a control character); sticky. */
const PLAIN = /[^"\\\x00-\x1f]*/y;

/**
 * The service parser's tree of a strict JSON text, or undefined to let the service parse it (also
 * when objects and arrays nest deeper than `maxDepth`: the recursion stays far from the stack's end).
 */
export function parseStrictJson(text: string, maxDepth = 400): ASTNode | undefined {
  return parseStrictJsonIndexed(text, maxDepth)?.root;
}

/**
 * The same, with the lists of the document index (json/documentIndex.ts) gathered while parsing,
 * in the order its walk would visit them: one pass over the text gives the tree and the index.
 */
export function parseStrictJsonIndexed(text: string, maxDepth = 400): { root: ASTNode; lists: IndexLists } | undefined {
  const parser = new StrictParser(text, maxDepth);
  try {
    parser.skipBlanks();
    if (parser.pos >= text.length) return undefined;
    const root = parser.value(undefined);
    parser.skipBlanks();
    if (parser.pos !== text.length) return undefined;
    if (root.type === 'string') { parser.strings.push(root as StringASTNode); parser.stringValues.push(root as StringASTNode); }
    return { root, lists: { properties: parser.properties, ends: parser.ends, strings: parser.strings, stringValues: parser.stringValues } };
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/**
 * Objects up to this many properties look for a repeated key by comparing; larger ones use a set.
 * (Keys are shared strings, see `sharedKey`: comparing two different ones stops at their hashes.)
 */
const LINEAR_KEYS = 64;

/**
 * Key names repeat throughout a document and from one version of it to the next (a connection has
 * a few hundred distinct keys, a large import tens of thousands of properties). Every key node's
 * value is one shared, detached copy per name: the tree holds one string per name instead of one
 * per property, and the many lookups by key name later (the document index, the rules' catalogs)
 * find the string's hash already computed. Bounded: past MAX_SHARED_KEYS names the table starts again.
 */
const sharedKeys = new Map<string, string>();
const MAX_SHARED_KEYS = 20000;
function sharedKey(name: string): string {
  let shared = sharedKeys.get(name);
  if (shared === undefined) {
    if (sharedKeys.size >= MAX_SHARED_KEYS) sharedKeys.clear();
    shared = detached(name);
    sharedKeys.set(shared, shared);
  }
  return shared;
}

class StrictParser {
  pos = 0;
  /** How many objects and arrays enclose the current position. */
  private depth = 0;
  /* The document index's lists (see parseStrictJsonIndexed). */
  readonly properties: PropertyASTNode[] = [];
  readonly ends: number[] = [];
  readonly strings: StringASTNode[] = [];
  readonly stringValues: StringASTNode[] = [];
  constructor(private readonly text: string, private readonly maxDepth: number) {}

  skipBlanks(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
  }

  value(parent: ASTNode | undefined): ASTNode {
    const c = this.text.charCodeAt(this.pos);
    if (c === 123) return this.object(parent);
    if (c === 91) return this.array(parent);
    if (c === 34) return this.string(parent);
    if (c === 45 || (c >= 48 && c <= 57)) return this.number(parent);
    if (c === 116) return this.literal(parent, 'true');
    if (c === 102) return this.literal(parent, 'false');
    if (c === 110) return this.literal(parent, 'null');
    throw GIVE_UP;
  }

  object(parent: ASTNode | undefined): ASTNode {
    const text = this.text;
    const node = new ObjectNode(parent, this.pos, 0);
    if (++this.depth > this.maxDepth) throw GIVE_UP;
    this.pos++;
    this.skipBlanks();
    let keys: Set<string> | undefined;
    if (text.charCodeAt(this.pos) !== 125) {
      for (;;) {
        if (text.charCodeAt(this.pos) !== 34) throw GIVE_UP;
        const property = new PropertyNode(node, this.pos, undefined as unknown as StringNode);
        const key = this.string(property, true);
        property.keyNode = key;
        const index = this.properties.length;
        this.properties.push(property);
        this.ends.push(0);
        this.strings.push(key);
        const name = key.value;
        if (name !== '//') {
          // A repeated key is reported by the service (a warning): leave such objects to it.
          const properties = node.properties;
          if (keys) {
            if (keys.has(name)) throw GIVE_UP;
            keys.add(name);
          } else {
            for (let i = 0; i < properties.length; i++) if (properties[i].keyNode.value === name) throw GIVE_UP;
            if (properties.length >= LINEAR_KEYS) {
              keys = new Set<string>();
              for (const p of properties) if (p.keyNode.value !== '//') keys.add(p.keyNode.value);
              keys.add(name);
            }
          }
        }
        this.skipBlanks();
        if (text.charCodeAt(this.pos) !== 58) throw GIVE_UP;
        property.colonOffset = this.pos;
        this.pos++;
        this.skipBlanks();
        const value = this.value(property);
        if (value.type === 'string') { this.strings.push(value as StringNode); this.stringValues.push(value as StringNode); }
        this.ends[index] = this.properties.length;
        property.valueNode = value;
        property.length = value.offset + value.length - property.offset;
        node.properties.push(property);
        this.skipBlanks();
        const c = text.charCodeAt(this.pos);
        if (c === 44) { this.pos++; this.skipBlanks(); continue; }
        if (c === 125) break;
        throw GIVE_UP;
      }
    }
    this.pos++;
    this.depth--;
    node.length = this.pos - node.offset;
    return node;
  }

  array(parent: ASTNode | undefined): ASTNode {
    const text = this.text;
    const node = new ArrayNode(parent, this.pos, 0);
    if (++this.depth > this.maxDepth) throw GIVE_UP;
    this.pos++;
    this.skipBlanks();
    if (text.charCodeAt(this.pos) !== 93) {
      for (;;) {
        const item = this.value(node);
        if (item.type === 'string') { this.strings.push(item as StringNode); this.stringValues.push(item as StringNode); }
        node.items.push(item);
        this.skipBlanks();
        const c = text.charCodeAt(this.pos);
        if (c === 44) { this.pos++; this.skipBlanks(); continue; }
        if (c === 93) break;
        throw GIVE_UP;
      }
    }
    this.pos++;
    this.depth--;
    node.length = this.pos - node.offset;
    return node;
  }

  /** A string token; a key (`isKey`) without escapes gets its shared name (sharedKey). */
  string(parent: ASTNode | undefined, isKey = false): StringNode {
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      // The engine's regular expressions skip the plain run faster than a loop over its characters.
      // (It fails only past the end of the text, after a backslash that ends it.)
      PLAIN.lastIndex = pos;
      if (!PLAIN.test(text)) throw GIVE_UP;
      pos = PLAIN.lastIndex;
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c === 92) { escaped = true; pos += 2; continue; }
      // A control character (or the end of the text, NaN) is an error the service reports.
      throw GIVE_UP;
    }
    const end = pos + 1;
    const node = new StringNode(parent, start, end - start);
    if (escaped) {
      // The escapes JSON.parse accepts are exactly those the service's scanner accepts, decoded
      // alike (\uXXXX as one UTF-16 unit, lone surrogates kept).
      let value: unknown;
      try { value = JSON.parse(text.slice(start, end)); } catch { throw GIVE_UP; }
      node.value = value as string;
    } else {
      node.value = isKey ? sharedKey(text.slice(start + 1, pos)) : text.slice(start + 1, pos);
    }
    this.pos = end;
    return node;
  }

  number(parent: ASTNode | undefined): NumberNode {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    let c = text.charCodeAt(pos);
    if (c === 45) c = text.charCodeAt(++pos);
    if (c === 48) {
      c = text.charCodeAt(++pos);
    } else if (c >= 49 && c <= 57) {
      do c = text.charCodeAt(++pos); while (c >= 48 && c <= 57);
    } else {
      throw GIVE_UP;
    }
    let integer = true;
    if (c === 46) {
      integer = false;
      c = text.charCodeAt(++pos);
      if (!(c >= 48 && c <= 57)) throw GIVE_UP;
      do c = text.charCodeAt(++pos); while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      c = text.charCodeAt(++pos);
      if (c === 43 || c === 45) c = text.charCodeAt(++pos);
      if (!(c >= 48 && c <= 57)) throw GIVE_UP;
      do c = text.charCodeAt(++pos); while (c >= 48 && c <= 57);
    }
    // What follows must end the token as the service's scanner ends it.
    if (!endsToken(c)) throw GIVE_UP;
    const node = new NumberNode(parent, start, pos - start);
    node.value = Number(text.slice(start, pos));
    node.isInteger = integer;
    this.pos = pos;
    return node;
  }

  literal(parent: ASTNode | undefined, word: 'true' | 'false' | 'null'): ASTNode {
    const start = this.pos;
    if (!this.text.startsWith(word, start) || !endsToken(this.text.charCodeAt(start + word.length))) throw GIVE_UP;
    this.pos = start + word.length;
    const node = word === 'null' ? new NullNode(parent, start, 0) : new BooleanNode(parent, word === 'true', start);
    node.length = word.length;
    return node;
  }
}

/** A blank, `,`, `}`, `]` or the end of the text (NaN): anything else continues or breaks the token. */
function endsToken(c: number): boolean {
  return c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9 || c !== c;
}
