import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from './iso-parse';

describe('reading ISO-8601 instants quickly', () => {
  it.each([
    ['UTC', '2026-03-02T10:00:00Z'],
    ['milliseconds', '2026-03-02T10:00:00.123Z'],
    ['a positive offset', '2026-03-02T12:30:00+02:30'],
    ['a negative offset with milliseconds', '2026-03-01T23:59:59.999-05:00'],
    ['a leap day', '2024-02-29T00:00:00Z'],
    ["Jira's offset without a colon", '2026-03-02T10:00:00.000+0530'],
    ['before 1970', '1969-07-20T20:17:40Z'],
  ])('agrees with Date.parse on %s', (_name, text) => {
    expect(parseIsoInstant(text)).toBe(Date.parse(text));
  });

  it.each([
    ['a date without time', '2026-03-02'],
    ['no offset (local time is ambiguous)', '2026-03-02T10:00:00'],
    ['February 30', '2026-02-30T10:00:00Z'],
    ['a leap day in a common year', '2026-02-29T10:00:00Z'],
    ['hour 24', '2026-03-02T24:00:00Z'],
    ['letters', '2026-0a-02T10:00:00Z'],
    ['trailing text', '2026-03-02T10:00:00Zx'],
    ['a malformed offset', '2026-03-02T10:00:00+2:00'],
  ])('declines %s', (_name, text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });

  it('agrees with Date.parse on any instant from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseIsoInstant(text)).toBe(ms);
      }),
    );
  });
});
