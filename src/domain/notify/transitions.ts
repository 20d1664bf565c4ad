/**
 * Which changes are worth a notice: one per transition, never one per roll-up (issue #22 item 3).
 * The caller keeps the last notified state and passes it in; these functions only decide.
 */
import { GATE_SEVERITY, type GateState } from '../gate/gate-state';
import type { AlertSeverity } from '../slo/alert-table';

/**
 * A notice is due when the gate is in another state than the one last notified. The first time a
 * project is watched (`notified` null) only AT_RISK and FROZEN are news: a team turning
 * notifications on while its budget is spent learns it at once, and a healthy project or one
 * without data yet is not announced.
 */
export function gateNoticeDue(notified: GateState | null, now: GateState): boolean {
  if (notified === null) return GATE_SEVERITY[now] >= GATE_SEVERITY.AT_RISK;
  return notified !== now;
}

export interface AlertFiring {
  readonly severity: AlertSeverity;
  readonly firing: boolean;
}

/**
 * The severities whose alert started: firing now (any rule of that severity) and not at the last
 * roll-up. An alert that keeps firing is one notice; one that stops and fires again is a second.
 * `before` null: no earlier roll-up, so whatever fires now started now.
 */
export function startedSeverities(
  before: readonly AlertFiring[] | null,
  now: readonly AlertFiring[],
): AlertSeverity[] {
  const firing = (alerts: readonly AlertFiring[] | null, severity: AlertSeverity) =>
    (alerts ?? []).some((a) => a.severity === severity && a.firing);
  return (['page', 'ticket'] as const).filter(
    (severity) => firing(now, severity) && !firing(before, severity),
  );
}
