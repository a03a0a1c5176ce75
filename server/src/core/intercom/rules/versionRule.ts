/**
 * The Intercom-Version header of every call to an Intercom API host:
 * - `intercom-version-missing` (warning): no header, so the response shape follows the app's
 *   Developer Hub setting; fix: pin the default version (setting saviyntRest.intercom.defaultVersion);
 * - `intercom-version-invalid`: error for a value Intercom answers 400 to (`preview`, `v2.15`, `2.150`)
 *   or a number that changes its value (2.10 → 2.1); warning for a legacy version (1.0–2.6, `2.1`
 *   included), a version newer than the catalog or a number that keeps its value; hint for
 *   `Unstable`, the old name of `Preview` that Intercom still accepts. Did-you-mean fixes.
 */
import type { Fix } from '../../types';
import { getProperty, isString } from '../../json/ast';
import {
  API_VERSIONS, NEWEST_DOCUMENTED_VERSION, OLDEST_DOCUMENTED_VERSION, STABLE_DOCUMENTED_VERSIONS, compareVersions, isKnownVersion,
} from '../catalog';
import { didYouMean } from '../../text/didYouMean';
import type { Rule } from '../../rules/rule';
import type { RuleContext } from '../../rules/rule';
import { RECOMMENDED_VERSION, VERSION_ALIASES, IntercomCall, intercomCalls } from './model';
import { setHeaderEdits } from './support';

const RANGE = `${STABLE_DOCUMENTED_VERSIONS[0]}–${NEWEST_DOCUMENTED_VERSION}`;

function missing(ctx: RuleContext, ic: IntercomCall): void {
  const v = ic.version.defaultVersion;
  const edits = setHeaderEdits(ctx.doc, ic, 'Intercom-Version', v);
  const headers = getProperty(ic.http, 'httpHeaders');
  const at = headers ? headers.keyNode : ic.urlNode;
  const readsState = getProperty(ic.call.node, 'ticketStatusPath') !== undefined;
  ctx.report({
    offset: at.offset, length: at.length, severity: 'warning', code: 'intercom-version-missing',
    message: `Missing Intercom-Version header: this Intercom call sends none, so Intercom answers in whatever API version is selected for the app in its Developer Hub (1.0 when none is set). The shape of the response, and with it every response path of this call, then changes when someone changes that setting. Pin the version with "Intercom-Version": "${v}"; the checks here assume ${v}.`,
    fixes: edits ? [{ title: `Add "Intercom-Version": "${v}"`, edits, isPreferred: !readsState }] : [],
  });
}

