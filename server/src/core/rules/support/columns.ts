/** Lookups over the column catalogs: is a name a known column of a table, and what was probably meant. */
import { didYouMean } from '../../text/didYouMean';
import { detached } from '../../text/detached';
import {
  ACCOUNT_COLUMNS, CUSTOM_PROPERTY_LIMIT, ENTITLEMENT_COLUMNS, RESPONSE_EXTRA_COLUMNS, USER_COLUMNS,
} from '../catalog/mappingCatalog';

export type ColumnTable = 'account' | 'entitlement' | 'user' | 'response';

const NAMED: Record<ColumnTable, string[]> = {
  account: ACCOUNT_COLUMNS,
  entitlement: ENTITLEMENT_COLUMNS,
  user: USER_COLUMNS,
  response: [...ACCOUNT_COLUMNS, ...RESPONSE_EXTRA_COLUMNS],
};
const LOWER: Record<ColumnTable, Set<string>> = {
  account: new Set(NAMED.account.map(c => c.toLowerCase())),
  entitlement: new Set(NAMED.entitlement.map(c => c.toLowerCase())),
  user: new Set(NAMED.user.map(c => c.toLowerCase())),
  response: new Set(NAMED.response.map(c => c.toLowerCase())),
};

export function customPropertyLimit(table: ColumnTable): number {
  return table === 'entitlement' ? CUSTOM_PROPERTY_LIMIT.entitlement : table === 'user' ? CUSTOM_PROPERTY_LIMIT.user : CUSTOM_PROPERTY_LIMIT.account;
}

export type ColumnCheck =
  | { known: true }
  | { known: false; reason: 'unknown' | 'custom-range'; suggestion?: string; limit?: number };

/** Verdicts by table and name, kept across documents: imports repeat the same few target names. */
const verdicts: Record<ColumnTable, Map<string, ColumnCheck>> = { account: new Map(), entitlement: new Map(), user: new Map(), response: new Map() };

/** Checks a column name (case-insensitive, as EIC matches columns). */
export function checkColumn(table: ColumnTable, name: string): ColumnCheck {
  const known = verdicts[table];
  let verdict = known.get(name);
  if (!verdict) {
    verdict = Object.freeze(columnVerdict(table, name));
    if (known.size >= 5000) known.clear();
    known.set(detached(name), verdict);
  }
  return verdict;
}

function columnVerdict(table: ColumnTable, name: string): ColumnCheck {
  const lower = name.toLowerCase();
  if (LOWER[table].has(lower)) return { known: true };
  const limit = customPropertyLimit(table);
  const cp = /^customproperty(\d+)$/i.exec(name);
  if (cp) {
    const n = Number(cp[1]);
    return n >= 1 && n <= limit ? { known: true } : { known: false, reason: 'custom-range', limit };
  }
  // custompropety5, CustomProp5, cp5 … → customproperty5
  const numbered = /^(?:cust(?:om)?[_ ]?p[a-z]*|cp)_?(\d+)$/i.exec(name);
  if (numbered && Number(numbered[1]) >= 1 && Number(numbered[1]) <= limit) {
    return { known: false, reason: 'unknown', suggestion: `customproperty${Number(numbered[1])}` };
  }
  return { known: false, reason: 'unknown', suggestion: didYouMean(name, NAMED[table]) };
}

/** A few names to show in a message. */
export function columnExamples(table: ColumnTable): string {
  const list = NAMED[table].slice(0, 6).map(c => `\`${c}\``).join(', ');
  return `${list}, \`customproperty1\`…\`customproperty${customPropertyLimit(table)}\``;
}

/** True when two column names denote the same column. */
export function sameColumn(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
