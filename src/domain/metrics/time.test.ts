import { describe, expect, it } from 'vitest';
import { hoursBetween, toMs, utcMonthNumber, utcMonthStart, utcWeekStart } from './time';

describe('time helpers', () => {
  it.each([
    ['a UTC timestamp', '2026-03-02T10:00:00Z', Date.UTC(2026, 2, 2, 10)],
    ['a timestamp with an offset', '2026-03-02T12:00:00+02:00', Date.UTC(2026, 2, 2, 10)],
    ['null', null, undefined],
    ['an empty string', '', undefined],
    ['nonsense', 'yesterday', undefined],
    ["Jira's offset without a colon", '2026-03-02T10:00:00.000+0000', Date.UTC(2026, 2, 2, 10)],
    ['a time without seconds, with a zone', '2026-03-02T10:00Z', Date.UTC(2026, 2, 2, 10)],
    ['a time without a zone (server-dependent, so refused)', '2026-03-02T10:00:00', undefined],
    ['a date without a time (refused)', '2026-03-02', undefined],
  ])('reads %s', (_name, iso, expected) => {
    expect(toMs(iso)).toBe(expected);
  });

  it.each([
    ['a Monday morning', '2026-03-02T10:00:00Z', '2026-03-02T00:00:00.000Z'],
    ['a Sunday night', '2026-03-08T23:59:59Z', '2026-03-02T00:00:00.000Z'],
    ['a Thursday before 1970', '1969-12-25T12:00:00Z', '1969-12-22T00:00:00.000Z'],
  ])('starts the week of %s on Monday UTC', (_name, iso, expected) => {
    expect(new Date(utcWeekStart(toMs(iso)!)).toISOString()).toBe(expected);
  });

  it.each([
    ['December 2026', Date.UTC(2026, 11, 31, 23), '2027-01-01T00:00:00.000Z'],
    ['November 1969', Date.UTC(1969, 10, 15), '1969-12-01T00:00:00.000Z'],
  ])('numbers the month of %s and finds the next one', (_name, ms, next) => {
    expect(new Date(utcMonthStart(utcMonthNumber(ms) + 1)).toISOString()).toBe(next);
  });

  it('measures hours', () => {
    expect(hoursBetween(0, 5_400_000)).toBe(1.5);
  });
});
