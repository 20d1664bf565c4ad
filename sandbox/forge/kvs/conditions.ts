/**
 * The conditions @forge/kvs sends (node_modules/@forge/kvs/out/conditions.js): `WhereConditions`
 * for key prefixes and index ranges, `FilterConditions` for entity filters and transaction
 * conditions. Comparisons apply only between values of the same type, as in the service's
 * underlying store: a number never equals or orders against a string.
 */
import { badRequest } from './errors';

export interface Clause {
  condition: string;
  values: unknown[];
}

export interface FilterSet {
  and?: (Clause & { property: string })[];
  or?: (Clause & { property: string })[];
}

type Comparable = string | number;

const comparable = (a: unknown, b: unknown): [Comparable, Comparable] | undefined =>
  (typeof a === 'string' && typeof b === 'string') ||
  (typeof a === 'number' && typeof b === 'number')
    ? [a, b]
    : undefined;

const compare = (
  a: unknown,
  b: unknown,
  test: (x: Comparable, y: Comparable) => boolean,
): boolean => {
  const pair = comparable(a, b);
  return pair !== undefined && test(pair[0], pair[1]);
};

/** Whether `actual` (undefined when the attribute is missing) satisfies the clause. */
export function satisfies(actual: unknown, clause: Clause): boolean {
  const [first, second] = clause.values;
  switch (clause.condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual !== undefined && actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
    case 'NOT_CONTAINS': {
      const contains =
        (typeof actual === 'string' && typeof first === 'string' && actual.includes(first)) ||
        (Array.isArray(actual) && actual.includes(first));
      return clause.condition === 'CONTAINS' ? contains : actual !== undefined && !contains;
    }
    case 'GREATER_THAN':
      return compare(actual, first, (x, y) => x > y);
    case 'GREATER_THAN_EQUAL_TO':
      return compare(actual, first, (x, y) => x >= y);
    case 'LESS_THAN':
      return compare(actual, first, (x, y) => x < y);
    case 'LESS_THAN_EQUAL_TO':
      return compare(actual, first, (x, y) => x <= y);
    case 'BETWEEN':
      return compare(actual, first, (x, y) => x >= y) && compare(actual, second, (x, y) => x <= y);
    default:
      throw badRequest('INVALID_CONDITION', `Unsupported condition ${clause.condition}.`);
  }
}

export const attribute = (value: unknown, property: string): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[property]
    : undefined;

/** `{ and: [...] }` needs every clause, `{ or: [...] }` any; a missing item has no attributes. */
export function matchesFilters(value: unknown, filters: FilterSet | undefined): boolean {
  if (filters === undefined) return true;
  const and = filters.and ?? [];
  const or = filters.or ?? [];
  if (and.length > 0 && !and.every((c) => satisfies(attribute(value, c.property), c))) return false;
  if (or.length > 0 && !or.some((c) => satisfies(attribute(value, c.property), c))) return false;
  return true;
}
