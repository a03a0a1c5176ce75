/** Finding install-time placeholders in a text, and whether App Onboarding maps them. */
import { isObject } from '../../json/ast';
import type { ConnectionView } from '../../connection';
import { AOB_ATTRIBUTE, PlaceholderPattern } from '../catalog/placeholderCatalog';

export interface PlaceholderHit { index: number; text: string; pattern: PlaceholderPattern }

const compiled = new Map<PlaceholderPattern, RegExp>();
function regexOf(p: PlaceholderPattern): RegExp {
  let r = compiled.get(p);
  if (!r) { r = new RegExp(p.source, p.flags); compiled.set(p, r); }
  return r;
}

/** Non-overlapping placeholder hits in `masked` (bindings already masked), first pattern wins. */
export function findPlaceholders(masked: string, patterns: readonly PlaceholderPattern[]): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  for (const pattern of patterns) {
    const r = regexOf(pattern);
    r.lastIndex = 0;
    if (!r.test(masked)) continue; // most texts hold no placeholder: one search, no match objects
    r.lastIndex = 0;
    for (const m of masked.matchAll(r)) {
      const index = m.index!;
      if (hits.some(h => index < h.index + h.text.length && h.index < index + m[0].length)) continue;
      hits.push({ index, text: m[0], pattern });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** `@NAME@` → value from the connection's AOB_CONNECTION_TEMPLATE_VARIABLES (empty map when absent). */
export function aobVariables(connection: ConnectionView): Map<string, string> {
  const doc = connection.get(AOB_ATTRIBUTE);
  if (!doc) return new Map();
  return doc.memo('rules:aobVariables', () => {
    const map = new Map<string, string>();
    const root = doc.root;
    if (isObject(root)) {
      for (const p of root.properties) map.set(p.keyNode.value, p.valueNode?.type === 'string' ? p.valueNode.value : '');
    }
    return map;
  });
}

/** Severity and explanation for a placeholder, depending on App Onboarding's mapping. */
export function placeholderVerdict(hit: PlaceholderHit, aob: Map<string, string>): { severity: 'warning' | 'information'; note: string } {
  if (hit.pattern.aob && aob.has(hit.text)) {
    const value = aob.get(hit.text) ?? '';
    return { severity: 'information',
      note: `App Onboarding replaces ${hit.text} with the value set in ${AOB_ATTRIBUTE}${value && !/^x+$/i.test(value) ? ` ("${value}")` : ''} when the template is installed; if you upload this connection any other way, write the real value here.` };
  }
  return { severity: 'warning', note: 'EIC sends this text as it is; replace it with the real value before uploading the connection.' };
}
