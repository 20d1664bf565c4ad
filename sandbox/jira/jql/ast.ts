/** The parsed form of a JQL query in the sandbox's subset. */
export type Operator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Operand =
  | { kind: 'value'; text: string; quoted: boolean; pos: number }
  | { kind: 'list'; items: Operand[]; pos: number }
  | { kind: 'func'; name: string; args: string[]; pos: number }
  | { kind: 'empty'; pos: number };

export type Clause =
  | { kind: 'and' | 'or'; left: Clause; right: Clause }
  | { kind: 'not'; operand: Clause }
  | { kind: 'cmp'; field: string; fieldPos: number; op: Operator; opPos: number; value: Operand };

export interface OrderBy {
  field: string;
  pos: number;
  direction: 'ASC' | 'DESC';
}

export interface JqlQuery {
  where: Clause | undefined;
  orderBy: OrderBy[];
}
