/**
 * Turns a parsed query into a predicate and a sort order. All field names and values are
 * resolved here, before any issue is looked at, so an unknown field or value is a 400 even when
 * no issue would match — as in Jira.
 */
import type { IssueRecord } from '../state/types';
import type { Clause, JqlQuery, Operand } from './ast';
import {
  EMPTY_VALUE,
  fieldAccessor,
  type Accessor,
  type JqlContext,
  type ValueRef,
} from './fields';
import { JqlError } from './lexer';
import { parseJql } from './parser';

export interface CompiledJql {
  matches: (issue: IssueRecord) => boolean;
  compare: (a: IssueRecord, b: IssueRecord) => number;
  /** False when the query has no condition (only ORDER BY): /search/jql refuses those. */
  bounded: boolean;
}

type Predicate = (issue: IssueRecord) => boolean;

const refsOf = (operand: Operand): ValueRef[] => {
  switch (operand.kind) {
    case 'value':
      return [{ text: operand.text, pos: operand.pos }];
    case 'func':
      return [{ func: operand.name, args: operand.args, pos: operand.pos }];
    case 'list':
      return operand.items.flatMap(refsOf);
    case 'empty':
      return [];
  }
};

function unsupportedOperator(op: string, accessor: Accessor, pos: number): JqlError {
  return new JqlError(
    `The operator '${op}' is not supported by the '${accessor.name}' field.`,
    pos,
  );
}

function compileComparison(clause: Extract<Clause, { kind: 'cmp' }>, ctx: JqlContext): Predicate {
  const accessor = fieldAccessor(clause.field, ctx);
  if (accessor === undefined) {
    throw new JqlError(
      `Field '${clause.field}' is not supported by the sandbox's JQL subset.`,
      clause.fieldPos,
    );
  }
  const { op, value } = clause;
  const emptyCheck = value.kind === 'empty';
  if (emptyCheck) {
    if (!['is', 'is not', '=', '!='].includes(op))
      throw unsupportedOperator(op, accessor, clause.opPos);
    const wantEmpty = op === 'is' || op === '=';
    const isEmpty: Predicate =
      accessor.type === 'set'
        ? (i) => accessor.values(i).length === 0
        : accessor.type === 'ordered'
          ? (i) => accessor.value(i) === null
          : (i) => accessor.value(i) === '';
    return wantEmpty ? isEmpty : (i) => !isEmpty(i);
  }
  if (op === 'is' || op === 'is not') throw unsupportedOperator(op, accessor, clause.opPos);
  const refs = refsOf(value);

  if (accessor.type === 'text') {
    if (op !== '~' && op !== '!~') throw unsupportedOperator(op, accessor, clause.opPos);
    const needle = (
      'text' in (refs[0] ?? {}) ? (refs[0] as { text: string }).text : ''
    ).toLowerCase();
    // Jira's `~` is a stemmed full-text match; a case-insensitive substring is close enough here.
    return op === '~'
      ? (i) => accessor.value(i).toLowerCase().includes(needle)
      : (i) => !accessor.value(i).toLowerCase().includes(needle);
  }

  if (accessor.type === 'set') {
    if (!['=', '!=', 'in', 'not in'].includes(op))
      throw unsupportedOperator(op, accessor, clause.opPos);
    const wanted = new Set(refs.flatMap((r) => accessor.resolve(r)));
    const matchEmpty = wanted.has(EMPTY_VALUE);
    const hit = (i: IssueRecord): boolean => {
      const values = accessor.values(i);
      return values.some((v) => wanted.has(v)) || (matchEmpty && values.length === 0);
    };
    // "!=" and NOT IN never match an empty field (Jira's documented behaviour).
    return op === '=' || op === 'in'
      ? hit
      : (i) => (accessor.values(i).length > 0 || matchEmpty) && !hit(i);
  }

  const targets = refs.map((r) => accessor.resolve(r));
  const first = targets[0] ?? 0;
  const test: Record<string, (v: number) => boolean> = {
    '=': (v) => v === first,
    '!=': (v) => v !== first,
    '<': (v) => v < first,
    '<=': (v) => v <= first,
    '>': (v) => v > first,
    '>=': (v) => v >= first,
    in: (v) => targets.includes(v),
    'not in': (v) => !targets.includes(v),
  };
  const check = test[op];
  if (check === undefined) throw unsupportedOperator(op, accessor, clause.opPos);
  return (i) => {
    const v = accessor.value(i);
    return v !== null && check(v);
  };
}

function compileClause(clause: Clause, ctx: JqlContext): Predicate {
  switch (clause.kind) {
    case 'and': {
      const [l, r] = [compileClause(clause.left, ctx), compileClause(clause.right, ctx)];
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const [l, r] = [compileClause(clause.left, ctx), compileClause(clause.right, ctx)];
      return (i) => l(i) || r(i);
    }
    case 'not': {
      const inner = compileClause(clause.operand, ctx);
      return (i) => !inner(i);
    }
    case 'cmp':
      return compileComparison(clause, ctx);
  }
}

const keyNumber = (key: string): number => Number(key.slice(key.lastIndexOf('-') + 1));
const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

function compileOrder(query: JqlQuery, ctx: JqlContext): CompiledJql['compare'] {
  const priorityIndex = new Map(ctx.store.state.priorities.map((p, index) => [p.id, index]));
  const comparators = query.orderBy.map((order) => {
    const field = order.field.toLowerCase();
    const sign = order.direction === 'DESC' ? -1 : 1;
    const byTime = (get: (i: IssueRecord) => string | null) => (a: IssueRecord, b: IssueRecord) =>
      // Empty values sort last in ascending order, as in Jira.
      sign *
      ((get(a) === null ? Infinity : Date.parse(get(a) as string)) -
        (get(b) === null ? Infinity : Date.parse(get(b) as string)) || 0);
    switch (field) {
      case 'rank':
        return (a: IssueRecord, b: IssueRecord) =>
          sign * (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0);
      case 'created':
        return byTime((i) => i.created);
      case 'updated':
        return byTime((i) => i.updated);
      case 'resolved':
      case 'resolutiondate':
        return byTime((i) => i.resolutiondate);
      case 'key':
      case 'issuekey':
      case 'id':
        return (a: IssueRecord, b: IssueRecord) =>
          sign *
          (projectOf(a.key).localeCompare(projectOf(b.key)) || keyNumber(a.key) - keyNumber(b.key));
      case 'priority':
        // Jira's ASC runs from the lowest priority to the highest.
        return (a: IssueRecord, b: IssueRecord) =>
          -sign * ((priorityIndex.get(a.priorityId) ?? 0) - (priorityIndex.get(b.priorityId) ?? 0));
      default:
        throw new JqlError(
          `The sandbox cannot order by '${order.field}': use rank, created, updated, resolved, key or priority.`,
          order.pos,
        );
    }
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    // Stable fallback so pages never overlap: issue id ascending.
    return Number(a.id) - Number(b.id);
  };
}

export function compileJql(jql: string, ctx: JqlContext): CompiledJql {
  const query = parseJql(jql);
  const matches = query.where === undefined ? () => true : compileClause(query.where, ctx);
  return { matches, compare: compileOrder(query, ctx), bounded: query.where !== undefined };
}
