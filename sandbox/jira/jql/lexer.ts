/**
 * Tokenizer for the sandbox's JQL subset. Positions are 1-based characters, as in Jira's own
 * messages ("… (line 1, character 14)").
 */
export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The text without quotes for strings; upper-cased keywords are recognised by the parser. */
  text: string;
  pos: number;
}

export class JqlError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(`${message} (line 1, character ${pos})`);
  }
}

/** Characters allowed in an unquoted word: keys, names, dates, relative dates, property paths. */
const WORD_CHAR = /[A-Za-z0-9_.\-+[\]:/]/;
const OPERATORS = ['!=', '>=', '<=', '!~', '=', '>', '<', '~', '&&', '||', '!'];

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    const pos = i + 1;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, pos });
      i += 1;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i += 1;
      while (i < input.length && input[i] !== ch) {
        if (input[i] === '\\' && i + 1 < input.length) i += 1;
        text += input[i] as string;
        i += 1;
      }
      if (i >= input.length)
        throw new JqlError(`The quoted string starting with ${ch} is not closed`, pos);
      i += 1;
      tokens.push({ kind: 'string', text, pos });
    } else {
      const op = OPERATORS.find((o) => input.startsWith(o, i));
      // '-' is no operator here: it starts a relative date such as -30d.
      if (op !== undefined) {
        tokens.push({ kind: 'op', text: op, pos });
        i += op.length;
        continue;
      }
      if (!WORD_CHAR.test(ch)) throw new JqlError(`The character '${ch}' is not allowed here`, pos);
      let text = '';
      while (i < input.length && WORD_CHAR.test(input[i] as string)) {
        text += input[i] as string;
        i += 1;
      }
      tokens.push({ kind: 'word', text, pos });
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: input.length + 1 });
  return tokens;
}
