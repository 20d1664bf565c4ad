import { describe, expect, it } from 'vitest';
import { hoursBetween, toMs, utcDayNumber } from './time';

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
    ['the first instant of a day', '2026-03-02T00:00:00Z', 20514],
    ['its last instant', '2026-03-02T23:59:59Z', 20514],
    ['a day before 1970', '1969-12-31T12:00:00Z', -1],
  ])('numbers the UTC day of %s', (_name, iso, day) => {
    expect(utcDayNumber(toMs(iso)!)).toBe(day);
  });

  it('measures hours', () => {
    expect(hoursBetween(0, 5_400_000)).toBe(1.5);
  });
});
