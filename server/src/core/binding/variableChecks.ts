/**
 * Checks of the variables a binding reads: unknown names (with did-you-mean and a
 * rename fix), variables EIC does not bind in this attribute, unknown members, and the
 * duplicated `Bearer` prefix in front of `${access_token}`.
 */
import type { ConnectionView } from '../connection';
import type { AttributeDocument } from '../document';
import type { Finding, Severity } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Binding, Reference } from './model';
import { BoundString, docSpan } from './documentBindings';
import { membersAt, modelledAttribute } from './context';
import type { SiteKind } from './sites';
import { detached } from '../text/detached';
import { authNameAt, connectionAuths } from './connectionKeys';
import { BindingVariable, VARIABLES, findVariable, isBoundAt, variablesAt } from './variables';

/** Where findings go: asked before an unknown variable's finding (message, did-you-mean, fix) is built. */
export interface FindingSink {
  accepts?(code: string): boolean;
  omit?(code: string, severity: Severity, offset: number): void;
}

const UNKNOWN_VARIABLE = 'binding-unknown-variable';

export function variableFindings(doc: AttributeDocument, connection: ConnectionView, bs: BoundString, sink: FindingSink = {}): Finding[] {
  const out: Finding[] = [];
  const attribute = modelledAttribute(doc);
  const site = bs.site.kind;
  const recordFieldsBound = doc.attribute?.grammar === 'importUser' && site === 'constMapping';
  for (const b of bs.bindings) {
    for (const ref of b.references) {
      const variable = findVariable(ref.root.name);
      if (!variable) {
        if (recordFieldsBound) continue;
        // Past the cap of its code the finding would only be counted: count it without building it.
        if (sink.accepts && sink.omit && !sink.accepts(UNKNOWN_VARIABLE)) sink.omit(UNKNOWN_VARIABLE, 'warning', docSpan(bs, ref.root.start, ref.root.end).offset);
        else out.push(unknownRoot(bs, ref, attribute));
        continue;
      }
      if (attribute && !isBoundAt(variable, attribute, site)) {
        out.push(outOfContext(bs, ref, variable, attribute, site));
        continue;
      }
      const member = unknownMember(doc, connection, bs, ref, variable);
      if (member) out.push(member);
    }
    const bearer = bearerPrefix(doc, connection, bs, b);
    if (bearer) out.push(bearer);
  }
  return out;
}

/** The variables bound at one place, with their names and the list shown in messages (computed once per place). */
interface PlaceVariables {
  readonly variables: readonly BindingVariable[];
  readonly names: readonly string[];
  /** Lower-case `name` and `name_` of each variable, for dottedSuggestion. */
  readonly prefixes: readonly (readonly [string, string])[];
  readonly available: string;
}
const places = new Map<string, PlaceVariables>();
const ALL_NAMES = VARIABLES.map(v => v.name);

function variablesOfPlace(attribute: string | undefined, site: SiteKind): PlaceVariables {
  const key = `${attribute ?? ''} ${site}`;
  let place = places.get(key);
  if (!place) {
    const variables = variablesAt(attribute, site);
    place = {
      variables, names: variables.map(v => v.name),
      prefixes: variables.map(v => [`${v.name}_`.toLowerCase(), v.name.toLowerCase()] as const),
      available: variables.slice(0, 10).map(v => `\`${v.name}\``).join(', '),
    };
    places.set(key, place);
  }
  return place;
}

function unknownRoot(bs: BoundString, ref: Reference, attribute: string | undefined): Finding {
  const name = ref.root.name;
  const span = docSpan(bs, ref.root.start, ref.root.end);
  const place = variablesOfPlace(attribute, bs.site.kind);
  const { suggestion, dotted } = rootAdvice(name, attribute, bs.site.kind, place);
  if (suggestion) {
    const why = dotted
      ? ` Members are read with a dot: \`${suggestion}\`.`
      : ` Did you mean \`${suggestion}\`?${suggestion.toLowerCase() === name.toLowerCase() ? ' Variable names are case-sensitive.' : ''}`;
    return {
      ...span, severity: 'warning', code: UNKNOWN_VARIABLE,
      message: `Unknown variable \`${name}\`: EIC does not bind it in \`\${…}\`, so the expression fails at run time.${why}`,
      fixes: [{ title: `Change to \`${suggestion}\``, edits: [{ ...span, newText: suggestion }], isPreferred: true }],
    };
  }
  const where = attribute ? ` In ${attribute} EIC provides: ${place.available}.` : '';
  return {
    ...span, severity: 'warning', code: UNKNOWN_VARIABLE,
    message: `Unknown variable \`${name}\`: EIC does not bind it in \`\${…}\` and the expression does not declare it, so evaluating it fails at run time.${where}`,
  };
}

/**
 * The suggestion for an unknown root name at a place, kept across documents and versions (the same
 * misspelt name is met again on every check of a document being edited). Bounded.
 */
const adviceCache = new Map<string, { suggestion: string | undefined; dotted: boolean }>();

function rootAdvice(name: string, attribute: string | undefined, site: SiteKind, place: PlaceVariables): { suggestion: string | undefined; dotted: boolean } {
  const key = `${attribute ?? ''}|${site}|${name}`;
  let advice = adviceCache.get(key);
  if (!advice) {
    const dotted = dottedSuggestion(name, place);
    const suggestion = dotted ?? didYouMean(name, place.names) ?? didYouMean(name, ALL_NAMES);
    advice = { suggestion: suggestion === undefined ? undefined : detached(suggestion), dotted: dotted !== undefined };
    if (adviceCache.size >= 5000) adviceCache.clear();
    adviceCache.set(detached(key), advice);
  }
  return advice;
}

