/** The contract between the analysis driver and the rules. */
import type { AttributeGrammar } from '../attributes';
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { AnalysisSettings, Finding, Severity } from '../types';
import type { SchemaProbe } from './support/schemaCoverage';

export interface RuleContext {
  readonly doc: AttributeDocument;
  readonly connection: ConnectionView;
  readonly settings: AnalysisSettings;
  report(finding: Finding): void;
  /**
   * True once the document's cap on findings is reached (core/findingCaps.ts): nothing more will
   * be shown, so a long check may stop and say what it left out with notChecked().
   */
  readonly full?: boolean;
  /** Records what a check skipped to stay within bounds (shown in the final findings-capped note). */
  notChecked?(what: string, count: number, offset: number, note?: string): void;
  /**
   * Whether a finding of this code would still be kept (the caps of core/findingCaps.ts); a check
   * that makes many findings of one code asks first and counts the ones it does not build with
   * `omit`, which is what reporting them would have done.
   */
  accepts?(code: string): boolean;
  omit?(code: string, severity: Severity, offset: number): void;
  /** Whether the schema check already reports a value (default: the attribute's schema is asked). */
  readonly schemaProbe?: SchemaProbe;
}

export interface Rule {
  /** Name of the rule module (for logs and tests). */
  readonly id: string;
  /** Grammars the rule applies to; undefined = every attribute document with JSON content. */
  readonly grammars?: readonly AttributeGrammar[];
  /**
   * The sibling attributes the rule reads through `ctx.connection` (names as in the connection,
   * e.g. 'ConnectionJSON'), or '*' when it reads them all; undefined: none, the rule reads only its
   * own document. Documentation that a test holds to what the rules really read
   * (test/unit/engine/crossFileReads.test.ts); the language server re-checks a document after a
   * change to another file when its last analysis read that file (RequestScope.reads).
   */
  readonly reads?: readonly string[] | '*';
  run(ctx: RuleContext): void;
}
