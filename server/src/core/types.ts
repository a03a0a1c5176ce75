import type { Range } from './text/positions';

/** Shared value types of the pure analysis core (no editor or protocol dependency). */

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A replacement of `length` characters at `offset` in the document text. */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

/** A mechanical fix offered as a quick fix in the editor. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply with "Fix all" / auto-fix: only when it is certainly right. */
  isPreferred?: boolean;
}

/** One problem found in a document. Offsets are into the document text. */
export interface Finding {
  offset: number;
  length: number;
  severity: Severity;
  /** Stable identifier of the rule, documented in the README (e.g. `unknown-key`). */
  code: string;
  message: string;
  fixes?: Fix[];
  /** Renders the range faded (unnecessary) or struck through (deprecated). */
  tags?: ('unnecessary' | 'deprecated')[];
  /** Other places that explain the finding (e.g. the definition a name should match). */
  related?: { uri: string; range: Range; message: string }[];
}

export interface AnalysisSettings {
  /** Hosts (besides Intercom's API hosts) that URLs may target without a warning. */
  allowedHosts?: string[];
  /** Intercom-Version assumed when a call sends none (for Intercom-aware checks). */
  defaultIntercomVersion?: string;
  /** Documents larger than this (in characters) get syntax checks only. */
  maxDocumentSize?: number;
}
