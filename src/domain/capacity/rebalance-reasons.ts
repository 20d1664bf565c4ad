import type { WorkType } from '../work/work-type';
import { formatAmount } from './amounts';
import type { SprintPlanEvaluation, SprintPlanInput } from './evaluate-sprint-plan';
import { isExempt } from './exemption';
import { isUnplanned } from './plan-items';
import { sizeOf, type SprintItem } from './sprint-item';
import type { Violation } from './violations';

/**
 * Why the best plan the rebalance found still breaks the policy, one sentence per remaining
 * violation, naming what blocks it (exempt items, started or Done work of a running sprint, an empty
 * or unfitting backlog) so the Product Owner knows what to change: the policy, the backlog, or an
 * override with a reason.
 */
export function explainNonCompliance(
  after: SprintPlanEvaluation,
  planItems: readonly SprintItem[],
  pullable: readonly SprintItem[],
  input: SprintPlanInput,
  held: ReadonlySet<SprintItem> = new Set(),
): string[] {
  const { policy } = input;
  const amount = (value: number): string => formatAmount(value, policy.basis);
  const committed = planItems.filter((item) => !isUnplanned(item, input.startedAt));
  const stays = (item: SprintItem, withExempt: boolean): boolean =>
    held.has(item) || (withExempt && isExempt(item, policy.exemption));
  const fixedAmount = (type: WorkType | null, withExempt: boolean): number =>
    committed
      .filter((item) => (type === null || item.type === type) && stays(item, withExempt))
      .reduce((sum, item) => sum + sizeOf(item, policy.basis), 0);
  const what =
    held.size === 0
      ? 'exempt items, which never move,'
      : 'exempt items and the work that has started or is Done, which stay,';
  const left =
    held.size === 0 ? 'exempt' : 'exempt, started or Done (they stay in a running sprint)';

  return after.violations.map((violation: Violation) => {
    if (violation.kind === 'capacity') {
      const fixed = fixedAmount(null, true);
      return fixed > violation.plannable
        ? `${violation.message}: ${what} alone are ${amount(fixed)}`
        : `${violation.message}: the items left are ${left} or keep their type at its minimum`;
    }
    const { type } = violation;
    if (violation.direction === 'over') {
      const fixed = fixedAmount(type, after.targets.targets[type].exemptItemsCount);
      return fixed > violation.limit
        ? `${violation.message}: its ${what} alone are ${amount(fixed)}`
        : `${violation.message}: the ${type} items left are ${left} or cannot move without putting ${type} under its minimum`;
    }
    const available = pullable.filter((item) => item.type === type).length;
    return available === 0
      ? `${violation.message}: the backlog has no estimated, non-exempt ${type} item to pull in`
      : `${violation.message}: none of the ${available} estimated ${type} backlog items fits within ${type}'s maximum and the capacity left after the buffer`;
  });
}
