/**
 * Syntax and schema checks: runs vscode-json-languageservice's validation with our
 * schemas and rewrites each problem for an identity engineer, with a stable code,
 * a severity that matches what EIC would do, and a quick fix where the fix is mechanical.
 */
import type { Diagnostic } from 'vscode-json-languageservice';
import { ErrorCode } from 'vscode-json-languageservice';
import type { AttributeDocument } from '../document';
import type { Finding, Fix } from '../types';
import { jsonService, schemaFileOf } from '../json/jsonService';
import { ASTNode, isObject, keyOf, pathOf, type ObjectASTNode } from '../json/ast';
import { knownPropertiesAt } from './schemaNavigator';
import { didYouMean } from '../text/didYouMean';
import { describeMisplacedKey, mayBeMisplaced } from './misplacedKeys';
import { provesValid } from './validityProof';
import { missingKeyFix, missingKeysFix, missingKeyObject } from './missingKeyFix';

const SYNTAX_MESSAGES: Partial<Record<number, string>> = {
  [ErrorCode.CommaExpected]: 'Missing comma: two entries need a comma between them.',
  [ErrorCode.ColonExpected]: 'Missing colon: a colon (:) is needed after the key.',
  [ErrorCode.PropertyExpected]: 'Key expected: a key in double quotes belongs here.',
  [ErrorCode.ValueExpected]: 'Missing value: a value is expected here (a string, number, object, array, true, false or null).',
  [ErrorCode.CommaOrCloseBraceExpected]: 'Missing comma or }: a comma or a closing brace } is expected here.',
  [ErrorCode.CommaOrCloseBacketExpected]: 'Missing comma or ]: a comma or a closing bracket ] is expected here.',
  [ErrorCode.PropertyKeysMustBeDoublequoted]: 'Key not in double quotes: EIC rejects other quotes.',
  [ErrorCode.UnexpectedEndOfString]: 'Unclosed string: a double quote is missing.',
  [ErrorCode.InvalidEscapeCharacter]: 'Invalid escape sequence: inside a JSON string only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed.',
  [ErrorCode.InvalidCharacter]: 'Control character in a string: a raw control character (such as a line break or tab) sits inside a string; write it as \\n or \\t.',
  [ErrorCode.InvalidUnicode]: 'Invalid \\u escape: four hexadecimal digits must follow \\u.',
  [ErrorCode.UnexpectedEndOfNumber]: 'Incomplete number: this number ends before its digits.',
  [ErrorCode.UnexpectedEndOfComment]: 'Unclosed comment: this comment is not closed.',
  [ErrorCode.CommentNotPermitted]: 'Comment not allowed: EIC does not accept comments in connection JSON; remove it.',
};

/**
 * Where findings go: by default a plain list; the analysis passes its FindingCollector, which caps
 * them, so a document with 20,000 unknown keys costs the work of the findings shown.
 */
export interface FindingSink {
  add(finding: Finding): void;
  accepts(code: string): boolean;
  omit(code: string, severity: Finding['severity'], offset: number): void;
}

export async function schemaFindings(doc: AttributeDocument, schemaCheck = true, sink?: FindingSink): Promise<Finding[]> {
  const service = jsonService();
  doc.json;
  if (doc.parseFailure) return [{ offset: 0, length: 0, severity: 'error', code: 'json-syntax', message: doc.parseFailure }];
  // The syntax part of the service's validation first (parse errors, comments, trailing commas):
  // a document without any that the proof shows valid needs nothing more (the same result as a
  // full validation). Any other document is validated in full, exactly as the service does.
  const settings = { comments: 'error', trailingCommas: 'error', schemaValidation: 'ignore', schemaRequest: 'ignore' } as const;
  let diagnostics = await service.doValidation(doc.jsonTextDocument, doc.json, settings);
  const proven = schemaCheck && diagnostics.length === 0 && doc.attribute !== undefined && provesValid(doc.json.root, schemaFileOf(doc.attribute));
  if (schemaCheck && !proven) diagnostics = await service.doValidation(doc.jsonTextDocument, doc.json, { ...settings, schemaValidation: 'error' });
  const findings: Finding[] = [];
  const out: FindingSink = sink ?? { add: f => { findings.push(f); }, accepts: () => true, omit: () => undefined };
  // Each finding goes to the sink (which may be the analysis's) as soon as it is made, so that the
  // sink's caps stop the costly work (node look-ups, did-you-mean) of findings it would drop; a
  // missing-key finding gets its fixes first, from every key its object lacks.
  const missing = missingKeysByObject(doc, diagnostics);
  for (const d of diagnostics) {
    const f = convert(doc, d, out);
    if (!f) continue;
    addMissingKeyFixes(doc, f, missing);
    out.add(f);
  }
  return findings;
}

