import { describe, expect, it } from 'vitest';
import { trendOf } from './trend-direction';

describe('trendOf', () => {
  it.each([
    ['more deployments a week is better', 2, 3, 'higher' as const, 'up', true],
    ['a longer lead time is worse', 10, 20, 'lower' as const, 'up', false],
    ['a lower change failure rate is better', 0.2, 0.1, 'lower' as const, 'down', true],
    ['a change under 5 % of the earlier value is flat', 100, 104, 'lower' as const, 'flat', null],
    ['a change of exactly 5 % is not flat', 100, 105, 'lower' as const, 'up', false],
  ])('%s', (_name, previous, current, prefer, direction, better) => {
    expect(trendOf(previous, current, prefer)).toEqual({ direction, better, previous, current });
  });

  it('judges debt by the distance to its band: 5 % → 12 % moves into 10–20 %, better', () => {
    expect(trendOf(0.05, 0.12, { within: { min: 0.1, max: 0.2 } })).toEqual({
      direction: 'up',
      better: true,
      previous: 0.05,
      current: 0.12,
    });
  });

  it('calls a move within the band neither better nor worse', () => {
    expect(trendOf(0.12, 0.18, { within: { min: 0.1, max: 0.2 } })?.better).toBeNull();
  });

  it('draws no arrow without both figures', () => {
    expect(trendOf(null, 3, 'higher')).toBeNull();
    expect(trendOf(3, null, 'higher')).toBeNull();
  });

  it('treats a rise from zero by the floor, not by a percentage of zero', () => {
    expect(trendOf(0, 0.01, 'lower', { floor: 0.005 })?.direction).toBe('up');
    expect(trendOf(0, 0.001, 'lower', { floor: 0.005 })?.direction).toBe('flat');
  });
});
