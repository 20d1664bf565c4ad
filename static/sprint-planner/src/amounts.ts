/**
 * How the planner writes the backend's numbers: amounts in the policy's unit (points, items, hours)
 * and shares in percent, rounded for reading. Formatting only — every value comes computed.
 */
import type { SprintPlanEvaluation } from '../../../src/contract/planner';
import { formatAmount } from '../../shared/amounts';

type Basis = SprintPlanEvaluation['basis'];
type Violation = SprintPlanEvaluation['violations'][number];

export { formatAmount, readableNumbers } from '../../shared/amounts';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

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
