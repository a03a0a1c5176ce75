/**
 * What the live checks share: the snapshot and the report function, positions inside a call's
 * httpParams body, literal values (a `${…}` value is unknown and never judged), search filters of
 * a body, and the wording that names what the workspace has. Pure.
 */
import type { AttributeDocument } from '../../document';
import type { Finding, Fix, Severity } from '../../types';
import { spanIn, editIn } from '../../rules/support/stringNodes';
import { closestName } from '../rules/fieldPaths';
import { editDistance } from '../../text/didYouMean';
import type { IntercomCall } from '../rules/model';
import { JsonNode, ParsedBody, bodyProperty, isBindingValue, rawString, rawText, stringContent } from '../rules/support';
import { type SnapshotNamed, type WorkspaceSnapshot, workspaceLabel } from './snapshot';

export interface LiveContext {
  readonly doc: AttributeDocument;
  readonly snapshot: WorkspaceSnapshot;
  report(finding: Finding): void;
}


export function reportIn(live: LiveContext, body: ParsedBody, n: JsonNode, code: string, severity: Severity, message: string, fixes: Fix[] = []): void {
  const at = stringContent(n);
  live.report({ ...spanIn(live.doc, body.node, at.offset, at.length), severity, code, message, fixes });
}

/** An edit replacing a body node's content (a string keeps its quotes). */
export function replaceIn(live: LiveContext, body: ParsedBody, n: JsonNode, text: string): Fix['edits'][number] {
  const at = stringContent(n);
  return editIn(live.doc, body.node, at.offset, at.length, text);
}

/** The literal text of a string or number node, or undefined when it is (or holds) a binding. */
export function literalId(body: ParsedBody, n: JsonNode | undefined): string | undefined {
  if (!n || isBindingValue(body, n) || rawText(body, n).includes('${')) return undefined;
  if (n.type === 'string') { const v = rawString(body, n).trim(); return v === '' ? undefined : v; }
  if (n.type === 'number') return rawText(body, n);
  return undefined;
}

export interface SearchFilter { readonly field: string; readonly fieldNode: JsonNode; readonly value?: JsonNode }

/** Every filter `{field, operator, value}` of a search body's query (nested groups included). */
export function searchFilters(body: ParsedBody): SearchFilter[] {
  const out: SearchFilter[] = [];
  const walk = (n: JsonNode | undefined, depth: number) => {
    if (!n || n.type !== 'object' || depth > 10) return;
    const field = bodyProperty(n, 'field')?.value;
    if (field?.type === 'string' && !rawString(body, field).includes('${')) {
      out.push({ field: rawString(body, field), fieldNode: field, value: bodyProperty(n, 'value')?.value });
      return;
    }
    for (const item of bodyProperty(n, 'value')?.value.children ?? []) walk(item, depth + 1);
  };
  walk(bodyProperty(body.root, 'query')?.value, 0);
  return out;
}

/** The values of a filter: one literal, or each literal of a list. */
export function filterValues(body: ParsedBody, value: JsonNode | undefined): JsonNode[] {
  if (!value) return [];
  return value.type === 'array' ? (value.children ?? []) : [value];
}

/** `12 "Access request"` */
export const idAndName = (x: SnapshotNamed) => `${x.id}${x.name ? ` "${x.name}"` : ''}`;

/** "12 "Sales", 13 "Support" and 2 more" */
export function listSome(items: readonly SnapshotNamed[], max = 6): string {
  if (!items.length) return 'none';
  const shown = items.slice(0, max).map(idAndName).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** The workspace item a wrong id or name was probably meant to be: same name (any case), else the closest name or id. */
export function guessItem(items: readonly SnapshotNamed[], written: string): SnapshotNamed | undefined {
  const lower = written.trim().toLowerCase();
  const byName = items.find(x => x.name.toLowerCase() === lower);
  if (byName) return byName;
  const name = closestName(written, items.map(x => x.name).filter(Boolean));
  if (name) return items.find(x => x.name === name);
  // An id one keystroke away from exactly one real id (a typo); short ids are too close to each other to guess.
  if (!/^\d{3,}$/.test(written)) return undefined;
  const near = items.filter(x => editDistance(x.id, written) === 1);
  return near.length === 1 ? near[0] : undefined;
}

/** "in the Intercom workspace "Acme US" (read with Intercom-Version 2.15)" */
export function inWorkspace(live: LiveContext): string {
  return `in the Intercom workspace ${workspaceLabel(live.snapshot)}`;
}

/** The call's place for messages: "POST /tickets". */
export function callName(ic: IntercomCall): string {
  return ic.endpoint ? `${ic.endpoint.method} ${ic.endpoint.path}` : `${ic.method ?? ''} ${ic.url.path}`.trim();
}
