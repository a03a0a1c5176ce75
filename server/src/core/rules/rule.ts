/** The contract between the analysis driver and the rules. */
import type { AttributeGrammar } from '../attributes';
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { AnalysisSettings, Finding } from '../types';

export interface RuleContext {
  readonly doc: AttributeDocument;
  readonly connection: ConnectionView;
  readonly settings: AnalysisSettings;
  report(finding: Finding): void;
}

export interface Rule {
  /** Name of the rule module (for logs and tests). */
  readonly id: string;
  /** Grammars the rule applies to; undefined = every attribute document with JSON content. */
  readonly grammars?: readonly AttributeGrammar[];
  run(ctx: RuleContext): void;
}
