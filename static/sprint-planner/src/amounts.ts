/**
 * How the planner writes the backend's numbers: amounts in the policy's unit (points, items, hours)
 * and shares in percent, rounded for reading. Formatting only — every value comes computed.
 */
import type { SprintPlanEvaluation } from '../../../src/contract/planner';

type Basis = SprintPlanEvaluation['basis'];
type Violation = SprintPlanEvaluation['violations'][number];

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "40 pts", "1 item", "7.5 h" (original estimates come in seconds). */
export function formatAmount(amount: number, basis: Basis): string {
  switch (basis) {
    case 'storyPoints':
      return `${number.format(amount)} ${amount === 1 ? 'pt' : 'pts'}`;
    case 'issueCount':
      return `${number.format(amount)} ${amount === 1 ? 'item' : 'items'}`;
    case 'originalEstimate':
      return `${number.format(amount / 3600)} h`;
  }
}

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${number.format(share)}%`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  feature: 'Feature',
  debt: 'Debt',
  toil: 'Toil',
  reliability: 'Reliability',
};

/** A violation in words, from its fields (the backend's own message keeps six decimals). */
export function violationText(violation: Violation, basis: Basis): string {
  if (violation.kind === 'capacity')
    return violation.bufferOverflow > 0
      ? `Planned work is ${formatAmount(violation.amount, basis)} over the ${formatAmount(violation.plannable, basis)} left for it: with the work added after the start, the sprint holds ${formatAmount(violation.sprintTotal, basis)} against a capacity of ${formatAmount(violation.capacity, basis)}.`
      : `Planned work is ${formatAmount(violation.amount, basis)} over the ${formatAmount(violation.plannable, basis)} available after the buffer.`;
  const edge = violation.direction === 'over' ? 'maximum' : 'minimum';
  return `${TYPE_NAMES[violation.type] ?? violation.type} is ${formatAmount(violation.amount, basis)} ${violation.direction} its ${edge} of ${formatAmount(violation.limit, basis)} (${violation.limitShare}% of capacity).`;
}

/**
 * The engine's sentences carry amounts to six decimals ("59.366667 points"); people read one.
 * Only numbers with three or more decimals are rounded, so keys and whole amounts stay as they are.
 */
export function readableNumbers(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (n) => number.format(Number(n)));
}
