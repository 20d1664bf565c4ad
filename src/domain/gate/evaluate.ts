/**
 * The policy rules without memory: which state the SLO's current figures call for, and why.
 * Hysteresis (leaving FROZEN) lives in transition.ts.
 */
import type { AlertSeverity } from '../slo/alert-table';
import type { SloStatus } from '../slo/status';
import type { GateState } from './gate-state';
import type { ErrorBudgetPolicy } from './policy';

/** What the policy looks at, taken from an SLO status. */
export interface PolicyInput {
  readonly budgetRemaining: number | null;
  readonly dataCoverage: number;
  readonly firingAlerts: readonly AlertSeverity[];
}

export type GateRule =
  | 'no-data'
  | 'low-coverage'
  | 'budget-exhausted'
  | 'frozen-until-recovered'
  | 'budget-low'
  | 'alert-firing'
  | 'within-budget'
  | 'no-slos';

export interface GateReason {
  readonly rule: GateRule;
  /** For people: what was measured against which threshold. */
  readonly message: string;
}

export interface Evaluation {
  readonly state: GateState;
  readonly reasons: readonly GateReason[];
}

export function policyInputOf(status: SloStatus): PolicyInput {
  return {
    budgetRemaining: status.budgetRemaining,
    dataCoverage: status.dataCoverage,
    firingAlerts: status.alerts.filter((a) => a.firing).map((a) => a.severity),
  };
}

/**
 * The state evaluatePolicy gives, without its reasons: the policy replay asks this at every step
 * but the last, where formatting the messages would cost more than the figures (issue #25).
 */
export function policyStateOf(input: PolicyInput, policy: ErrorBudgetPolicy): GateState {
  const remaining = input.budgetRemaining;
  if (remaining === null || input.dataCoverage < policy.minDataCoverage) return 'NO_DATA';
  if (remaining <= policy.freezeAtOrBelow) return 'FROZEN';
  if (remaining < policy.atRiskBelow) return 'AT_RISK';
  if (input.firingAlerts.some((s) => policy.atRiskOnAlerts.includes(s))) return 'AT_RISK';
  return 'HEALTHY';
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function evaluatePolicy(input: PolicyInput, policy: ErrorBudgetPolicy): Evaluation {
  const remaining = input.budgetRemaining;
  if (remaining === null) {
    return {
      state: 'NO_DATA',
      reasons: [{ rule: 'no-data', message: 'the window has no events' }],
    };
  }
  if (input.dataCoverage < policy.minDataCoverage) {
    const message = `data covers ${pct(input.dataCoverage)} of the window, below ${pct(policy.minDataCoverage)}`;
    return { state: 'NO_DATA', reasons: [{ rule: 'low-coverage', message }] };
  }
  if (remaining <= policy.freezeAtOrBelow) {
    const message = `budget remaining ${pct(remaining)} is at or below ${pct(policy.freezeAtOrBelow)}`;
    return { state: 'FROZEN', reasons: [{ rule: 'budget-exhausted', message }] };
  }
  const reasons: GateReason[] = [];
  if (remaining < policy.atRiskBelow) {
    reasons.push({
      rule: 'budget-low',
      message: `budget remaining ${pct(remaining)} is below ${pct(policy.atRiskBelow)}`,
    });
  }
  const alerting = [
    ...new Set(input.firingAlerts.filter((s) => policy.atRiskOnAlerts.includes(s))),
  ];
  if (alerting.length > 0) {
    reasons.push({
      rule: 'alert-firing',
      message: `burn-rate alert firing: ${alerting.join(', ')}`,
    });
  }
  if (reasons.length > 0) return { state: 'AT_RISK', reasons };
  return {
    state: 'HEALTHY',
    reasons: [{ rule: 'within-budget', message: `budget remaining ${pct(remaining)}` }],
  };
}
