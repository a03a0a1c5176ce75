/**
 * Extension points of the editor features. Feature modules (binding language,
 * Intercom awareness, cross-file names …) export contributors; an engine is given them as arrays
 * (providers.ts has the defaults) and the completion, hover and definition drivers ask them, in
 * order, before the schema-driven defaults.
 */
import type { CompletionItem, Hover } from 'vscode-languageserver-types';
import type { Range } from '../text/positions';
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { AnalysisSettings } from '../types';

export interface FeatureContext {
  readonly doc: AttributeDocument;
  readonly connection: ConnectionView;
  readonly offset: number;
  readonly settings: AnalysisSettings;
}

export interface CompletionContribution {
  items: CompletionItem[];
  /** When true, schema-driven proposals are left out (e.g. inside `${…}`). */
  exclusive?: boolean;
}

export interface CompletionContributor {
  readonly id: string;
  provide(ctx: FeatureContext): CompletionContribution | undefined;
}

export interface HoverContributor {
  readonly id: string;
  provide(ctx: FeatureContext): Hover | undefined;
}

/** A target in some document of the connection: uri + offsets. */
export interface DefinitionTarget {
  uri: string;
  offset: number;
  length: number;
  /** The range in the source document the link starts from. */
  originOffset: number;
  originLength: number;
}

export interface DefinitionContributor {
  readonly id: string;
  provide(ctx: FeatureContext): DefinitionTarget[] | undefined;
}

/** What a lens does when clicked. */
export type CallLensKind = 'run-call' | 'preview-request';

/** The call a lens names, as the client's call commands take it. */
export interface CallLensTarget {
  uri: string;
  /** JSON path of the call in the file. */
  path: (string | number)[];
  name: string;
}

export interface CallLens {
  kind: CallLensKind;
  range: Range;
  title: string;
  target: CallLensTarget;
}

export interface CodeLensContributor {
  readonly id: string;
  provide(doc: AttributeDocument, connection: ConnectionView): CallLens[];
}

/** The providers an engine asks, in order (createEngine's options; defaults in providers.ts). */
export interface FeatureProviders {
  readonly completion: readonly CompletionContributor[];
  readonly hover: readonly HoverContributor[];
  readonly definition: readonly DefinitionContributor[];
  readonly codeLens: readonly CodeLensContributor[];
}
