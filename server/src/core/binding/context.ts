/**
 * What a binding can see at one place: which attribute contexts are modelled, and the
 * members of a variable there (which depend on the attribute, the site and, for
 * `connection`, on the connection's ConnectionJSON).
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import { findCalls } from '../calls/callModel';
import { connectionKeysAt } from './connectionKeys';
import type { MemberCatalog } from './members';
import { findMember, memberNames } from './members';
import type { SiteKind } from './sites';
import { BindingVariable, RESPONSE_MEMBERS, TASK_ATTRIBUTES } from './variables';

const MODELLED = new Set([...TASK_ATTRIBUTES, 'ImportAccountEntJSON', 'ImportUserJSON', 'ConnectionJSON']);

/** The attribute name when EIC's binding contexts for it are known; undefined means "accept every variable". */
export function modelledAttribute(doc: AttributeDocument): string | undefined {
  const name = doc.attribute?.name;
  return name && MODELLED.has(name) ? name : undefined;
}

export interface MemberView {
  /** Candidate member names, most useful first. */
  readonly names: readonly string[];
  /** A member outside `names` is most likely a mistake. */
  readonly closed: boolean;
  /** Markdown description of a member, when known. */
  describe(name: string): string | undefined;
  /** Where the names come from, for messages (e.g. "authentication acctAuth in ConnectionJSON"). */
  readonly source: string;
}

/** Views of member catalogs, made once per catalog and source text (they depend on nothing else). */
const catalogViews = new WeakMap<MemberCatalog, Map<string, MemberView>>();

function fromCatalog(catalog: MemberCatalog, source: string): MemberView {
  let bySource = catalogViews.get(catalog);
  if (!bySource) catalogViews.set(catalog, (bySource = new Map()));
  let view = bySource.get(source);
  if (!view) {
    view = { names: memberNames(catalog), closed: catalog.closed, describe: n => findMember(catalog, n)?.description, source };
    bySource.set(source, view);
  }
  return view;
}

/** The members of a variable at this place, or undefined when nothing is known about them. */
export function membersAt(variable: BindingVariable, doc: AttributeDocument, connection: ConnectionView, site: SiteKind, offset: number): MemberView | undefined {
  const name = variable.aliasOf ?? variable.name;
  if (name === 'connection') {
    const found = connectionKeysAt(doc, connection, offset);
    if (!found) return undefined;
    const source = found.auth ? `authentication \`${found.auth.name}\` in ConnectionJSON` : 'the authentications in ConnectionJSON';
    return { names: found.keys, closed: true, describe: n => (found.keys.includes(n) ? `A key of ${source}.` : undefined), source };
  }
  if (name === 'response') {
    if (site === 'pagination') return fromCatalog(RESPONSE_MEMBERS.importPage, 'the page read by an import call');
    if (site === 'constMapping') return undefined;
    return doc.memo('binding.responseMembers', (): MemberView => {
      const calls = callResultNames(doc);
      return {
        names: calls, closed: false, source: 'the calls of this attribute',
        describe: n => calls.includes(n) ? `The result of the call \`${n}\` of this attribute: \`response.${n}.message\` is its parsed body.` : undefined,
      };
    });
  }
  if (!variable.members || (!variable.members.closed && variable.members.members.length === 0)) return undefined;
  return fromCatalog(variable.members, `the known members of \`${variable.name}\``);
}

/** Names by which later calls address earlier calls' results: `call1`; `Group1`, `Group2` for repeated names. */
export function callResultNames(doc: AttributeDocument): string[] {
  return doc.memo('binding.callResultNames', () => {
    const names: string[] = [];
    const counts = new Map<string, number>();
    for (const call of findCalls(doc)) {
      if (call.role !== 'provisioning' && call.role !== 'updateUser') continue;
      const n = (counts.get(call.name) ?? 0) + 1;
      counts.set(call.name, n);
      if (!names.includes(call.name)) names.push(call.name);
      if (!/\d$/.test(call.name)) names.push(`${call.name}${n}`);
    }
    return names;
  });
}