function suggestions(written: string, isNumber: boolean): string[] {
  const out: string[] = [];
  const add = (v: string | undefined) => { if (v && !out.includes(v) && API_VERSIONS.includes(v)) out.push(v); };
  const trimmed = written.trim().replace(/^["']|["']$/g, '');
  add(trimmed);
  add(trimmed.replace(/^v(?=\d)/i, ''));
  const alias = Object.keys(VERSION_ALIASES).find(a => a.toLowerCase() === trimmed.toLowerCase());
  if (alias) add(VERSION_ALIASES[alias]);
  if (trimmed === '2.1') add('2.10');
  // "2.150": the longest version the value starts with.
  add([...API_VERSIONS].filter(v => /^\d/.test(v) && trimmed.startsWith(v) && /^\d+$/.test(trimmed.slice(v.length))).sort((a, b) => b.length - a.length)[0]);
  add(didYouMean(trimmed, API_VERSIONS));
  return isNumber ? out : out.filter(v => v !== written);
}

interface Verdict { severity: 'error' | 'warning' | 'hint'; message: string; fixValues: string[]; preferred: boolean }

/** "2.1" or "1.4": accepted, undocumented, older than the oldest description. */
function legacyVerdict(written: string): Verdict {
  const age = `a legacy version: Intercom still accepts 1.0–2.6 but no longer documents them, and all are older than ${OLDEST_DOCUMENTED_VERSION} (December 2022), the oldest version it describes`;
  if (written === '2.1') {
    return { severity: 'warning', preferred: false, fixValues: ['2.10', RECOMMENDED_VERSION],
      message: `Legacy Intercom-Version "2.1": it is ${age}, so its responses are not checked here. "2.1" is also what "2.10" becomes when a tool reads the version as a number. Write "2.10" if that was meant, or pin a current version such as "${RECOMMENDED_VERSION}".` };
  }
  return { severity: 'warning', preferred: false, fixValues: [RECOMMENDED_VERSION],
    message: `Legacy Intercom-Version "${written}": it is ${age}, so its responses are not checked here. Pin a documented version, e.g. "${RECOMMENDED_VERSION}".` };
}

/** A number instead of a string: 2.10 becomes 2.1 (another version); 2.15 keeps its value but is not text. */
function numberVerdict(written: string): Verdict {
  const value = String(Number(written));
  const fix = isKnownVersion(written) ? written : suggestions(written, true)[0] ?? RECOMMENDED_VERSION;
  if (value !== written) {
    const other = isKnownVersion(value) ? `, a different${compareVersions(value, OLDEST_DOCUMENTED_VERSION) < 0 ? ' (legacy)' : ''} version` : ', which is no version at all';
    return { severity: 'error', preferred: true, fixValues: [fix],
      message: `Intercom-Version written as a number: ${written} has no quotes, but header values are text; as a number it is ${value}${other}, and that is what Intercom may receive. Write it as the string "${fix}".` };
  }
  return { severity: 'warning', preferred: true, fixValues: [fix],
    message: `Intercom-Version written as a number: ${written} has no quotes; header values are text, and how EIC turns a number into header text is not documented (2.10, for instance, becomes 2.1). Write it as the string "${fix}".` };
}

function unknownVerdict(written: string): Verdict {
  const fixValues = suggestions(written, false);
  const trimmed = written.trim();
  const caseOnly = fixValues.find(v => v.toLowerCase() === trimmed.toLowerCase() && v !== trimmed);
  const alias = Object.keys(VERSION_ALIASES).find(a => a.toLowerCase() === trimmed.toLowerCase());
  const why = alias ? `the value is case-sensitive: Intercom answers 400 to "${written}" (its old name is "${alias}", the current one "${VERSION_ALIASES[alias]}")`
    : caseOnly ? `the value is case-sensitive: Intercom answers 400 to "${written}"` : `Intercom answers 400 (intercom_version_invalid) to "${written}"`;
  const message = `Invalid Intercom-Version "${written}": it is not a version Intercom accepts — ${why}. Valid values are ${RANGE} (and legacy 1.0–2.6) and "Preview".${fixValues.length ? ` Did you mean "${fixValues[0]}"?` : ` Use e.g. "${RECOMMENDED_VERSION}".`}`;
  const first = fixValues[0];
  const preferred = first !== undefined && (first === trimmed || first.toLowerCase() === trimmed.toLowerCase().replace(/^v(?=\d)/, ''));
  if (!fixValues.includes(RECOMMENDED_VERSION)) fixValues.push(RECOMMENDED_VERSION);
  return { severity: 'error', message, fixValues, preferred };
}

function invalid(ctx: RuleContext, ic: IntercomCall): void {
  const info = ic.version;
  const node = info.header?.valueNode;
  if (!node) return;
  const written = info.written ?? '';
  let verdict: Verdict;
  if (info.status === 'newer') {
    verdict = { severity: 'warning', preferred: false, fixValues: [],
      message: `Unreleased Intercom-Version ${written}: it is newer than the Intercom API descriptions this extension knows (${RANGE} and Preview); the checks here use ${NEWEST_DOCUMENTED_VERSION}. Pin a documented version if the responses must match these checks.` };
  } else if (info.status === 'alias') {
    verdict = { severity: 'hint', preferred: true, fixValues: [info.version!],
      message: `Old name of an Intercom-Version: "${written}" is the old name of "${info.version}"; Intercom still accepts it (existing version names keep working), and the checks here treat it as ${info.version}. Write "${info.version}" to match Intercom's current documentation.` };
  } else if (info.status === 'legacy') {
    verdict = legacyVerdict(written);
  } else if (!isString(node)) {
    verdict = numberVerdict(written);
  } else {
    verdict = unknownVerdict(node.value);
  }
  const fixes: Fix[] = verdict.fixValues.map((v, i) => ({
    title: `Change to "${v}"`,
    edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(v) }],
    ...(i === 0 && verdict.preferred ? { isPreferred: true } : {}),
  }));
  ctx.report({ offset: node.offset, length: node.length, severity: verdict.severity, code: 'intercom-version-invalid', message: verdict.message, fixes });
}

export const intercomVersionRule: Rule = {
  id: 'intercom-version',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      if (ic.call.role === 'auth') continue;
      const status = ic.version.status;
      if (status === 'missing') missing(ctx, ic);
      else if (status === 'invalid' || status === 'legacy' || status === 'newer' || status === 'alias') invalid(ctx, ic);
    }
  },
};
