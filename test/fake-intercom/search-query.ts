// The search query language shared by /contacts/search and /tickets/search: validation (operators,
// nesting and group limits, date rules) and evaluation. Dates compare by calendar day in the
// workspace's time zone, as the real API does.

import { invalid } from './errors.js';

export type FieldKind = 'string' | 'number' | 'date' | 'boolean' | 'id_list' | 'tag' | 'any';

export interface FieldDef<T> {
  kind: FieldKind;
  get: (item: T) => unknown;
}

export type FieldResolver<T> = (name: string) => FieldDef<T> | undefined;

const OPERATORS = ['=', '!=', 'IN', 'NIN', '<', '>', '<=', '>=', '~', '!~', '^', '$'];
const TEXT_OPERATORS = ['~', '!~', '^', '$'];
const MAX_DEPTH = 2;
const MAX_GROUP_SIZE = 15;

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Calendar day (YYYY-MM-DD) of a Unix time in a time zone. */
export function calendarDay(unixSeconds: number, timeZone: string): string {
  let fmt = dayFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, fmt);
  }
  return fmt.format(new Date(unixSeconds * 1000));
}

type Predicate<T> = (item: T) => boolean;

function lower(v: unknown): string {
  return String(v).toLowerCase();
}

function asNumber(v: unknown, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw invalid(`${field} expects a numeric value`);
  return n;
}

function asBoolean(v: unknown, field: string): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw invalid(`${field} expects true or false`);
}

function compileFilter<T>(node: Record<string, unknown>, resolve: FieldResolver<T>, timeZone: string): Predicate<T> {
  const { field, operator, value } = node;
  if (typeof field !== 'string' || field === '') throw invalid('Each filter needs a field');
  if (typeof operator !== 'string' || !OPERATORS.includes(operator)) {
    throw invalid(`Operator ${JSON.stringify(operator)} is not supported for field ${field}`);
  }
  if (!('value' in node)) throw invalid(`Filter on ${field} needs a value`);
  const def = resolve(field);
  if (!def) throw invalid(`${field} is not a searchable field`);
  const isList = operator === 'IN' || operator === 'NIN';
  if (isList !== Array.isArray(value)) {
    throw invalid(isList ? `${operator} on ${field} requires an array value` : `${operator} on ${field} takes a single value`);
  }
  const values = (isList ? (value as unknown[]) : [value]) as unknown[];
  const negate = operator === '!=' || operator === 'NIN' || operator === '!~';
  const wrap = (p: Predicate<T>): Predicate<T> => (negate ? (item) => !p(item) : p);

  switch (def.kind) {
    case 'date': {
      if (operator !== '=' && operator !== '<' && operator !== '>') {
        throw invalid(`Operator ${operator} cannot be used on the date field ${field}; use =, < or >`);
      }
      const day = calendarDay(asNumber(value, field), timeZone);
      return (item) => {
        const actual = def.get(item);
        if (typeof actual !== 'number') return false;
        const d = calendarDay(actual, timeZone);
        return operator === '=' ? d === day : operator === '<' ? d < day : d > day;
      };
    }
    case 'tag':
    case 'id_list': {
      if (def.kind === 'tag' && operator !== '=' && operator !== '!=') {
        throw invalid(`${field} supports only = and !=`);
      }
      if (!['=', '!=', 'IN', 'NIN'].includes(operator)) throw invalid(`${field} supports =, !=, IN and NIN`);
      const wanted = values.map(String);
      return wrap((item) => {
        const actual = (def.get(item) as unknown[]).map(String);
        return wanted.some((w) => actual.includes(w));
      });
    }
    case 'boolean': {
      if (operator !== '=' && operator !== '!=') throw invalid(`${field} supports only = and !=`);
      const wanted = asBoolean(value, field);
      return wrap((item) => def.get(item) === wanted);
    }
    case 'number': {
      if (TEXT_OPERATORS.includes(operator)) throw invalid(`${operator} cannot be used on the numeric field ${field}`);
      const wanted = values.map((v) => (v === null ? null : asNumber(v, field)));
      return numberPredicate(def, operator, wanted, wrap);
    }
    default:
      return stringPredicate(def, operator, values, wrap, field);
  }
}

function numberPredicate<T>(
  def: FieldDef<T>,
  operator: string,
  wanted: Array<number | null>,
  wrap: (p: Predicate<T>) => Predicate<T>,
): Predicate<T> {
  const num = (item: T): number | null => {
    const v = def.get(item);
    return v === null || v === undefined || v === '' ? null : Number(v);
  };
  const w = wanted[0];
  switch (operator) {
    case '<':
      return (item) => num(item) !== null && w !== null && (num(item) as number) < w;
    case '>':
      return (item) => num(item) !== null && w !== null && (num(item) as number) > w;
    case '<=':
      return (item) => num(item) !== null && w !== null && (num(item) as number) <= w;
    case '>=':
      return (item) => num(item) !== null && w !== null && (num(item) as number) >= w;
    default:
      return wrap((item) => wanted.includes(num(item)));
  }
}

function stringPredicate<T>(
  def: FieldDef<T>,
  operator: string,
  values: unknown[],
  wrap: (p: Predicate<T>) => Predicate<T>,
  field: string,
): Predicate<T> {
  const text = (item: T): string | null => {
    const v = def.get(item);
    return v === null || v === undefined ? null : lower(v);
  };
  if (['<', '>', '<=', '>='].includes(operator)) {
    if (def.kind !== 'any') throw invalid(`${operator} cannot be used on the text field ${field}`);
    const w = asNumber(values[0], field);
    return (item) => {
      const raw = def.get(item);
      if (typeof raw !== 'number') return false;
      return operator === '<' ? raw < w : operator === '>' ? raw > w : operator === '<=' ? raw <= w : raw >= w;
    };
  }
  const wanted = values.map((v) => (v === null ? null : lower(v)));
  const w = wanted[0];
  switch (operator) {
    case '~':
    case '!~':
      return wrap((item) => w !== null && (text(item) ?? '').includes(w));
    case '^':
      return (item) => w !== null && (text(item) ?? '').startsWith(w);
    case '$':
      return (item) => w !== null && (text(item) ?? '').endsWith(w);
    default:
      return wrap((item) => wanted.includes(text(item)));
  }
}

function compileNode<T>(node: unknown, resolve: FieldResolver<T>, timeZone: string, depth: number): Predicate<T> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) {
    throw invalid('query must be an object: a filter {field, operator, value} or a group {operator, value:[…]}');
  }
  const obj = node as Record<string, unknown>;
  if ('field' in obj) return compileFilter(obj, resolve, timeZone);
  const op = obj.operator;
  if (op !== 'AND' && op !== 'OR') throw invalid('A group needs operator AND or OR');
  if (!Array.isArray(obj.value)) throw invalid('A group needs a value array of filters');
  if (depth + 1 > MAX_DEPTH) throw invalid(`Queries allow at most ${MAX_DEPTH} levels of nesting`);
  if (obj.value.length > MAX_GROUP_SIZE) throw invalid(`A group allows at most ${MAX_GROUP_SIZE} filters`);
  const parts = obj.value.map((child) => compileNode(child, resolve, timeZone, depth + 1));
  return op === 'AND' ? (item) => parts.every((p) => p(item)) : (item) => parts.some((p) => p(item));
}

/** Validates a query (throws 400 parameter_invalid) and returns its predicate. */
export function compileQuery<T>(query: unknown, resolve: FieldResolver<T>, timeZone: string): Predicate<T> {
  return compileNode(query, resolve, timeZone, 0);
}
