/**
 * The check run before packaging. The full check engine plugs in through the same
 * signature; until then (and when nothing is injected) only JSON syntax is checked.
 */
import { STRICT_JSON, JsonSyntaxErrorCode, parseJsonValue, type JsonSyntaxError } from '../json/jsonText';
import { lineAndColumn } from './lenientJson';
import { MAX_NESTING, maxNesting } from '../document';

export interface ValidatedFile {
  /** Attribute name as written into the package. */
  attribute: string;
  fileName: string;
  path: string;
  /** The file's text as on disk (before the package removes "$schema" or secrets). */
  text: string;
}

export interface ValidationOutcome {
  errors: number;
  /** One line each, naming file, line and what to do. */
  messages: string[];
}

export type PackageValidator = (files: ValidatedFile[]) => Promise<ValidationOutcome>;

const EXPLAIN: Partial<Record<JsonSyntaxErrorCode, string>> = {
  [JsonSyntaxErrorCode.InvalidSymbol]: 'unexpected character',
  [JsonSyntaxErrorCode.InvalidNumberFormat]: 'malformed number',
  [JsonSyntaxErrorCode.PropertyNameExpected]: 'a property name in double quotes is expected here (is there a trailing comma?)',
  [JsonSyntaxErrorCode.ValueExpected]: 'a value is expected here (is there a trailing comma?)',
  [JsonSyntaxErrorCode.ColonExpected]: 'a ":" is missing after the property name',
  [JsonSyntaxErrorCode.CommaExpected]: 'a comma is missing between two values',
  [JsonSyntaxErrorCode.CloseBraceExpected]: 'a closing "}" is missing',
  [JsonSyntaxErrorCode.CloseBracketExpected]: 'a closing "]" is missing',
  [JsonSyntaxErrorCode.EndOfFileExpected]: 'there is text after the end of the JSON document',
  [JsonSyntaxErrorCode.InvalidCommentToken]: 'comments are not allowed: EIC stores the text as JSON',
  [JsonSyntaxErrorCode.UnexpectedEndOfComment]: 'unterminated comment',
  [JsonSyntaxErrorCode.UnexpectedEndOfString]: 'a string is not closed before the end of the line (raw line breaks must be written \\n)',
  [JsonSyntaxErrorCode.UnexpectedEndOfNumber]: 'unterminated number',
  [JsonSyntaxErrorCode.InvalidUnicode]: 'invalid \\u escape',
  [JsonSyntaxErrorCode.InvalidEscapeCharacter]: 'invalid escape: only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are JSON',
  [JsonSyntaxErrorCode.InvalidCharacter]: 'a control character (such as a raw tab) inside a string; write it escaped',
};

/** Strict JSON syntax, one message per broken file (empty files are fine: the attribute is unset). */
export const jsonSyntaxValidator: PackageValidator = async files => {
  const messages: string[] = [];
  for (const file of files) {
    if (file.text.trim() === '') continue;
    const depth = maxNesting(file.text);
    if (depth > MAX_NESTING) {
      messages.push(`${file.fileName}: nests objects and lists ${depth} levels deep; more than ${MAX_NESTING} cannot be checked (nor used by EIC).`);
      continue;
    }
    const errors: JsonSyntaxError[] = [];
    parseJsonValue(file.text, STRICT_JSON, errors);
    if (errors.length === 0) continue;
    // The first error only: the ones after it are mostly its echo.
    const first = errors[0];
    const { line, column } = lineAndColumn(file.text, first.offset);
    const more = errors.length > 1 ? ` (${errors.length - 1} more syntax error(s) follow from here)` : '';
    messages.push(`${file.fileName} line ${line}, column ${column}: ${EXPLAIN[first.error] ?? 'JSON syntax error'}${more}.`);
  }
  return { errors: messages.length, messages };
};
