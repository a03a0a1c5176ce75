/**
 * Mapping values `<source>~#~<type>` (grammar §2.7, mistakes 3.3 and 3.4):
 * - `mapping-separator`: the `~#~` separator is missing, doubled (`~~#~`) or mistyped;
 * - `mapping-type`: the type after `~#~` is not one EIC reads (`char ` with a space, `chr`, `string` …);
 * - `mapping-const`: a `${…}` source in an account/entitlement import without the `#CONST#` prefix;
 * - `mapping-dotted-field`: a dot inside one field name (a SCIM URN's `2.0`, `@odata.type`) splits the path.
 */
import type { AttributeDocument } from '../document';
import type { Finding, Fix } from '../types';
import { didYouMean } from '../text/didYouMean';
import type { Rule } from './rule';
import type { RuleContext } from './rule';
import { CONST_PREFIX, MAPPING_SEPARATOR, MAPPING_TYPE_SYNONYMS, MAPPING_TYPES, STORE_MAPPING_SOURCE } from './catalog/mappingCatalog';
import { MappingEntry, MappingMap, mappingMaps } from './support/mappingModel';
import { editIn, spanIn } from './support/stringNodes';

const TYPE_LIST = MAPPING_TYPES.map(t => `\`${t}\``).join(', ');
const MISTYPED_SEPARATOR = /^(.*?)([~#]{1,5})[ \t]*(char|date|bool|int|epochdate)[ \t]*$/i;

/** The mapping's target as messages name it (built only when a finding is reported). */
function quoted(entry: MappingEntry): string {
  return `\`${entry.target}\``;
}

function finding(doc: AttributeDocument, entry: MappingEntry, index: number, length: number, f: Omit<Finding, 'offset' | 'length'>): Finding {
  const span = spanIn(doc, entry.valueNode, index, length);
  return { offset: span.offset, length: span.length, ...f };
}

function checkSeparator(ctx: RuleContext, entry: MappingEntry): boolean {
  const { doc } = ctx;
  const { value, separatorIndex, source } = entry.parsed;
  if (separatorIndex < 0) {
    if (value.trim() === '') {
      ctx.report(finding(doc, entry, 0, 0, { severity: 'error', code: 'mapping-separator',
        message: `Empty mapping ${quoted(entry)}: write the source path and its type, for example "id~#~char".` }));
      return false;
    }
    const m = MISTYPED_SEPARATOR.exec(value);
    if (m && m[1] !== '' && m[2] !== MAPPING_SEPARATOR) {
      const start = m[1].length;
      const fixed = `${MAPPING_SEPARATOR}${m[3].toLowerCase()}`;
      ctx.report(finding(doc, entry, start, value.length - start, { severity: 'error', code: 'mapping-separator',
        message: `Malformed mapping ${quoted(entry)}: the separator between the source and the type must be exactly \`~#~\`; \`${m[2]}\` is not recognised, so EIC reads the whole text as the source path and stores nothing.`,
        fixes: [{ title: `Write "${m[1]}${fixed}"`, edits: [editIn(doc, entry.valueNode, start, value.length - start, fixed)], isPreferred: true }] }));
      return false;
    }
    ctx.report(finding(doc, entry, 0, value.length, { severity: 'error', code: 'mapping-separator',
      message: `Malformed mapping ${quoted(entry)}: the value has no \`~#~<type>\` suffix, so EIC cannot read it. Write "${value}~#~char" (types: ${TYPE_LIST}).`,
      fixes: [{ title: 'Append "~#~char"', edits: [editIn(doc, entry.valueNode, value.length, 0, '~#~char')], isPreferred: true }] }));
    return false;
  }
  if (source.endsWith('~') && entry.parsed.kind !== 'const') {
    let start = source.length;
    while (start > 0 && source[start - 1] === '~') start--;
    const extra = source.length - start;
    ctx.report(finding(doc, entry, start, extra + MAPPING_SEPARATOR.length, { severity: 'error', code: 'mapping-separator',
      message: `Malformed mapping ${quoted(entry)}: \`${'~'.repeat(extra)}~#~\` has ${extra === 1 ? 'a doubled' : 'extra'} tilde, so the source path becomes "${source}" and matches nothing. Write a single \`~#~\`.`,
      fixes: [{ title: 'Remove the extra tilde', edits: [editIn(doc, entry.valueNode, start, extra, '')], isPreferred: true }] }));
    return false;
  }
  if (entry.parsed.kind === 'path' && source.includes(MAPPING_SEPARATOR)) {
    const first = source.indexOf(MAPPING_SEPARATOR);
    ctx.report(finding(doc, entry, first, source.length - first + MAPPING_SEPARATOR.length, { severity: 'error', code: 'mapping-separator',
      message: `Malformed mapping ${quoted(entry)}: \`~#~\` appears more than once; EIC takes the text after the last one as the type and the rest, "${source}", as the path.`,
      fixes: [{ title: `Keep one "~#~${entry.parsed.type}"`, edits: [editIn(doc, entry.valueNode, first, source.length - first, '')], isPreferred: true }] }));
    return false;
  }
  return true;
}

function suggestType(type: string): string | undefined {
  const trimmed = type.trim().toLowerCase();
  if ((MAPPING_TYPES as readonly string[]).includes(trimmed)) return trimmed;
  if (MAPPING_TYPE_SYNONYMS[trimmed]) return MAPPING_TYPE_SYNONYMS[trimmed];
  return didYouMean(trimmed, MAPPING_TYPES);
}

function checkType(ctx: RuleContext, entry: MappingEntry): void {
  const { doc } = ctx;
  const { value, separatorIndex, type = '', kind } = entry.parsed;
  const typeStart = separatorIndex + MAPPING_SEPARATOR.length;
  if ((MAPPING_TYPES as readonly string[]).includes(type)) {
    if (kind === 'store' && type !== 'char') {
      ctx.report(finding(doc, entry, typeStart, type.length, { severity: 'warning', code: 'mapping-type',
        message: `Wrong mapping type in ${quoted(entry)}: ${STORE_MAPPING_SOURCE} is stored as text; its type must be \`char\`.`,
        fixes: [{ title: 'Change the type to "char"', edits: [editIn(doc, entry.valueNode, typeStart, type.length, 'char')], isPreferred: true }] }));
    }
    return;
  }
  if (type === '') {
    ctx.report(finding(doc, entry, separatorIndex, MAPPING_SEPARATOR.length, { severity: 'error', code: 'mapping-type',
      message: `Missing mapping type in ${quoted(entry)}: the type after \`~#~\` is missing. Write one of ${TYPE_LIST}; \`char\` for text.`,
      fixes: [{ title: 'Add the type "char"', edits: [editIn(doc, entry.valueNode, value.length, 0, 'char')], isPreferred: true }] }));
    return;
  }
  const suggestion = suggestType(type);
  const reason = type.trim() !== type ? ' (it contains a space)'
    : type.toLowerCase() === suggestion ? ' (types are lower case)' : '';
  const fixes: Fix[] = suggestion
    ? [{ title: `Change the type to "${suggestion}"`, edits: [editIn(doc, entry.valueNode, typeStart, type.length, suggestion)], isPreferred: true }]
    : [];
  ctx.report(finding(doc, entry, typeStart, type.length, { severity: 'error', code: 'mapping-type',
    message: `Unknown mapping type in ${quoted(entry)}: \`${type}\` is not a mapping type EIC knows${reason}${suggestion ? `; did you mean \`${suggestion}\`?` : '.'} Types: ${TYPE_LIST}.`,
    fixes }));
}

function checkConst(ctx: RuleContext, map: MappingMap, entry: MappingEntry): void {
  if (entry.parsed.kind !== 'binding' || (map.table !== 'account' && map.table !== 'entitlement')) return;
  ctx.report(finding(ctx.doc, entry, 0, entry.parsed.source.length, { severity: 'warning', code: 'mapping-const',
    message: `Missing ${CONST_PREFIX} in \`${entry.target}\`: in ImportAccountEntJSON a computed value must start with ${CONST_PREFIX} ("${CONST_PREFIX}\${…}~#~char"); without it EIC reads the text as a response path. (Only ImportUserJSON accepts a bare \${…}.)`,
    fixes: [{ title: `Prefix with ${CONST_PREFIX}`, edits: [editIn(ctx.doc, entry.valueNode, 0, 0, CONST_PREFIX)], isPreferred: true }] }));
}

/** Dots that sit inside one field name: digit.digit after a colon (URN versions) and `@odata.`. */
function innerDots(source: string): number[] {
  const dots: number[] = [];
  // Both kinds need a colon or an @ before the dot: most paths have neither.
  if (!source.includes(':') && !source.includes('@')) return dots;
  let segmentStart = 0;
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '.') continue;
    const segment = source.slice(segmentStart, i);
    const urnVersion = segment.includes(':') && /\d$/.test(segment) && /^\d/.test(source.slice(i + 1));
    const odata = /(^|[^\w])@odata$/i.test(segment);
    if (urnVersion || odata) dots.push(i);
    else segmentStart = i + 1;
  }
  return dots;
}