/** The key each missing-key finding is about (kept beside the finding, not parsed from its message). */
const missingKeyOf = new WeakMap<Finding, string>();

const MISSING_PROPERTY = /^Missing property "(.+)"\.$/;

/** The keys each object lacks, by the offset its missing-key findings start at (the service's order). */
function missingKeysByObject(doc: AttributeDocument, diagnostics: readonly Diagnostic[]): Map<number, string[]> {
  const byObject = new Map<number, string[]>();
  for (const d of diagnostics) {
    const m = MISSING_PROPERTY.exec(typeof d.message === 'string' ? d.message : d.message.value);
    if (!m) continue;
    const offset = doc.jsonTextDocument.offsetAt(d.range.start);
    const keys = byObject.get(offset);
    if (keys) keys.push(m[1]); else byObject.set(offset, [m[1]]);
  }
  return byObject;
}

/** A missing-key finding gets a fix adding its key; in an object lacking several keys also one adding them all. */
function addMissingKeyFixes(doc: AttributeDocument, finding: Finding, missing: Map<number, string[]>): void {
  const key = missingKeyOf.get(finding);
  if (key === undefined) return;
  const object = missingKeyObject(doc, finding.offset);
  if (!object) return;
  const all = missingKeysFix(doc, object, missing.get(finding.offset) ?? [key]);
  finding.fixes = [missingKeyFix(doc, object, key), ...(all ? [all] : [])];
}

function convert(doc: AttributeDocument, diagnostic: Diagnostic, sink: FindingSink): Finding | undefined {
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
  const d = { ...diagnostic, message };
  const offset = doc.jsonTextDocument.offsetAt(d.range.start);
  const length = doc.jsonTextDocument.offsetAt(d.range.end) - offset;
  const code = typeof d.code === 'number' ? d.code : undefined;

  if (code === ErrorCode.TrailingComma) {
    return {
      offset, length, severity: 'error', code: 'json-trailing-comma',
      message: 'Trailing comma: EIC\'s JSON parser rejects a comma before a closing brace or bracket. Remove it.',
      fixes: [{ title: 'Remove the trailing comma', edits: [{ offset, length, newText: '' }], isPreferred: true }],
    };
  }
  if (code === ErrorCode.DuplicateKey) {
    return { offset, length, severity: 'warning', code: 'duplicate-key',
      message: `Duplicate key ${doc.text.substr(offset, length)}: it appears twice in this object, and only one of the values will be used. Keep one.` };
  }
  if (code !== undefined && code >= 0x100 && code < 0x300) {
    return { offset, length, severity: 'error', code: 'json-syntax', message: SYNTAX_MESSAGES[code] ?? `JSON syntax error: ${d.message}` };
  }
  if (code !== undefined && code >= ErrorCode.SchemaResolveError) return undefined;
  if (code === ErrorCode.Deprecated) {
    // The service's text is the schema's deprecation message (what replaces the key): it follows the verdict.
    return { offset, length, severity: 'warning', code: 'deprecated', message: `Deprecated key: ${d.message}`, tags: ['deprecated'] };
  }
  return schemaProblem(doc, d, offset, length, sink);
}

