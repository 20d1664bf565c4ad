import type { CapacityBasis } from './sprint-item';

/**
 * Rounds away binary-float noise (40 × 0.55 = 22.000000000000004) in amounts we report. Six decimals
 * keep every real estimate exact: points are at most tenths, seconds are whole.
 */
export function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Shares are reported in percent to two decimals; compliance is decided on amounts, not these. */
export function shareOf(amount: number, capacity: number): number | null {
  if (capacity <= 0) return null;
  return Math.round((amount / capacity) * 10_000) / 100;
}

/** Tolerance for comparing amounts against limits, in basis units. */
export const AMOUNT_EPSILON = 1e-6;

/** The unit every screen labels amounts of a basis with: pts, items or hours. */
export type BasisUnit = 'points' | 'items' | 'hours';

export function basisUnit(basis: CapacityBasis): BasisUnit {
  return basis === 'storyPoints' ? 'points' : basis === 'issueCount' ? 'items' : 'hours';
}

/**
 * An amount in its basis unit as shown: original estimates are seconds (Jira's REST API) and shown
 * in hours to two decimals, as formatAmount writes them; points and items unchanged (tidied).
 */
export function inBasisUnit(amount: number, basis: CapacityBasis): number {
  return basis === 'originalEstimate' ? Math.round((amount / 3600) * 100) / 100 : tidy(amount);
}

/**
 * "12 points", "3 items", "7.5 h" — for messages people read (the planner, the audit log, sprint
 * comments): rounded to one decimal as the planner writes amounts (static/sprint-planner/src/
 * amounts.ts), so a stored message never says 8.966667 points; hours to two decimals. The numbers in
 * results stay in basis units, unrounded.
 */
export function formatAmount(amount: number, basis: CapacityBasis): string {
  const value = Math.round(amount * 10) / 10;
  switch (basis) {
    case 'storyPoints':
      return `${value} ${value === 1 ? 'point' : 'points'}`;
    case 'issueCount':
      return `${value} ${value === 1 ? 'item' : 'items'}`;
    case 'originalEstimate':
      return `${Math.round((amount / 3600) * 100) / 100} h`;
  }
}
