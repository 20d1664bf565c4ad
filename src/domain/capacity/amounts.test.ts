import { describe, expect, it } from 'vitest';
import { formatAmount } from './amounts';

describe('amounts in messages', () => {
  it.each([
    [8.966667, 'storyPoints', '9 points'],
    [39.33333, 'storyPoints', '39.3 points'],
    [1, 'storyPoints', '1 point'],
    [0.04, 'storyPoints', '0 points'],
    [3, 'issueCount', '3 items'],
    [27_000, 'originalEstimate', '7.5 h'],
    [10_000, 'originalEstimate', '2.78 h'],
  ] as const)('writes %s in %s as "%s", as a person reads it', (amount, basis, text) => {
    expect(formatAmount(amount, basis)).toBe(text);
  });
});