/** `entitlementValue_entitlement_value` → `entitlementValue.entitlement_value`. */
function dottedSuggestion(name: string, place: PlaceVariables): string | undefined {
  const lowerName = name.toLowerCase();
  for (let i = 0; i < place.variables.length; i++) {
    const v = place.variables[i];
    for (let s = 0; s < 2; s++) {
      const sep = s === 0 ? '_' : '';
      const prefix = v.name + sep;
      if (name.length > prefix.length && lowerName.startsWith(place.prefixes[i][s])) {
        const rest = name.slice(prefix.length);
        const known = v.members?.members.find(m => m.name.toLowerCase() === rest.toLowerCase());
        if (known) return `${v.name}.${known.name}`;
        if (sep === '_' && v.members) return `${v.name}.${rest}`;
      }
    }
  }
  return undefined;
}

function outOfContext(bs: BoundString, ref: Reference, variable: BindingVariable, attribute: string, site: string): Finding {
  const span = docSpan(bs, ref.root.start, ref.root.end);
  const shown = [ref.root.name, ...ref.members.filter(m => !m.call).slice(0, 1).map(m => m.name)].join('.');
  let advice = '';
  if (variable.name === 'account' && attribute === 'CreateAccountJSON') {
    advice = ' While an account is being created it does not exist in EIC yet: use `user.*` attributes here, and let `accountIdPath` store the new id.';
  } else if (variable.name === 'ticketID') {
    advice = ' The ticket id exists only after CreateTicketJSON has run; read it there with `ticketidPath`.';
  }
  const place = variable.scopes.some(s => s.sites) ? ` (${siteLabel(site)} here)` : '';
  return {
    ...span, severity: 'warning', code: 'binding-out-of-context',
    message: `Variable not available here: EIC does not provide \`${shown}\` in ${attribute}${place}, so the expression fails or renders empty at run time. \`${variable.name}\` is bound in: ${variable.where}${advice}`,
  };
}

function siteLabel(site: string): string {
  switch (site) {
    case 'url': return 'a URL';
    case 'header': return 'a header';
    case 'body': return 'a request body';
    case 'mapping': return 'a mapping';
    default: return `a ${site} value`;
  }
}

function unknownMember(doc: AttributeDocument, connection: ConnectionView, bs: BoundString, ref: Reference, variable: BindingVariable): Finding | undefined {
  const member = ref.members[0];
  if (!member || member.call || member.quoted) return undefined;
  const view = membersAt(variable, doc, connection, bs.site.kind, bs.node.offset);
  if (!view || view.names.includes(member.name) || view.describe(member.name)) return undefined;
  const span = docSpan(bs, member.start, member.end);
  const suggestion = didYouMean(member.name, view.names);
  const shown = `${ref.root.name}.${member.name}`;
  if (suggestion) {
    const caseOnly = suggestion.toLowerCase() === member.name.toLowerCase() ? ' Names are case-sensitive.' : '';
    return {
      ...span, severity: 'warning', code: UNKNOWN_VARIABLE,
      message: `Unknown member \`${member.name}\` in \`${shown}\`: it is not one of ${view.source}. Did you mean \`${suggestion}\`?${caseOnly}`,
      fixes: [{ title: `Change to \`${ref.root.name}.${suggestion}\``, edits: [{ ...span, newText: suggestion }], isPreferred: true }],
    };
  }
  if (!view.closed) return undefined;
  const isConnection = (variable.aliasOf ?? variable.name) === 'connection';
  return {
    ...span, severity: isConnection ? 'warning' : 'information', code: UNKNOWN_VARIABLE,
    message: isConnection
      ? `Unknown member \`${member.name}\` in \`${shown}\`: ${view.source} has no such key, so the value is empty at run time. Add the key to the authentication, or use one of: ${view.names.slice(0, 12).join(', ')}.`
      : `Unknown member \`${member.name}\` in \`${shown}\`: it is not one of ${view.source}. Check the spelling (names are case-sensitive); if your tenant has this attribute, ignore this note.`,
  };
}

function bearerPrefix(doc: AttributeDocument, connection: ConnectionView, bs: BoundString, b: Binding): Finding | undefined {
  if (!b.closed || b.tokens.length !== 1 || b.tokens[0].text !== 'access_token') return undefined;
  if (b.start < 7 || !/\s/.test(bs.value[b.start - 1])) return undefined;
  const m = /(?:^|[^A-Za-z0-9_])(bearer)(\s+)$/i.exec(bs.value.slice(Math.max(0, b.start - 40), b.start));
  if (!m) return undefined;
  const prefixStart = b.start - m[1].length - m[2].length;
  const auths = connectionAuths(connection);
  const authName = authNameAt(doc, bs.node.offset);
  const auth = authName !== undefined ? auths?.get(authName) : undefined;
  if (auth && auth.tokenType !== undefined && auth.tokenType.trim() === '') return undefined;
  const known = auth?.tokenType ? ` (tokenType \`${auth.tokenType}\` in authentication \`${auth.name}\`)` : '';
  const span = docSpan(bs, prefixStart, b.start);
  return {
    ...docSpan(bs, prefixStart, b.end), severity: 'warning', code: 'binding-bearer-prefix',
    message: `Double Bearer prefix: \`\${access_token}\` already starts with the token type${known}, so this sends \`Bearer Bearer …\` and the target answers 401. Write just \`\${access_token}\`.`,
    fixes: [{ title: `Remove \`${m[1]} \` before \${access_token}`, edits: [{ ...span, newText: '' }], isPreferred: true }],
  };
}
