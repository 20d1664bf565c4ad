import { describe, expect, it } from 'vitest';
import { hoursBetween, toMs, utcMonthNumber, utcMonthStart, utcWeekStart } from './time';

describe('time helpers', () => {
  it.each([
    ['a UTC timestamp', '2026-03-02T10:00:00Z', Date.UTC(2026, 2, 2, 10)],
    ['a timestamp with an offset', '2026-03-02T12:00:00+02:00', Date.UTC(2026, 2, 2, 10)],
    ['null', null, undefined],
    ['an empty string', '', undefined],
    ['nonsense', 'yesterday', undefined],
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

  it('numbers months and finds their start', () => {
    const month = utcMonthNumber(Date.UTC(2026, 11, 31, 23));
    expect(new Date(utcMonthStart(month + 1)).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('measures hours', () => {
    expect(hoursBetween(0, 5_400_000)).toBe(1.5);
  });
});
