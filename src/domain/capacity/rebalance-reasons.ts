import type { WorkType } from '../work/work-type';
import { formatAmount } from './amounts';
import type { SprintPlanEvaluation, SprintPlanInput } from './evaluate-sprint-plan';
import { isExempt } from './exemption';
import { isUnplanned } from './plan-items';
import { sizeOf, type SprintItem } from './sprint-item';
import type { Violation } from './violations';

/**
 * Why the best plan the rebalance found still breaks the policy, one sentence per remaining
 * violation, naming what blocks it (exempt items, an empty or unfitting backlog) so the Product
 * Owner knows what to change: the policy, the backlog, or an override with a reason.
 */
export function explainNonCompliance(
  after: SprintPlanEvaluation,
  planItems: readonly SprintItem[],
  pullable: readonly SprintItem[],
  input: SprintPlanInput,
): string[] {
  const { policy } = input;
  const amount = (value: number): string => formatAmount(value, policy.basis);
  const committed = planItems.filter((item) => !isUnplanned(item, input.startedAt));
  const exemptAmount = (type: WorkType | null): number =>
    committed
      .filter((item) => (type === null || item.type === type) && isExempt(item, policy.exemption))
      .reduce((sum, item) => sum + sizeOf(item, policy.basis), 0);

  return after.violations.map((violation: Violation) => {
    if (violation.kind === 'capacity') {
      const fixed = exemptAmount(null);
      return fixed > violation.plannable
        ? `${violation.message}: exempt items, which never move, alone are ${amount(fixed)}`
        : `${violation.message}: the items left are exempt or keep their type at its minimum`;
    }
    const { type } = violation;
    if (violation.direction === 'over') {
      const fixed = after.targets.targets[type].exemptItemsCount ? exemptAmount(type) : 0;
      return fixed > violation.limit
        ? `${violation.message}: its exempt items, which never move, alone are ${amount(fixed)}`
        : `${violation.message}: the ${type} items left are exempt or cannot move without putting ${type} under its minimum`;
    }
    const available = pullable.filter((item) => item.type === type).length;
    return available === 0
      ? `${violation.message}: the backlog has no estimated, non-exempt ${type} item to pull in`
      : `${violation.message}: none of the ${available} estimated ${type} backlog items fits within ${type}'s maximum and the capacity left after the buffer`;
  });
}
