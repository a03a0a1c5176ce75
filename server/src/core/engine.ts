/**
 * The engine: one object that offers every analysis and editor feature of the core, built from
 * what the host supplies (the runtime) and what it runs (rules and providers, as plain arrays).
 * The shape of vscode-json-languageservice's `getLanguageService(params)`: the LSP layer, the CLI,
 * the bench and the tests each build one and use nothing else of the analysis.
 */
import type { CompletionList, DocumentSymbol, Hover, Range } from 'vscode-languageserver-types';
import { analyze, type AnalyzeOptions } from './analyze';
import { RecordingConnection, singleDocumentConnection, StaticConnection, type ConnectionView } from './connection';
import type { AttributeDocument } from './document';
import type { AnalysisSettings, Finding } from './types';
import type { Rule } from './rules/rule';
import type { SchemaProbe } from './rules/support/schemaCoverage';
import { defaultRules } from './rules/index';
import type {
  CallLens, CodeLensContributor, CompletionContributor, DefinitionContributor, DefinitionTarget, FeatureContext, HoverContributor,
} from './features/contributors';
import {
  defaultCodeLensProviders, defaultCompletionProviders, defaultDefinitionProviders, defaultHoverProviders,
} from './features/providers';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { findDefinitions } from './features/definition';
import { documentSymbols } from './features/symbols';
import { formatDocument, type FormatResult, type FormattingLimits } from './features/format';
import { codeLenses } from './features/codeLens';
import { describeCalls } from './calls/callModel';
import { Pacer, type PacingHost } from './pacing';
import type { CallDescription } from '../../../common/src/protocol';

/** The attribute files of one connection as the host read them (a folder, an export, a test's list). */
export interface ConnectionFiles {
  /** The connection's name (connection.meta.json's, else the folder's). */
  readonly name: string;
  readonly folder?: string;
  readonly documents: readonly AttributeDocument[];
}

/**
 * What the host has and the core must not reach by itself. Every member is optional: an engine
 * without a runtime analyses single documents (or the connections it is given) with the core's
 * defaults.
 */
export interface EngineRuntime {
  /** The attribute files of the connection a document belongs to (its siblings), read asynchronously; undefined when it has none. */
  readConnectionFiles?(uri: string): Promise<ConnectionFiles | undefined>;
  /**
   * How a long analysis gives the host's event loop a turn and measures its slices (Node:
   * setImmediate and performance.now, node/pacing.ts); each engine paces its own analyses
   * (core/pacing.ts). Without it, a turn is a resolved promise (enough where nothing else waits:
   * the CLI, most tests).
   */
  pacing?: PacingHost;
  /** Where a rule's or provider's failure is reported (the work carries on). */
  log?(message: string): void;
}

export interface EngineOptions {
  /** The rules, in the order they run (default: defaultRules). */
  readonly rules?: readonly Rule[];
  readonly completionProviders?: readonly CompletionContributor[];
  readonly hoverProviders?: readonly HoverContributor[];
  readonly definitionProviders?: readonly DefinitionContributor[];
  readonly codeLensProviders?: readonly CodeLensContributor[];
  /** How rules learn whether the schema already reports a value (default: the attribute's schema is asked). */
  readonly schemaProbe?: SchemaProbe;
}

/** What one request is about: a document, the connection it is seen in, the settings. */
export interface RequestScope {
  /** Default: the document alone. */
  connection?: ConnectionView;
  settings?: AnalysisSettings;
  isCancelled?: () => boolean;
  /**
   * When given, analyze adds the lower-case names of the sibling attributes it read (or '*' when it
   * listed them all): a change to any other file cannot change its findings.
   */
  reads?: Set<string>;
}

