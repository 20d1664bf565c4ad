import { describe, expect, it } from 'vitest';
import { clip, percentTicks, shortLabels } from './chart-labels';
import { formatAge, formatValue, percent } from './format';
import { subpageOf } from './routes';

describe('formatting', () => {
  it.each([
    [0.9, 'ratio', '90%'],
    [0.125, 'ratio', '13%'],
    [78.6667, 'points', '78.7 pts'],
    [40, 'points', '40 pts'],
    [0.5, 'hours', '30 min'],
    [5.9, 'hours', '5.9 h'],
    [72, 'hours', '3 days'],
    [2.5, 'days-per-week', '2.5 days/week'],
  ] as const)('writes %s %s as %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('writes a missing share as a dash', () => {
    expect(percent(null)).toBe('—');
  });

  it('says how long ago the figures were computed', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(formatAge('2026-11-20T11:59:50Z', now)).toBe('just now');
    expect(formatAge('2026-11-20T11:00:00Z', now)).toBe('1 hour ago');
    expect(formatAge('2026-11-20T09:00:00Z', now)).toBe('3 hours ago');
  });
});

describe('chart labels', () => {
  it.each([
    [0.0005, 0.9995, '99.95%'],
    [0.001, 0.999, '99.9%'],
    [0.002, 0.998, '99.8%'],
    [0.05, 0.85, '85%'],
    [0.25, 0.5, '50%'],
  ])('writes ticks %s apart with the decimals they need (%s → %s)', (step, value, text) => {
    expect(percentTicks(step)(value)).toBe(text);
  });

  it('clips long axis labels with an ellipsis', () => {
    expect(clip('Sprint 10')).toBe('Sprint 10');
    expect(clip('Checkout sprint')).toBe('Checkout…');
  });

  it('drops the words every sprint name shares, keeping the last one', () => {
    expect(shortLabels(['SHOP Sprint 1', 'SHOP Sprint 10'])).toEqual(['Sprint 1', 'Sprint 10']);
    expect(shortLabels(['Alpha', 'Beta'])).toEqual(['Alpha', 'Beta']);
  });
});

describe('routes', () => {
  it('maps each subpage route, and anything else to the overview', () => {
    expect(subpageOf('/toil-debt').key).toBe('project/toilDebt');
    expect(subpageOf('/incidents/').key).toBe('project/incidents');
    expect(subpageOf('/nope').key).toBe('project/overview');
  });
});
