/**
 * The scope-change figure as the screens show it (contract ScopeChangeView), in the basis's unit:
 * one conversion for the project page's sprint rows and the sprint planner (issue #17).
 */
import type { CapacityBasis } from '../../domain/capacity';
import { basisUnit, inBasisUnit } from '../../domain/capacity/amounts';
import type { scopeChange } from '../../domain/metrics';
import type { ScopeChangeView } from '../../contract/project-page';
import { figure } from './figure';

export function scopeChangeView(
  scope: ReturnType<typeof scopeChange>,
  basis: CapacityBasis,
): ScopeChangeView {
  const shown = (amount: number): number => inBasisUnit(amount, basis);
  const base = figure(scope);
  const inUnit = {
    ...base,
    unit: basisUnit(basis),
    value: base.value === null ? null : shown(base.value),
  };
  if (scope.status !== 'ok')
    return {
      ...inUnit,
      added: null,
      addedCount: null,
      removed: null,
      removedCount: null,
      reestimated: null,
      churnShare: null,
    };
  return {
    ...inUnit,
    added: shown(scope.added.points),
    addedCount: scope.added.count,
    removed: shown(scope.removed.points),
    removedCount: scope.removed.count,
    reestimated: shown(scope.reestimated),
    churnShare: scope.churnShare,
  };
}