export interface Engine {
  /** The rules this engine runs (in order). */
  readonly rules: readonly Rule[];
  /** Every finding of a document: syntax, schema and every rule, deduplicated and ordered. */
  analyze(doc: AttributeDocument, scope?: RequestScope): Promise<Finding[]>;
  /** The rules' findings alone, in the order the rules report them (no syntax or schema check, no deduplication). */
  ruleFindings(doc: AttributeDocument, scope?: RequestScope): Finding[];
  complete(doc: AttributeDocument, offset: number, scope?: RequestScope): Promise<CompletionList>;
  hover(doc: AttributeDocument, offset: number, scope?: RequestScope): Promise<Hover | null>;
  definitions(doc: AttributeDocument, offset: number, scope?: RequestScope): DefinitionTarget[];
  symbols(doc: AttributeDocument, limit?: number): DocumentSymbol[];
  format(doc: AttributeDocument, options: { tabSize?: unknown; insertSpaces?: unknown }, range?: Range, limits?: Partial<FormattingLimits>): FormatResult;
  codeLenses(doc: AttributeDocument, connection?: ConnectionView): CallLens[];
  describeCalls(doc: AttributeDocument, path?: (string | number)[]): CallDescription[];
  /**
   * The connection of a document: the runtime's sibling files, with `open` documents (as edited)
   * in place of their files on disk. Without readConnectionFiles, the open documents alone.
   */
  loadConnection(doc: AttributeDocument, open?: readonly AttributeDocument[]): Promise<ConnectionView>;
}

export function createEngine(runtime: EngineRuntime = {}, options: EngineOptions = {}): Engine {
  const pacer = new Pacer(runtime.pacing);
  const rules = options.rules ?? defaultRules;
  const completionProviders = options.completionProviders ?? defaultCompletionProviders;
  const hoverProviders = options.hoverProviders ?? defaultHoverProviders;
  const definitionProviders = options.definitionProviders ?? defaultDefinitionProviders;
  const codeLensProviders = options.codeLensProviders ?? defaultCodeLensProviders;
  const featureContext = (doc: AttributeDocument, offset: number, scope: RequestScope = {}): FeatureContext => ({
    doc, offset, connection: scope.connection ?? singleDocumentConnection(doc), settings: scope.settings ?? {},
  });

  return {
    rules,
    analyze(doc, scope = {}) {
      const analyzeOptions: AnalyzeOptions = {
        rules, schemaProbe: options.schemaProbe, settings: scope.settings,
        connection: scope.reads ? new RecordingConnection(scope.connection ?? singleDocumentConnection(doc), doc, scope.reads) : scope.connection,
        isCancelled: scope.isCancelled, log: runtime.log, pacer,
      };
      return analyze(doc, analyzeOptions);
    },
    ruleFindings(doc, scope = {}) {
      const connection = scope.connection ?? singleDocumentConnection(doc);
      const settings = scope.settings ?? {};
      const out: Finding[] = [];
      const grammar = doc.attribute?.grammar;
      for (const rule of rules) {
        if (rule.grammars && (!grammar || !rule.grammars.includes(grammar))) continue;
        rule.run({ doc, connection, settings, schemaProbe: options.schemaProbe, report: f => out.push(f) });
      }
      return out;
    },
    complete: (doc, offset, scope) => complete(featureContext(doc, offset, scope), completionProviders, scope?.isCancelled),
    hover: (doc, offset, scope) => hover(featureContext(doc, offset, scope), hoverProviders),
    definitions: (doc, offset, scope) => findDefinitions(featureContext(doc, offset, scope), definitionProviders),
    symbols: (doc, limit) => documentSymbols(doc, limit),
    format: (doc, formatOptions, range, limits) => formatDocument(doc, formatOptions, range, limits),
    codeLenses: (doc, connection) => codeLenses(doc, connection ?? singleDocumentConnection(doc), codeLensProviders),
    describeCalls: (doc, path) => describeCalls(doc, path),
    async loadConnection(doc, open = []) {
      const files = doc.kind === 'attribute' ? await runtime.readConnectionFiles?.(doc.uri) : undefined;
      const byName = new Map<string, AttributeDocument>();
      const add = (d: AttributeDocument) => {
        const name = d.kind === 'attribute' ? d.attribute?.name.toLowerCase() : undefined;
        if (name && !byName.has(name)) byName.set(name, d);
      };
      add(doc);
      for (const d of open) add(d);
      for (const d of files?.documents ?? []) add(d);
      return new StaticConnection(files?.name ?? '', [...byName.values()], files?.folder);
    },
  };
}