function schemaProblem(doc: AttributeDocument, d: { message: string }, offset: number, length: number, sink: FindingSink): Finding | undefined {
  // Each finding's code is known from the message alone: a code whose cap is reached is only
  // counted, without the node look-up and the message (linear in the document for each finding).
  const wanted = (code: string): boolean => {
    if (sink.accepts(code)) return true;
    sink.omit(code, 'error', offset);
    return false;
  };
  const nodeAt = () => doc.json.getNodeFromOffset(offset, true);
  let m: RegExpExecArray | null;

  if ((m = /^Property (.+) is not allowed\.$/.exec(d.message))) {
    return unknownKey(doc, m[1], offset, length, sink);
  }
  if ((m = MISSING_PROPERTY.exec(d.message))) {
    if (!wanted('missing-key')) return undefined;
    const objectNode = missingKeyObject(doc, offset);
    const what = objectNode ? describeObject(objectNode) : 'this object';
    const finding: Finding = { offset, length: Math.min(length, 1), severity: 'error', code: 'missing-key',
      message: `Missing key \`${m[1]}\` in ${what}: EIC cannot use it without that key.` };
    missingKeyOf.set(finding, m[1]);
    return finding;
  }
  if ((m = /^Incorrect type\. Expected (?:"(.+)"|one of (.+))\.$/.exec(d.message))) {
    return wanted('wrong-type') ? wrongType(doc, nodeAt(), (m[1] ?? m[2]).split(/,\s*/), offset, length) : undefined;
  }
  if ((m = /^Value is not accepted\. Valid values: (.+)\.$/.exec(d.message))) {
    return wanted('invalid-value') ? invalidValue(doc, nodeAt(), m[1], offset, length) : undefined;
  }
  if (!wanted('schema')) return undefined;
  const node = nodeAt();
  const owner = node && ownerName(node);
  // Another constraint of the schema (pattern, range, length): the service's own words after the verdict.
  return { offset, length, severity: 'error', code: 'schema', message: `Value not accepted${owner ? ` in \`${owner}\`` : ''}: ${d.message}` };
}

function unknownKey(doc: AttributeDocument, quotedKey: string, offset: number, length: number, sink: FindingSink): Finding | undefined {
  const key = quotedKey.replace(/^"|"$/g, '');
  if (!sink.accepts('unknown-key') && !mayBeMisplaced(key)) {
    sink.omit('unknown-key', 'warning', offset);
    return undefined;
  }
  const keyNode = doc.json.getNodeFromOffset(offset + 1);
  const objectNode = keyNode?.parent?.parent;
  const path = objectNode ? pathOf(objectNode) : [];
  const misplaced = describeMisplacedKey(doc, key, objectNode, path);
  if (misplaced) return { offset, length, ...misplaced };
  if (!sink.accepts('unknown-key')) {
    sink.omit('unknown-key', 'warning', offset);
    return undefined;
  }
  const schemaFile = doc.attribute?.schema;
  const known = schemaFile ? knownPropertiesAt(schemaFile, path) : [];
  const present = isObject(objectNode) ? keysOf(doc, objectNode) : new Set<string>();
  const suggestion = didYouMean(key, known.filter(k => !present.has(k)));
  const fixes: Fix[] = suggestion
    ? [{ title: `Rename to "${suggestion}"`, edits: [{ offset, length, newText: JSON.stringify(suggestion) }], isPreferred: true }]
    : [];
  const where = objectNode ? ` in ${describeObject(objectNode)}` : '';
  const message = suggestion
    ? `Unknown key \`${key}\`: EIC ignores it${where}; did you mean \`${suggestion}\`?`
    : `Unknown key \`${key}\`: EIC ignores it${where}, so it has no effect.${known.length ? ` Known keys here: ${known.slice(0, 12).map(k => `\`${k}\``).join(', ')}${known.length > 12 ? ' …' : ''}.` : ''}`;
  return { offset, length, severity: 'warning', code: 'unknown-key', message, fixes };
}

/** The keys of an object node, computed once per object (a document may hold thousands of unknown keys in one). */
function keysOf(doc: AttributeDocument, objectNode: ObjectASTNode): ReadonlySet<string> {
  const cache = doc.memo('schema.objectKeys', () => new WeakMap<ObjectASTNode, ReadonlySet<string>>());
  let keys = cache.get(objectNode);
  if (!keys) cache.set(objectNode, (keys = new Set(objectNode.properties.map(p => p.keyNode.value))));
  return keys;
}

