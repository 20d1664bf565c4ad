import type { SprintEvaluation } from '../../../src/contract/planner';
import { formatShownAmount } from '../../shared/amounts';

const items = (count: number | null) => `${count ?? 0} ${count === 1 ? 'item' : 'items'}`;

/**
 * The active sprint's scope change since its start, as the project page shows it for the same
 * sprint (the backend computes both with one function): work added after the start, committed work
 * removed, and the committed work's re-estimates. Nothing for a sprint that has not started.
 */
export function ScopeChangeSummary({ view }: { view: SprintEvaluation }) {
  const scope = view.scopeChange;
  if (scope === null) return null;
  const basis = view.evaluation.basis;
  if (scope.value === null)
    return (
      <p className="subtlest" data-scope-change="none">
        Scope change since the start: {scope.reason}.
      </p>
    );
  const shown = (value: number | null) => formatShownAmount(value ?? 0, basis);
  const reestimated = scope.reestimated ?? 0;
  return (
    <p
      className="subtle"
      data-scope-change={scope.value}
      data-added={scope.added ?? 0}
      data-removed={scope.removed ?? 0}
    >
      <strong>Scope since the start:</strong> +{shown(scope.added)} added after the start (
      {items(scope.addedCount)}) · −{shown(scope.removed)} removed ({items(scope.removedCount)})
      {reestimated !== 0 &&
        ` · committed work re-estimated ${reestimated > 0 ? '+' : '−'}${shown(Math.abs(reestimated))}`}
      {scope.churnShare !== null && ` · ${Math.round(scope.churnShare * 100)}% churn`}
    </p>
  );
}
