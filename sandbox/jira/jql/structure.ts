/**
 * The sandbox's parsed JQL as the JqlQuery of Jira's parse API (platform.v3.json, components
 * JqlQuery, CompoundClause, FieldValueClause, JqlQueryClauseOperand): `where` as a tree of
 * compound clauses (`and`/`or`/`not` with `clauses`) and field-value clauses, `orderBy` when the
 * query has one. A chain of the same operator is one compound clause, as in the spec's example
 * (`a AND (b OR c) AND d` is an `and` of three).
 */
import type { Clause, JqlQuery, Operand } from './ast';

type Json = Record<string, unknown>;

const quote = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
const encodedValue = (text: string, quoted: boolean): string =>
  quoted || !/^[A-Za-z0-9_.\-+:/]+$/.test(text) ? quote(text) : text;
const field = (name: string): Json => ({ name, encodedName: encodedValue(name, false) });

function operand(op: Operand): Json {
  switch (op.kind) {
    case 'value':
      return { value: op.text, encodedValue: encodedValue(op.text, op.quoted) };
    case 'empty':
      return { keyword: 'empty' };
    case 'func':
      return {
        function: op.name,
        arguments: op.args,
        encodedOperand: `${op.name}(${op.args.map((a) => encodedValue(a, false)).join(', ')})`,
      };
    case 'list': {
      const values = op.items.map(operand);
      const encoded = values.map((v) =>
        typeof v.encodedValue === 'string'
          ? v.encodedValue
          : typeof v.encodedOperand === 'string'
            ? v.encodedOperand
            : 'EMPTY',
      );
      return { values, encodedOperand: `(${encoded.join(', ')})` };
    }
  }
}

function chain(clause: Clause, kind: 'and' | 'or'): Clause[] {
  return clause.kind === kind
    ? [...chain(clause.left, kind), ...chain(clause.right, kind)]
    : [clause];
}

export function clauseStructure(clause: Clause): Json {
  switch (clause.kind) {
    case 'and':
    case 'or':
      return { operator: clause.kind, clauses: chain(clause, clause.kind).map(clauseStructure) };
    case 'not':
      return { operator: 'not', clauses: [clauseStructure(clause.operand)] };
    case 'cmp': {
      // FieldValueClause's operators have no `!~`: `a !~ b` is written as NOT (a ~ b), its meaning.
      const op = clause.op === '!~' ? '~' : clause.op;
      const node = { field: field(clause.field), operator: op, operand: operand(clause.value) };
      return clause.op === '!~' ? { operator: 'not', clauses: [node] } : node;
    }
  }
}

export function queryStructure(query: JqlQuery): Json {
  return {
    ...(query.where === undefined ? {} : { where: clauseStructure(query.where) }),
    ...(query.orderBy.length === 0
      ? {}
      : {
          orderBy: {
            fields: query.orderBy.map((o) => ({
              field: field(o.field),
              direction: o.direction === 'DESC' ? 'desc' : 'asc',
            })),
          },
        }),
  };
}
