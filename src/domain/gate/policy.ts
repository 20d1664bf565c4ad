/**
 * The error-budget policy as data, agreed in advance and editable per project. What comes from the
 * SRE Workbook's "Example Error Budget Policy" (appendix B): the freeze once the budget is spent ("If
 * the service has exceeded its error budget for the preceding four-week window, we will halt all
 * changes and releases other than P0 issues or security fixes until the service is back within its
 * SLO") and the postmortem for an incident spending more than 20% of the budget. The rest are
 * Ballast's own defaults, not the Workbook's: AT_RISK below 25% remaining or while an alert fires,
 * and leaving FROZEN only at 5% remaining held for 24 hours (the Workbook says "back within its SLO"
 * and gives no hysteresis).
 */
import type { AlertSeverity } from '../slo/alert-table';
import { HOUR_MS, type DurationMs } from '../slo/duration';

export interface ErrorBudgetPolicy {
  /** FROZEN when budget remaining ≤ this (0: the budget is spent). */
  readonly freezeAtOrBelow: number;
  /** AT_RISK when budget remaining < this (Ballast's default 25%). */
  readonly atRiskBelow: number;
  /** Firing alerts of these severities make the SLO AT_RISK (default ticket and page). */
  readonly atRiskOnAlerts: readonly AlertSeverity[];
  /** Leaving FROZEN needs remaining ≥ this (Ballast's default 5%)… */
  readonly unfreezeAtOrAbove: number;
  /** …held for at least this long (Ballast's default 24h), so the gate does not flap. */
  readonly unfreezeHold: DurationMs;
  /** NO_DATA when reported intervals cover less than this share of the window (0: only no events). */
  readonly minDataCoverage: number;
  /** An incident spending more than this share of the budget needs a postmortem (Workbook: 20%). */
  readonly postmortemBudgetShare: number;
}

export const DEFAULT_POLICY: ErrorBudgetPolicy = {
  freezeAtOrBelow: 0,
  atRiskBelow: 0.25,
  atRiskOnAlerts: ['ticket', 'page'],
  unfreezeAtOrAbove: 0.05,
  unfreezeHold: 24 * HOUR_MS,
  minDataCoverage: 0,
  postmortemBudgetShare: 0.2,
};

/** A policy problem, naming the field and what is allowed. */
export function checkPolicy(policy: ErrorBudgetPolicy): readonly string[] {
  const problems: string[] = [];
  const fraction = (field: keyof ErrorBudgetPolicy, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) {
      problems.push(`policy.${field} is ${value}; allowed: a number from ${min} to ${max}`);
    }
  };
  fraction('freezeAtOrBelow', policy.freezeAtOrBelow, -10, 1);
  fraction('atRiskBelow', policy.atRiskBelow, 0, 1);
  fraction('unfreezeAtOrAbove', policy.unfreezeAtOrAbove, -10, 1);
  fraction('minDataCoverage', policy.minDataCoverage, 0, 1);
  fraction('postmortemBudgetShare', policy.postmortemBudgetShare, 0, 1);
  if (!Number.isFinite(policy.unfreezeHold) || policy.unfreezeHold < 0) {
    problems.push(`policy.unfreezeHold is ${policy.unfreezeHold}; allowed: milliseconds ≥ 0`);
  }
  if (policy.unfreezeAtOrAbove < policy.freezeAtOrBelow) {
    problems.push(
      'policy.unfreezeAtOrAbove must be ≥ policy.freezeAtOrBelow, or the gate would flap',
    );
  }
  return problems;
}
