import { describe, expect, it } from 'vitest';
import { forgeId } from './forge-id';

describe('forgeId', () => {
  it.each([
    ['"6" (the documented string form)', '6', 6],
    ['10216 (a JSON number, as the value function sends)', 10216, 10216],
  ])('reads %s', (_what, input, expected) => {
    expect(forgeId.parse(input)).toBe(expected);
  });

  it.each([
    ['an empty string (coercion would make it 0)', ''],
    ['a padded string', ' 7 '],
    ['a leading zero', '07'],
    ['a boolean (coercion would make it 1)', true],
    ['a decimal', 1.5],
    ['zero', 0],
    ['an exponent', '1e3'],
    ['more digits than a safe integer holds', '9007199254740993'],
  ])('refuses %s', (_what, input) => {
    expect(forgeId.safeParse(input).error?.issues[0]?.message).toBe(
      'must be a string of digits (or a positive whole number)',
    );
  });
});
