/** Shared helpers of the binding tests: documents from text, cursor markers, applying fixes. */
import { AttributeDocument } from '../../../server/src/core/document';
import { StaticConnection } from '../../../server/src/core/connection';
import type { Finding, Fix } from '../../../server/src/core/types';
import { analyze } from '../../support/engine';

export function docOf(attribute: string, text: string): AttributeDocument {
  return AttributeDocument.fromFile(`/conn/${attribute}.json`, text, 1);
}

/** Removes the `|` cursor marker and returns the text and its offset. */
export function withCursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  if (offset < 0) throw new Error('no cursor marker');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}

/** Findings of the binding rules (codes binding-* and httpparams-*) for a document. */
export async function bindingFindings(doc: AttributeDocument, others: AttributeDocument[] = []): Promise<Finding[]> {
  const connection = new StaticConnection('test', [doc, ...others]);
  const all = await analyze(doc, { connection });
  return all.filter(f => f.code.startsWith('binding-') || f.code.startsWith('httpparams-'));
}

export function applyFix(text: string, fix: Fix): string {
  const edits = [...fix.edits].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The document text covered by a finding. */
export function covered(text: string, f: { offset: number; length: number }): string {
  return text.slice(f.offset, f.offset + f.length);
}

/** A provisioning document with one call whose fields are given as raw JSON members. */
export function callDoc(members: string): string {
  return `{\n  "call": [\n    {\n      "name": "call1",\n      "connection": "acctAuth",\n      ${members},\n      "httpContentType": "application/json"\n    }\n  ]\n}`;
}