function checkDottedField(ctx: RuleContext, entry: MappingEntry): void {
  if (entry.parsed.kind !== 'path') return;
  const dots = innerDots(entry.parsed.source);
  if (!dots.length) return;
  const { doc } = ctx;
  const fixed = entry.parsed.source.split('').map((c, i) => (dots.includes(i) ? '~dot#' : c)).join('');
  const first = dots[0];
  const last = dots[dots.length - 1];
  ctx.report(finding(doc, entry, first, last - first + 1, { severity: 'warning', code: 'mapping-dotted-field',
    message: `Unescaped dot in \`${entry.target}\`: EIC splits the path at every dot, but ${dots.length === 1 ? 'this dot belongs' : 'these dots belong'} to a single field name (for example the "2.0" of a SCIM URN). Write a literal dot as \`~dot#\`: "${fixed}".`,
    fixes: [{ title: 'Escape the dot as ~dot#', edits: dots.map(i => editIn(doc, entry.valueNode, i, 1, '~dot#')), isPreferred: true }] }));
}

export const mappingSyntaxRule: Rule = {
  id: 'mapping-syntax',
  grammars: ['importUser', 'importAccountEnt', 'provisioning', 'access', 'createTicket', 'updateUser'],
  run(ctx) {
    for (const map of mappingMaps(ctx.doc)) {
      for (const entry of map.entries) {
        if (!checkSeparator(ctx, entry)) continue;
        checkType(ctx, entry);
        checkConst(ctx, map, entry);
        checkDottedField(ctx, entry);
      }
    }
  },
};
