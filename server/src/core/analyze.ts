/**
 * The analysis driver: syntax, schema and every rule, for one document in the context
 * of its connection. Pure: no editor, no protocol, no file system.
 */
import type { ConnectionView } from './connection';
import { singleDocumentConnection } from './connection';
import type { AttributeDocument } from './document';
import type { AnalysisSettings, Finding, Severity } from './types';
import { schemaFindings } from './schema/schemaFindings';
import type { Rule } from './rules/rule';
import type { SchemaProbe } from './rules/support/schemaCoverage';
import { analyzeExportDocument } from './export/exportAnalysis';
import { documentIndex } from './json/documentIndex';
import { bindingTruncation, documentBindingsPaced, MAX_BINDINGS_PER_DOCUMENT } from './binding/documentBindings';
import { EARLY_YIELD_CHARS, Pacer } from './pacing';
import { FindingCollector } from './findingCaps';

export const DEFAULT_MAX_DOCUMENT_SIZE = 8 * 1024 * 1024;

export interface AnalyzeOptions {
  /** The rules to run, in order (an engine passes its own; see createEngine). */
  rules: readonly Rule[];
  /** How rules learn whether the schema already reports a value (default: the schema is asked). */
  schemaProbe?: SchemaProbe;
  connection?: ConnectionView;
  settings?: AnalysisSettings;
  /** Returns true when the caller no longer needs the result. */
  isCancelled?: () => boolean;
  /** Logs a rule's failure (the analysis itself carries on). */
  log?: (message: string) => void;
  /** The engine's pacing (default: a turn is a resolved promise). */
  pacer?: Pacer;
}

export async function analyze(doc: AttributeDocument, given: AnalyzeOptions): Promise<Finding[]> {
  // One pacer for the analysis and the analyses nested in it (an export's attributes).
  const pacer = given.pacer ?? new Pacer();
  const options = given.pacer ? given : { ...given, pacer };
  const settings = options.settings ?? {};
  const limit = settings.maxDocumentSize ?? DEFAULT_MAX_DOCUMENT_SIZE;
  if (doc.text.length > limit) return [tooLarge(doc.text.length, limit)];
  if (doc.kind === 'unknown') return [];
  pacer.beginWork();
  try {
    // A large document lets requests that are already waiting run before its parse (one long step).
    if (doc.text.length >= EARLY_YIELD_CHARS && !doc.isParsed) {
      await pacer.yieldToEventLoop();
      if (options.isCancelled?.()) return [];
    }
    if (doc.kind === 'attribute') return await analyzeAttribute(doc, options, settings);
    // An export's attributes are capped each; the export as a whole is capped too.
    const collector = new FindingCollector();
    for (const f of await analyzeExportDocument(doc, options, analyze)) collector.add(f);
    return withSummary(collector.findings, collector);
  } finally {
    pacer.endWork();
  }
}

async function analyzeAttribute(doc: AttributeDocument, options: AnalyzeOptions, settings: AnalysisSettings): Promise<Finding[]> {
  const isCancelled = options.isCancelled;
  const pacer = options.pacer ?? new Pacer();
  const pausePoint = (cancelled: typeof isCancelled) => pacer.pausePoint(cancelled);
  const collector = new FindingCollector();
  doc.json;
  if (await pausePoint(isCancelled)) return [];
  await schemaFindings(doc, true, collector);
  if (await pausePoint(isCancelled)) return collector.findings;
  // Shared data that many rules read, each built as a step of its own. A failure here is left to
  // the rules that read the data, which report it as before.
  try { documentIndex(doc); } catch { /* reported by the rules */ }
  if (await pausePoint(isCancelled)) return collector.findings;
  try {
    if (!(await documentBindingsPaced(doc, () => pausePoint(isCancelled)))) return collector.findings;
    const truncation = bindingTruncation(doc);
    if (truncation) {
      collector.notChecked('`${…}` bindings', truncation.unscanned, truncation.offset,
        `the checks stop after the first ${MAX_BINDINGS_PER_DOCUMENT.toLocaleString('en-US')} of a document`);
    }
  } catch { /* reported by the rules */ }
  const connection = options.connection ?? singleDocumentConnection(doc);
  const grammar = doc.attribute?.grammar;
  const ctx = {
    doc, connection, settings, schemaProbe: options.schemaProbe,
    report: (f: Finding) => collector.add(f),
    get full() { return collector.full; },
    notChecked: (what: string, count: number, offset: number, note?: string) => collector.notChecked(what, count, offset, note),
    accepts: (code: string) => collector.accepts(code),
    omit: (code: string, severity: Severity, offset: number) => collector.omit(code, severity, offset),
  };
  for (const rule of options.rules) {
    if (rule.grammars && (!grammar || !rule.grammars.includes(grammar))) continue;
    if (pacer.sliceUsed()) await pacer.yieldToEventLoop();
    if (isCancelled?.()) break;
    try {
      rule.run(ctx);
    } catch (error) {
      options.log?.(`Rule ${rule.id} failed on ${doc.uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  return withSummary(dedupe(collector.findings), collector);
}

/** The findings with the collector's final findings-capped note, if anything was left out (in offset order). */
function withSummary(findings: Finding[], collector: FindingCollector): Finding[] {
  const summary = collector.summary();
  if (!summary) return findings;
  const at = findings.findIndex(f => f.offset > summary.offset);
  findings.splice(at === -1 ? findings.length : at, 0, summary);
  return findings;
}

/** The note on a document above the size limit: what is skipped, and the setting that changes it. */
function tooLarge(length: number, limit: number): Finding {
  return { offset: 0, length: 0, severity: 'information', code: 'document-too-large',
    message: `Document too large to check: it has ${length.toLocaleString('en-US')} characters, more than the ${limit.toLocaleString('en-US')} the checks handle (setting saviyntRest.validation.maxDocumentSize), so it is not checked: syntax, schema and rule checks are skipped, and completion, hover and the outline are off for it. Raise the setting to check it.` };
}

/** Generic schema codes that a specific rule's finding on the same value replaces. */
const GENERIC_CODES = new Set(['schema']);

function dedupe(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings; // nothing to merge or order (the common case)
  const seen = new Set<string>();
  const out: Finding[] = [];
  const specific = findings.filter(f => !GENERIC_CODES.has(f.code));
  const covered = (g: Finding) => specific.some(f => f.offset >= g.offset && f.offset + f.length <= g.offset + g.length && f.length > 0);
  for (const f of findings) {
    if (GENERIC_CODES.has(f.code) && covered(f)) continue;
    const key = `${f.offset}:${f.length}:${f.code}:${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out.sort((a, b) => a.offset - b.offset || a.length - b.length);
}
