import { describe, expect, it } from 'vitest';
import { rawValuesIn } from './raw-values';

describe('the raw-value scan', () => {
  it.each([
    [
      'until 2026-11-20T16:00:34.198Z under an override',
      'iso-timestamp',
      '2026-11-20T16:00:34.198Z',
    ],
    ['at 2026-11-20T16:00', 'iso-timestamp', '2026-11-20T16:00'],
    ['by acc-ada-admin: launch', 'account-id', 'acc-ada-admin'],
    ['by 5b10ac8d82e05b22cc7d4ef5', 'account-id', '5b10ac8d82e05b22cc7d4ef5'],
    [
      'by 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
      'account-id',
      '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
    ],
    ['feature 8.966667 pts over', 'long-float', '8.966667'],
    ['a share of 0.1234%', 'long-float', '0.1234'],
    ['-135.5555 left', 'long-float', '-135.5555'],
  ])('flags %j', (text, kind, value) => {
    expect(rawValuesIn(text)).toEqual([{ kind, text: value }]);
  });

  it.each([
    'Frozen since 20 Nov 2026, 12:00 by Ada Okafor',
    'Budget left -135.6%, burn rate 0.93× over 3 days',
    'SLI 99.915% against 99.9%',
    'SHOP Sprint 9 · 78.7 pts · 1,234 items · v1.2.3',
    'Nov 20, 2026, 04:30 AM',
  ])('lets %j pass', (text) => {
    expect(rawValuesIn(text)).toEqual([]);
  });
});
