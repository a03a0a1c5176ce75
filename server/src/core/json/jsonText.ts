/**
 * The one door to jsonc-parser: every text-level JSON operation the project uses outside the
 * engine's own parser (json/strictParse.ts builds the documents' trees) goes through here —
 * tolerant parsing to a value or a tree, a node's path, edits (set a value, format, apply) and
 * the location of an offset. ESLint forbids importing 'jsonc-parser' anywhere else
 * (eslint.config.mjs), so a change of library or of its options is made in this file only.
 *
 * Tolerant: nothing here throws on bad JSON. The parse functions return what they could read
 * and push every syntax error (with its offset) into `errors` when it is given.
 * Pure: no Node, no editor.
 */
import {
  applyEdits, format, getLocation, getNodePath, modify, parse, parseTree, printParseErrorCode,
  ParseErrorCode, type Edit, type FormattingOptions, type JSONPath, type Location, type Node, type ParseError, type ParseOptions,
} from 'jsonc-parser';

/** A node of a parsed tree: type, offset, length, children, value. */
export type JsonTreeNode = Node;
/** One syntax error: its code and the offset and length it applies to. */
export type JsonSyntaxError = ParseError;
/** The codes of syntax errors (an enum: ParseErrorCode.CommaExpected …). */
export { ParseErrorCode as JsonSyntaxErrorCode };
/** A text edit: replace `length` characters at `offset` by `content`. */
export type JsonTextEdit = Edit;
/** A path of property names and array indexes, outermost first. */
export type JsonPath = JSONPath;
/** Where an offset is: the path to it and whether it is at a property name. */
export type JsonLocation = Location;
export type JsonFormattingOptions = FormattingOptions;
/** What the parser accepts besides plain JSON: comments, trailing commas, an empty text. */
export type JsonSyntax = ParseOptions;

/** Plain JSON (RFC 8259): no comments, no trailing commas. */
export const STRICT_JSON: JsonSyntax = { disallowComments: true, allowTrailingComma: false };
/** JSON as editors and EIC's files tolerate it: comments and trailing commas accepted. */
export const LENIENT_JSON: JsonSyntax = { disallowComments: false, allowTrailingComma: true };

/** The value the text holds, as far as it can be read (undefined when nothing can be). */
export function parseJsonValue(text: string, syntax: JsonSyntax, errors: JsonSyntaxError[] = []): unknown {
  return parse(text, errors, syntax);
}

/** The text's syntax tree with offsets, as far as it can be read (undefined for an empty text). */
export function parseJsonTree(text: string, syntax: JsonSyntax, errors: JsonSyntaxError[] = []): JsonTreeNode | undefined {
  return parseTree(text, errors, syntax);
}

/** The path from the tree's root to `node` (["call", 0, "url"]). */
export function pathOfNode(node: JsonTreeNode): JsonPath {
  return getNodePath(node);
}

/** The path at an offset of the text (what the cursor is in). */
export function locationAt(text: string, offset: number): JsonLocation {
  return getLocation(text, offset);
}

/** The edits that set the value at `path` (creating the properties on the way), formatted as asked. */
export function editsToSetValue(text: string, path: JsonPath, value: unknown, formatting: JsonFormattingOptions): JsonTextEdit[] {
  return modify(text, path, value, { formattingOptions: formatting });
}

/** The edits that format the text, or only `range` of it. */
export function formattingEdits(text: string, range: { offset: number; length: number } | undefined, formatting: JsonFormattingOptions): JsonTextEdit[] {
  return format(text, range, formatting);
}

/** The text with the edits applied (they must not overlap). */
export function applyTextEdits(text: string, edits: readonly JsonTextEdit[]): string {
  return applyEdits(text, edits as JsonTextEdit[]);
}

/** The name of a syntax error code ("CommaExpected"). */
export function syntaxErrorName(code: ParseErrorCode): string {
  return printParseErrorCode(code);
}
