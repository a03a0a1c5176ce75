/**
 * The engine the tests use, built through the facade (server/src/core/index.ts) with the default
 * rules and providers, plus the request shapes the tests were written against: a document with
 * its connection and settings (a FeatureContext) in, the engine's answer out.
 */
import {
  createEngine, type AnalysisSettings, type AttributeDocument, type ConnectionView, type Engine, type EngineOptions,
  type FeatureContext, type Finding,
} from '../../server/src/core/index';
import { nodePacingHost } from '../../server/src/node/pacing';

export const engine: Engine = createEngine();

/** An engine paced as the language server's (setImmediate turns): its long analyses give way to other work. */
export const pacedEngine: Engine = createEngine({ pacing: nodePacingHost });

/** A fresh engine with the given options (own rules or providers, a schema probe …). */
export function engineWith(options: EngineOptions, log?: (message: string) => void): Engine {
  return createEngine({ log }, options);
}

export interface AnalyzeRequest {
  connection?: ConnectionView;
  settings?: AnalysisSettings;
  isCancelled?: () => boolean;
  /** Where a failing rule is reported (a fresh engine with this log answers). */
  log?: (message: string) => void;
}

export function analyze(doc: AttributeDocument, request: AnalyzeRequest = {}): Promise<Finding[]> {
  const target = request.log ? createEngine({ log: request.log }) : engine;
  return target.analyze(doc, request);
}

export const complete = (ctx: FeatureContext, isCancelled?: () => boolean) =>
  engine.complete(ctx.doc, ctx.offset, { connection: ctx.connection, settings: ctx.settings, isCancelled });
export const hover = (ctx: FeatureContext) => engine.hover(ctx.doc, ctx.offset, { connection: ctx.connection, settings: ctx.settings });
export const findDefinitions = (ctx: FeatureContext) => engine.definitions(ctx.doc, ctx.offset, { connection: ctx.connection, settings: ctx.settings });
export const codeLenses = (doc: AttributeDocument, connection?: ConnectionView) => engine.codeLenses(doc, connection);
export const documentSymbols = (doc: AttributeDocument, limit?: number) => engine.symbols(doc, limit);
export const formatDocument: Engine['format'] = (doc, options, range, limits) => engine.format(doc, options, range, limits);
