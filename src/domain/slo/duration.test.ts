import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, formatDuration, parseDuration } from './duration';

describe('durations', () => {
  it.each([
    ['5m', 5 * MINUTE_MS],
    ['1h', HOUR_MS],
    ['28d', 28 * DAY_MS],
    ['2w', 14 * DAY_MS],
    ['0d', null],
    ['1.5h', null],
    ['30s', null],
    ['1M', null],
  ])('parses %j as %s ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    [5 * MINUTE_MS, '5m'],
    [90 * MINUTE_MS, '90m'],
    [6 * HOUR_MS, '6h'],
    [72 * HOUR_MS, '3d'],
    [30 * DAY_MS, '30d'],
  ])('writes %i ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
