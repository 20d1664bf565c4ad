/**
 * The portfolio's trend arrows: whether a figure rose, fell or held between the last two periods
 * (sprints, or 4-week windows without a board), and whether that is good news. One definition for
 * every arrow, so toil, debt and the four DORA keys are judged alike.
 *
 * A change smaller than `tolerance` of the earlier value (default 5 %, and never less than
 * `floor`) is "flat": sprint-to-sprint noise should not paint an arrow. Which direction is better
 * is the figure's own: more deployments a week is better; longer lead time, a higher change failure
 * rate, a longer restore and a higher toil share are worse (DORA 2023; Google SRE book ch. 5). Debt
 * work is judged against its 10–20 % guideline: moving toward the band is better.
 */
export type TrendDirection = 'up' | 'down' | 'flat';

export interface Trend {
  readonly direction: TrendDirection;
  /** True when the change is good news, false when bad, null when flat. */
  readonly better: boolean | null;
  readonly previous: number;
  readonly current: number;
}

export type Preference = 'higher' | 'lower' | { readonly within: { min: number; max: number } };

const distanceToBand = (value: number, band: { min: number; max: number }) =>
  value < band.min ? band.min - value : value > band.max ? value - band.max : 0;

/** Null when either value is missing: no arrow without two figures. */
export function trendOf(
  previous: number | null,
  current: number | null,
  prefer: Preference,
  options: { tolerance?: number; floor?: number } = {},
): Trend | null {
  if (previous === null || current === null) return null;
  if (!Number.isFinite(previous) || !Number.isFinite(current)) return null;
  const { tolerance = 0.05, floor = 1e-9 } = options;
  const delta = current - previous;
  const threshold = Math.max(Math.abs(previous) * tolerance, floor);
  if (Math.abs(delta) < threshold) return { direction: 'flat', better: null, previous, current };
  const direction: TrendDirection = delta > 0 ? 'up' : 'down';
  let better: boolean | null;
  if (prefer === 'higher') better = delta > 0;
  else if (prefer === 'lower') better = delta < 0;
  else {
    const before = distanceToBand(previous, prefer.within);
    const after = distanceToBand(current, prefer.within);
    better = after === before ? null : after < before;
  }
  return { direction, better, previous, current };
}
