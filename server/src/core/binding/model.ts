/**
 * The expression model of the `${…}` binding language.
 *
 * Every position in this model is an index into the *decoded* value of one JSON string
 * (what EIC evaluates). The document layer (documentBindings.ts) maps indices back to
 * exact document offsets with the offset map of decodeJsonString, so positions stay
 * exact inside escaped JSON-in-a-string such as `httpParams`, or inside the attribute
 * strings of an EIC export.
 */

export type TokenKind =
  | 'ident'   // identifier or keyword
  | 'number'
  | 'string'  // a Groovy string literal (or one piece of it, between interpolations)
  | 'op'      // operators and punctuation, including `.`, `?.`, `->`, `,`, `;`, `:`
  | 'open'    // ( [ {
  | 'close';  // ) ] }

export interface Token {
  readonly kind: TokenKind;
  /** Identifier name, operator text, or the raw content of a string literal (no quotes). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** The quote of a string literal: `'`, `"`, `'''` or `"""`. */
  readonly quote?: string;
}

/** One segment of a member chain: `user`, `email`, `'Group1'`. */
export interface Segment {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Reached through `?.` */
  readonly nullSafe?: boolean;
  /** Written as a quoted property (`response.'Group1'`). */
  readonly quoted?: boolean;
  /** Followed by `(`: a method call, not a property. */
  readonly call?: boolean;
}

/** A use of a variable that EIC must provide: the root and the members read from it. */
export interface Reference {
  readonly root: Segment;
  readonly members: readonly Segment[];
}

export type BindingProblemKind =
  | 'unclosed-bracket'     // ( or [ still open when the expression ends
  | 'unexpected-close'     // ) or ] without a matching opener
  | 'unclosed-quote';      // a Groovy string literal that never ends

export interface BindingProblem {
  readonly kind: BindingProblemKind;
  readonly start: number;
  readonly end: number;
  /** The bracket or quote concerned. */
  readonly text: string;
}

export interface Binding {
  /** Index of the `$` of `${`. */
  readonly start: number;
  /** Index after the closing `}`; the end of the value when the binding is not closed. */
  readonly end: number;
  /** Index of the first character after `${`. */
  readonly contentStart: number;
  /** Index of the closing `}` (or `end` when not closed). */
  readonly contentEnd: number;
  readonly closed: boolean;
  readonly tokens: readonly Token[];
  readonly problems: readonly BindingProblem[];
  /** Root variables read by the expression (locals, classes and keywords excluded). */
  readonly references: readonly Reference[];
  /** Names the expression declares itself (typed locals, loop variables, closure parameters). */
  readonly locals: ReadonlySet<string>;
  /**
   * For an unclosed binding: where a `}` most likely belongs (after a leading member chain
   * such as `user.phonenumber`), when that can be told.
   */
  readonly closeHint?: number;
  /** For an unclosed binding: the index of the `${` that started the next binding inside it. */
  readonly reentry?: number;
}
