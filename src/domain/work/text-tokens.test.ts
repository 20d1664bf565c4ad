import { describe, expect, it } from 'vitest';
import { containsPhrase, tokenize } from './text-tokens';

describe('tokenize', () => {
  it.each([
    ['Post-mortem: DB failover', ['post', 'mortem', 'db', 'failover']],
    ['  ', []],
    ['Straße über 3 Knoten', ['straße', 'über', '3', 'knoten']],
  ])('splits %j into %j', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });
});

describe('containsPhrase', () => {
  it.each([
    ['a single word that is present', ['fix', 'on', 'call', 'rota'], ['call'], true],
    ['a phrase in order', ['fix', 'on', 'call', 'rota'], ['on', 'call'], true],
    ['a phrase out of order', ['fix', 'call', 'on', 'rota'], ['on', 'call'], false],
    ['an empty phrase', ['fix'], [], false],
  ])('finds %s: %s', (_name, tokens, phrase, expected) => {
    expect(containsPhrase(tokens, phrase)).toBe(expected);
  });
});