function wrongType(doc: AttributeDocument, node: ASTNode | undefined, expected: string[], offset: number, length: number): Finding {
  const owner = node && ownerName(node);
  const found = node ? describeType(node) : 'another type';
  const expectedText = expected.map(t => t.replace(/"/g, '')).map(article).join(' or ');
  const fixes: Fix[] = [];
  if (node?.type === 'string') {
    const v = node.value.trim();
    if ((expected.includes('integer') || expected.includes('number')) && /^-?\d+(\.\d+)?$/.test(v)) {
      fixes.push({ title: `Write the number ${v} without quotes`, edits: [{ offset: node.offset, length: node.length, newText: v }], isPreferred: true });
    } else if (expected.includes('boolean') && /^(true|false)$/i.test(v)) {
      fixes.push({ title: `Write ${v.toLowerCase()} without quotes`, edits: [{ offset: node.offset, length: node.length, newText: v.toLowerCase() }], isPreferred: true });
    }
  } else if (node && (node.type === 'number' || node.type === 'boolean') && expected.includes('string')) {
    const raw = doc.text.substr(node.offset, node.length);
    fixes.push({ title: `Quote the value: "${raw}"`, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(raw) }] });
  } else if (node && expected.includes('array') && node.type !== 'array' && node.type !== 'object') {
    const raw = doc.text.substr(node.offset, node.length);
    fixes.push({ title: `Wrap the value in a list: [${raw}]`, edits: [{ offset: node.offset, length: node.length, newText: `[${raw}]` }], isPreferred: true });
  }
  return { offset, length, severity: 'error', code: 'wrong-type',
    message: `Wrong type${owner ? ` for \`${owner}\`` : ''}: it must be ${expectedText}, not ${found}; EIC would not read it as intended.`, fixes };
}

function invalidValue(doc: AttributeDocument, node: ASTNode | undefined, validList: string, offset: number, length: number): Finding {
  const owner = node && ownerName(node);
  const valid = validList.split(/,\s*/).map(v => { try { return JSON.parse(v); } catch { return v; } });
  const actual = node?.type === 'string' ? node.value : undefined;
  const suggestion = actual !== undefined ? didYouMean(actual, valid.filter((v): v is string => typeof v === 'string')) : undefined;
  const fixes: Fix[] = suggestion && node
    ? [{ title: `Change to "${suggestion}"`, edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(suggestion) }], isPreferred: true }]
    : [];
  const shown = valid.slice(0, 10).map(v => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``).join(', ');
  return { offset, length, severity: 'error', code: 'invalid-value',
    message: `Invalid value${actual !== undefined ? ` \`${actual}\`` : ''}${owner ? ` for \`${owner}\`` : ''}: ${actual !== undefined ? 'EIC does not know it' : 'it is not accepted'}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Allowed: ${shown}${valid.length > 10 ? ' …' : ''}.`,
    fixes };
}

/** Names an object for a message: `call "call1"`, `accountParams`, `call #2`, `the document`. */
function describeObject(node: ASTNode): string {
  if (!node.parent) return 'the document';
  const key = keyOf(node);
  if (key !== undefined) return `\`${key}\``;
  if (node.parent.type === 'array') {
    const arrayKey = keyOf(node.parent) ?? 'list';
    const name = isObject(node) ? node.properties.find(p => p.keyNode.value === 'name')?.valueNode : undefined;
    if (name?.type === 'string') return `${arrayKey} "${name.value}"`;
    return `${arrayKey} #${node.parent.items.indexOf(node) + 1}`;
  }
  return 'this object';
}

function ownerName(node: ASTNode): string | undefined {
  let current: ASTNode | undefined = node;
  while (current) {
    if (current.type === 'property') return current.keyNode.value;
    const key = keyOf(current);
    if (key !== undefined) return key;
    current = current.parent;
  }
  return undefined;
}

function describeType(node: ASTNode): string {
  switch (node.type) {
    case 'string': return `a string (${JSON.stringify(node.value.length > 30 ? node.value.slice(0, 30) + '…' : node.value)})`;
    case 'number': return 'a number';
    case 'boolean': return 'true/false';
    case 'null': return 'null';
    case 'array': return 'a list';
    case 'object': return 'an object';
    default: return 'another type';
  }
}

function article(type: string): string {
  switch (type) {
    case 'integer': return 'a whole number';
    case 'number': return 'a number';
    case 'string': return 'a string';
    case 'boolean': return 'true or false';
    case 'array': return 'a list [ … ]';
    case 'object': return 'an object { … }';
    case 'null': return 'null';
    default: return type;
  }
}
