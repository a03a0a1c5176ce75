/**
 * The facade of the analysis core: what the LSP layer, the CLI, the bench and the tests use.
 * Build an engine with createEngine(runtime, options); everything else here is the vocabulary of
 * its requests and answers (documents, connections, findings, rules and providers).
 */
export { createEngine } from './engine';
export type { Engine, EngineOptions, EngineRuntime, ConnectionFiles, RequestScope } from './engine';
export { DEFAULT_MAX_DOCUMENT_SIZE } from './analyze';
export { AttributeDocument } from './document';
export { attributeForFileName } from './attributes';
export { readsAnyOf, RecordingConnection, StaticConnection, singleDocumentConnection } from './connection';
export type { ConnectionView } from './connection';
export type { AnalysisSettings, Finding, Fix, Severity, TextEdit } from './types';
export type { Rule, RuleContext } from './rules/rule';
export { defaultRules } from './rules/index';
export type { SchemaProbe } from './rules/support/schemaCoverage';
export type {
  CodeLensContributor, CompletionContribution, CompletionContributor, DefinitionContributor, DefinitionTarget,
  FeatureContext, HoverContributor, CallLens, CallLensKind, CallLensTarget,
} from './features/contributors';
export {
  defaultCodeLensProviders, defaultCompletionProviders, defaultDefinitionProviders, defaultHoverProviders,
} from './features/providers';
export type { FormatResult, FormattingLimits } from './features/format';
export { layoutEdit } from './text/fixLayout';
export { engineValidator } from './transport/engineValidator';
export type { PackageValidator } from './transport/packageValidator';
// The live workspace checks (findings from a snapshot of the Intercom workspace).
export { liveFindings, liveReadVersion } from './intercom/live/liveFindings';
export { isWorkspaceSnapshot } from './intercom/live/snapshot';
export type { WorkspaceSnapshot } from './intercom/live/snapshot';
