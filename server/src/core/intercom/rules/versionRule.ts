/**
 * The Intercom-Version header of every call to an Intercom API host:
 * - `intercom-version-missing` (warning): no header, so the response shape follows the app's
 *   Developer Hub setting; fix: pin the default version (setting saviyntRest.intercom.defaultVersion);
 * - `intercom-version-invalid` (error; warning for a legacy or newer-than-catalog version): a value
 *   Intercom does not accept (`preview`, `v2.15`, `2.150`, a number), or `2.1`, which is what `2.10`
 *   becomes as a number; did-you-mean fixes.
 */
import type { Fix } from '../../types';
import { getProperty, isString } from '../../json/ast';
import { API_VERSIONS, NEWEST_DOCUMENTED_VERSION, STABLE_DOCUMENTED_VERSIONS } from '../catalog';
import { didYouMean } from '../../text/didYouMean';
import { registerRules } from '../../rules/index';
import type { RuleContext } from '../../rules/rule';
import { RECOMMENDED_VERSION, IntercomCall, intercomCalls } from './model';
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
    message: `This Intercom call sends no Intercom-Version header, so Intercom answers in whatever API version is selected for the app in its Developer Hub (1.0 when none is set). The shape of the response, and with it every response path of this call, then changes when someone changes that setting. Pin the version with "Intercom-Version": "${v}"; the checks here assume ${v}.`,
    fixes: edits ? [{ title: `Add "Intercom-Version": "${v}"`, edits, isPreferred: !readsState }] : [],
  });
}

function suggestions(written: string, isNumber: boolean): string[] {
  const out: string[] = [];
  const add = (v: string | undefined) => { if (v && !out.includes(v) && API_VERSIONS.includes(v)) out.push(v); };
  const trimmed = written.trim().replace(/^["']|["']$/g, '');
  add(trimmed);
  add(trimmed.replace(/^v(?=\d)/i, ''));
  if (/^unstable$/i.test(trimmed)) add('Preview');
  if (trimmed === '2.1') add('2.10');
  // "2.150": the longest version the value starts with.
  add([...API_VERSIONS].filter(v => /^\d/.test(v) && trimmed.startsWith(v) && /^\d+$/.test(trimmed.slice(v.length))).sort((a, b) => b.length - a.length)[0]);
  add(didYouMean(trimmed, API_VERSIONS));
  return isNumber ? out : out.filter(v => v !== written);
}

function invalid(ctx: RuleContext, ic: IntercomCall): void {
  const info = ic.version;
  const node = info.header?.valueNode;
  if (!node) return;
  const written = info.written ?? '';
  const isNumber = !isString(node);
  let severity: 'error' | 'warning' = 'error';
  let message: string;
  let fixValues: string[];
  if (info.status === 'newer') {
    severity = 'warning';
    message = `Intercom-Version ${written} is newer than the Intercom API descriptions this extension knows (${RANGE} and Preview); the checks here use ${NEWEST_DOCUMENTED_VERSION}. Pin a documented version if the responses must match these checks.`;
    fixValues = [];
  } else if (info.status === 'legacy' && written === '2.1') {
    message = `Intercom-Version "2.1" is a legacy version that Intercom no longer documents, and it is what "2.10" turns into when a tool treats the version as a number. The tickets API does not exist before 2.9, and none of the checks here can apply. Write "2.10" if that was meant, or "${RECOMMENDED_VERSION}".`;
    fixValues = ['2.10', RECOMMENDED_VERSION];
  } else if (info.status === 'legacy') {
    severity = 'warning';
    message = `Intercom-Version "${written}" is a legacy version (1.0–2.6) that Intercom no longer documents; its responses are not checked here and newer endpoints such as tickets (2.9+) do not exist in it. Use a documented version, e.g. "${RECOMMENDED_VERSION}".`;
    fixValues = [RECOMMENDED_VERSION];
  } else {
    fixValues = suggestions(isNumber ? written : (node as { value: string }).value, isNumber);
    const caseOnly = fixValues.find(v => v.toLowerCase() === written.trim().toLowerCase() && v !== written.trim());
    const why = isNumber
      ? `the header value must be a string: as a number, ${written} may reach Intercom as ${String(Number(written))}`
      : caseOnly ? `the value is case-sensitive: Intercom answers 400 to "${written}"` : `Intercom answers 400 (intercom_version_invalid) to "${written}"`;
    message = `Intercom-Version ${isNumber ? written : `"${written}"`} is not a version Intercom accepts — ${why}. Valid values are ${RANGE} (and legacy 1.0–2.6) and "Preview".${fixValues.length ? ` Did you mean "${fixValues[0]}"?` : ` Use e.g. "${RECOMMENDED_VERSION}".`}`;
    if (!fixValues.includes(RECOMMENDED_VERSION)) fixValues.push(RECOMMENDED_VERSION);
  }
  const first = fixValues[0];
  const certain = info.status === 'invalid' && first !== undefined && (
    isNumber || first === written.trim() || first.toLowerCase() === written.trim().toLowerCase().replace(/^v(?=\d)/, ''));
  const fixes: Fix[] = fixValues.map((v, i) => ({
    title: `Change to "${v}"`,
    edits: [{ offset: node.offset, length: node.length, newText: JSON.stringify(v) }],
    ...(i === 0 && certain ? { isPreferred: true } : {}),
  }));
  ctx.report({ offset: node.offset, length: node.length, severity, code: 'intercom-version-invalid', message, fixes });
}

registerRules({
  id: 'intercom-version',
  run(ctx) {
    for (const ic of intercomCalls(ctx.doc, ctx.settings)) {
      if (ic.call.role === 'auth') continue;
      const status = ic.version.status;
      if (status === 'missing') missing(ctx, ic);
      else if (status === 'invalid' || status === 'legacy' || status === 'newer') invalid(ctx, ic);
    }
  },
});
