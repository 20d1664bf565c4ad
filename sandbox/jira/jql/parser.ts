/**
 * Recursive-descent parser for the sandbox's JQL subset:
 *
 *   query   := [or] [ORDER BY field [ASC|DESC] {, field [ASC|DESC]}]
 *   or      := and {OR and}          and := not {AND not}
 *   not     := (NOT | !) not | '(' or ')' | field operator operand
 *   operand := value | function '(' [args] ')' | '(' value {, value} ')' | EMPTY | NULL
 *
 * Anything outside it (WAS, CHANGED, unknown keywords) is refused with the token and position, so
 * the app never silently gets answers real Jira would not give.
 */
import type { Clause, JqlQuery, Operand, Operator, OrderBy } from './ast';
import { JqlError, tokenize, type Token } from './lexer';

const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
  'EMPTY',
  'NULL',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
]);
const UNSUPPORTED_OPERATORS = new Set(['WAS', 'CHANGED']);

export function parseJql(input: string): JqlQuery {
  return new Parser(tokenize(input)).query();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private expectKeyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(`Expecting '${word}'`, this.peek());
    this.next();
  }

  private fail(expectation: string, token: Token): never {
    const got = token.kind === 'eof' ? 'the end of the query' : `'${token.text}'`;
    throw new JqlError(`Error in the JQL Query: ${expectation} but got ${got}.`, token.pos);
  }

  query(): JqlQuery {
    let where: Clause | undefined;
    if (this.peek().kind !== 'eof' && !this.isKeyword('ORDER')) where = this.or();
    const orderBy: OrderBy[] = [];
    if (this.isKeyword('ORDER')) {
      this.next();
      this.expectKeyword('BY');
      do {
        const field = this.next();
        if (field.kind !== 'word' && field.kind !== 'string')
          this.fail('Expecting a field name', field);
        let direction: 'ASC' | 'DESC' = 'ASC';
        if (this.isKeyword('ASC') || this.isKeyword('DESC'))
          direction = this.next().text.toUpperCase() as 'ASC' | 'DESC';
        orderBy.push({ field: field.text, pos: field.pos, direction });
      } while (this.peek().kind === 'comma' && this.next());
    }
    const rest = this.peek();
    if (rest.kind !== 'eof') this.fail("Expecting 'AND', 'OR' or 'ORDER BY'", rest);
    return { where, orderBy };
  }

  private or(): Clause {
    let left = this.and();
    while (this.isKeyword('OR') || (this.peek().kind === 'op' && this.peek().text === '||')) {
      this.next();
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Clause {
    let left = this.not();
    while (this.isKeyword('AND') || (this.peek().kind === 'op' && this.peek().text === '&&')) {
      this.next();
      left = { kind: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Clause {
    const token = this.peek();
    if (this.isKeyword('NOT') || (token.kind === 'op' && token.text === '!')) {
      this.next();
      return { kind: 'not', operand: this.not() };
    }
    if (token.kind === 'lparen') {
      this.next();
      const inner = this.or();
      if (this.peek().kind !== 'rparen') this.fail("Expecting ')'", this.peek());
      this.next();
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Clause {
    const field = this.next();
    if (
      (field.kind !== 'word' && field.kind !== 'string') ||
      (field.kind === 'word' && KEYWORDS.has(field.text.toUpperCase()))
    ) {
      this.fail('Expecting a field name', field);
    }
    const opToken = this.peek();
    const op = this.operator();
    const value = this.operand(op);
    return { kind: 'cmp', field: field.text, fieldPos: field.pos, op, opPos: opToken.pos, value };
  }

  private operator(): Operator {
    const token = this.next();
    if (token.kind === 'op' && !['&&', '||', '!'].includes(token.text))
      return token.text as Operator;
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (word === 'IN') return 'in';
    if (word === 'NOT') {
      this.expectKeyword('IN');
      return 'not in';
    }
    if (word === 'IS') {
      if (this.isKeyword('NOT')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (UNSUPPORTED_OPERATORS.has(word)) {
      throw new JqlError(
        `The operator '${token.text}' is not supported by the sandbox's JQL subset`,
        token.pos,
      );
    }
    this.fail('Expecting an operator such as =, !=, <, >, ~, IN, NOT IN, IS or IS NOT', token);
  }

  private operand(op: Operator): Operand {
    const token = this.peek();
    if (op === 'is' || op === 'is not') {
      if (!this.isKeyword('EMPTY') && !this.isKeyword('NULL'))
        this.fail("Expecting 'EMPTY' or 'NULL'", token);
      this.next();
      return { kind: 'empty', pos: token.pos };
    }
    if ((op === 'in' || op === 'not in') && token.kind === 'lparen') {
      this.next();
      const items: Operand[] = [this.value()];
      while (this.peek().kind === 'comma') {
        this.next();
        items.push(this.value());
      }
      if (this.peek().kind !== 'rparen') this.fail("Expecting ',' or ')'", this.peek());
      this.next();
      return { kind: 'list', items, pos: token.pos };
    }
    return this.value();
  }

  private value(): Operand {
    const token = this.next();
    if (
      token.kind === 'word' &&
      (token.text.toUpperCase() === 'EMPTY' || token.text.toUpperCase() === 'NULL')
    ) {
      return { kind: 'empty', pos: token.pos };
    }
    if (token.kind === 'word' && this.peek().kind === 'lparen') {
      this.next();
      const args: string[] = [];
      while (this.peek().kind !== 'rparen') {
        const arg = this.next();
        if (arg.kind !== 'word' && arg.kind !== 'string')
          this.fail('Expecting a function argument', arg);
        args.push(arg.text);
        if (this.peek().kind === 'comma') this.next();
      }
      this.next();
      return { kind: 'func', name: token.text, args, pos: token.pos };
    }
    if (token.kind === 'word' && KEYWORDS.has(token.text.toUpperCase()))
      this.fail('Expecting a value', token);
    if (token.kind !== 'word' && token.kind !== 'string') this.fail('Expecting a value', token);
    return { kind: 'value', text: token.text, quoted: token.kind === 'string', pos: token.pos };
  }
}
