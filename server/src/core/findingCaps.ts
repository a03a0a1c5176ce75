/**
 * Caps on what one document reports, so that a hostile or broken document (50,000 unclosed `${`,
 * 20,000 unknown keys) costs bounded time and memory and still gets a readable answer: at most
 * `perCode` findings of one code and `perDocument` in all. Whatever is left out is counted, and a
 * final `findings-capped` finding says how many, of which codes, and what was not checked at all;
 * its severity is the highest of the findings it stands for, so an error is never hidden.
 */
import type { Finding, Severity } from './types';

export interface FindingCaps {
  perCode: number;
  perDocument: number;
}

export const FINDING_CAPS: FindingCaps = { perCode: 100, perDocument: 1000 };

export const CAPPED_CODE = 'findings-capped';

const RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

export class FindingCollector {
  readonly findings: Finding[] = [];
  private readonly kept = new Map<string, number>();
  private readonly omitted = new Map<string, number>();
  private readonly unchecked = new Map<string, { count: number; note: string }>();
  private omittedSeverity: Severity | undefined;
  private firstOmittedOffset: number | undefined;

  constructor(private readonly caps: FindingCaps = FINDING_CAPS) {}

  /** True while a finding of this code would still be kept. */
  accepts(code: string): boolean {
    return this.findings.length < this.caps.perDocument && (this.kept.get(code) ?? 0) < this.caps.perCode;
  }

  /** True once the document's cap is reached: nothing more will be kept. */
  get full(): boolean {
    return this.findings.length >= this.caps.perDocument;
  }

  /** Keeps the finding, or counts it as left out. Summaries of embedded documents always pass. */
  add(finding: Finding): void {
    if (finding.code === CAPPED_CODE || this.accepts(finding.code)) {
      this.findings.push(finding);
      if (finding.code !== CAPPED_CODE) this.kept.set(finding.code, (this.kept.get(finding.code) ?? 0) + 1);
      return;
    }
    this.omit(finding.code, finding.severity, finding.offset);
  }

  /** Counts a finding that was not even built (a check that knows its code in advance). */
  omit(code: string, severity: Severity, offset: number, count = 1): void {
    this.omitted.set(code, (this.omitted.get(code) ?? 0) + count);
    if (!this.omittedSeverity || RANK[severity] > RANK[this.omittedSeverity]) this.omittedSeverity = severity;
    if (this.firstOmittedOffset === undefined || offset < this.firstOmittedOffset) this.firstOmittedOffset = offset;
  }

  /**
   * Records things a check skipped to stay within bounds, e.g. ("`${…}` bindings", 450000,
   * "the checks stop after the first 50,000").
   */
  notChecked(what: string, count: number, offset: number, note = ''): void {
    if (count <= 0) return;
    const entry = this.unchecked.get(what);
    this.unchecked.set(what, { count: (entry?.count ?? 0) + count, note: entry?.note || note });
    if (!this.omittedSeverity) this.omittedSeverity = 'information';
    if (this.firstOmittedOffset === undefined || offset < this.firstOmittedOffset) this.firstOmittedOffset = offset;
  }

  /** The final finding, when anything was left out or not checked. */
  summary(): Finding | undefined {
    if (!this.omitted.size && !this.unchecked.size) return undefined;
    const n = (x: number) => x.toLocaleString('en-US');
    const total = [...this.omitted.values()].reduce((a, b) => a + b, 0);
    const parts: string[] = [];
    if (total) {
      const byCode = [...this.omitted].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([code, k]) => `${code} ${n(k)}`).join(', ');
      parts.push(`${n(total)} more finding${total === 1 ? ' is' : 's are'} not shown (${byCode}): this document reports at most `
        + `${n(this.caps.perCode)} findings of one code and ${n(this.caps.perDocument)} in all`);
    }
    for (const [what, { count, note }] of this.unchecked) parts.push(`${n(count)} more ${what} were not checked${note ? ` (${note})` : ''}`);
    return {
      offset: this.firstOmittedOffset ?? 0, length: 0, severity: this.omittedSeverity ?? 'information', code: CAPPED_CODE,
      message: `${total ? 'Too many findings' : 'Checks stopped early'}: ${parts.join('; ')}. Fix the findings shown and check again to see the rest.`,
    };
  }
}
