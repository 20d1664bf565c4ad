/**
 * The gate in true words (issue #18): what the project's error-budget gate says on every screen —
 * the planner's banner, the issue panel and the project page all show this statement. Each sentence
 * states the policy's actual rule (the figures of `ErrorBudgetPolicy`, policy.ts) that put the SLO
 * in its state, the rule that takes it out, and the figure now, so the words cannot contradict the
 * numbers beside them. The rules are the ones `policyStateOf` and `nextPolicyState` apply
 * (evaluate.ts, transition.ts): FROZEN at or below `freezeAtOrBelow`, AT_RISK below `atRiskBelow`
 * or while an alert of `atRiskOnAlerts` fires, and out of FROZEN only at `unfreezeAtOrAbove` held
 * for `unfreezeHold`. Dates stay instants: the UI writes them in the viewer's locale and time zone.
 */
import type { AlertSeverity } from '../slo/alert-table';
import { HOUR_MS, type Instant } from '../slo/duration';
import { GATE_SEVERITY, type GateState } from './gate-state';
import type { ErrorBudgetPolicy } from './policy';

/** One linked SLO's figures as the gate reads them (its stored status and policy memory). */
export interface SloGateFigures {
  /** The SLO as people name it. */
  readonly slo: string;
  readonly state: GateState;
  /** When the SLO entered `state`; null when no status was rolled up. */
  readonly since: Instant | null;
  /** Share of the budget left now, 0–1 (negative when overspent); null without data. */
  readonly budgetRemaining: number | null;
  /** While FROZEN: since when the budget has stayed at or above the exit threshold. */
  readonly recoveringSince: Instant | null;
  /** Severities of the burn-rate alerts firing now. */
  readonly firingAlerts: readonly AlertSeverity[];
  /** Share of the window the data covers (for the NO_DATA rule). */
  readonly dataCoverage: number | null;
  /** The policy of the project that owns the SLO. */
  readonly policy: ErrorBudgetPolicy;
  /** Minutes since the status was computed, when older than the roll-up keeps up with; else null. */
  readonly staleMinutes: number | null;
}

export interface GateStatementParts {
  readonly state: GateState;
  /** Since when the project is in `state` (the earliest SLO to enter it); null when unknown. */
  readonly since: Instant | null;
  /** Whole sentences: per SLO in the state, the rule it met with its figures and the way out. */
  readonly sentences: readonly string[];
  /** What the state does to planning, in one sentence. */
  readonly effect: string;
}

const EFFECT: Readonly<Record<GateState, string>> = {
  HEALTHY: 'Planning runs on the normal split.',
  AT_RISK: 'Reliability gets a larger share of the sprint and feature work is capped.',
  FROZEN:
    'No feature work starts, except exempt items or under a freeze override a project admin records.',
  NO_DATA: 'Planning runs on the normal split until SLI data arrives.',
};

/** "5%", "3.2%", "-135.6%": one decimal at most, as people read a budget. */
export function budgetPercent(share: number): string {
  const rounded = Math.round(share * 1000) / 10;
  return `${Object.is(rounded, -0) ? 0 : rounded}%`;
}

/** "24 hours", "1 hour", "1.5 hours", "30 minutes". */
export function holdWords(ms: number): string {
  if (ms < HOUR_MS) {
    const minutes = Math.round(ms / 60_000);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const hours = Math.round((ms / HOUR_MS) * 10) / 10;
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "page or ticket", "ticket": the alert severities the policy counts. */
function severities(list: readonly AlertSeverity[]): string {
  return list.length === 0 ? '' : list.join(' or ');
}

function atRiskRule(policy: ErrorBudgetPolicy): string {
  const alerts = severities(policy.atRiskOnAlerts);
  return `at risk below ${budgetPercent(policy.atRiskBelow)}${alerts ? ` or while a ${alerts} burn-rate alert fires` : ''}`;
}

const now = (share: number | null): string =>
  share === null ? 'no data now' : `now ${budgetPercent(share)}`;

function frozenSentence(s: SloGateFigures, at: Instant): string {
  const { policy } = s;
  const entry = `The error budget of ${s.slo} reached ${budgetPercent(policy.freezeAtOrBelow)} (policy: freeze at or below ${budgetPercent(policy.freezeAtOrBelow)}).`;
  const exit = `Planning unfreezes when the budget is back at or above ${budgetPercent(policy.unfreezeAtOrAbove)} for ${holdWords(policy.unfreezeHold)}`;
  if (s.budgetRemaining === null)
    return `${entry} ${exit} — no data now, and missing data cannot show a recovery.`;
  if (s.recoveringSince !== null) {
    const held = Math.max(0, at - s.recoveringSince);
    const left = Math.max(0, policy.unfreezeHold - held);
    return `${entry} ${exit} — now ${budgetPercent(s.budgetRemaining)}, held for ${holdWords(held)} so far, ${holdWords(left)} to go.`;
  }
  return `${entry} ${exit} — ${now(s.budgetRemaining)}.`;
}

function atRiskSentence(s: SloGateFigures): string {
  const { policy } = s;
  const alerts = [...new Set(s.firingAlerts.filter((a) => policy.atRiskOnAlerts.includes(a)))];
  const low = s.budgetRemaining !== null && s.budgetRemaining < policy.atRiskBelow;
  const causes = [
    ...(low ? [`its error budget is ${budgetPercent(s.budgetRemaining)}`] : []),
    ...(alerts.length > 0 ? [`a ${severities(alerts)} burn-rate alert is firing`] : []),
  ];
  const cause = causes.length > 0 ? causes.join(' and ') : 'its figures met the at-risk rule';
  const exitAlerts = severities(policy.atRiskOnAlerts);
  const exit = `It is healthy again at ${budgetPercent(policy.atRiskBelow)} or more${exitAlerts ? ` with no ${exitAlerts} alert firing` : ''}`;
  const figures = [
    now(s.budgetRemaining),
    ...(alerts.length > 0 ? [`${severities(alerts)} alert firing`] : []),
  ].join(', ');
  return `${s.slo} is at risk: ${cause} (policy: ${atRiskRule(policy)}). ${exit} — ${figures}; it freezes at or below ${budgetPercent(policy.freezeAtOrBelow)}.`;
}

function noDataSentence(s: SloGateFigures): string {
  if (s.since === null)
    return `${s.slo} has no SLI data rolled up yet; the gate counts it as no data, never as healthy.`;
  if (s.dataCoverage !== null && s.budgetRemaining !== null && s.policy.minDataCoverage > 0)
    return `${s.slo} has data for ${budgetPercent(s.dataCoverage)} of its window (policy: no data below ${budgetPercent(s.policy.minDataCoverage)} coverage).`;
  return `${s.slo} has no events in its window; the gate counts it as no data, never as healthy.`;
}

function healthySentence(slos: readonly SloGateFigures[]): string {
  const lowest = [...slos]
    .filter((s) => s.budgetRemaining !== null)
    .sort((a, b) => a.budgetRemaining! - b.budgetRemaining!)[0];
  if (lowest === undefined) return 'Every linked SLO is within its error budget.';
  const { policy } = lowest;
  return `Every linked SLO is within its error budget; the lowest is ${lowest.slo} at ${budgetPercent(lowest.budgetRemaining!)} (policy: ${atRiskRule(policy)}, freeze at or below ${budgetPercent(policy.freezeAtOrBelow)}).`;
}

/**
 * The project's statement: `state` is the project's gate (the worst SLO state, project-gate.ts);
 * `slos` are every linked SLO's figures, `at` the instant the figures are read at.
 */
export function gateStatement(
  state: GateState,
  slos: readonly SloGateFigures[],
  at: Instant,
): GateStatementParts {
  if (slos.length === 0) {
    return {
      state: 'NO_DATA',
      since: null,
      sentences: [
        'No SLO is linked to this project, so the error-budget gate has no data. Link SLOs in the project settings to let the gate adjust the split.',
      ],
      effect: 'Planning runs on the normal split.',
    };
  }
  const inState = slos.filter((s) => s.state === state).sort((a, b) => a.slo.localeCompare(b.slo));
  const times = inState.flatMap((s) => (s.since === null ? [] : [s.since]));
  const sentence = (s: SloGateFigures): string =>
    s.state === 'FROZEN'
      ? frozenSentence(s, at)
      : s.state === 'AT_RISK'
        ? atRiskSentence(s)
        : noDataSentence(s);
  const sentences = state === 'HEALTHY' ? [healthySentence(slos)] : inState.map(sentence);
  // A stale status keeps its state (project-gate-status.ts); say so beside the figure it affects.
  const stale = slos
    .filter((s) => s.staleMinutes !== null && GATE_SEVERITY[s.state] >= GATE_SEVERITY[state])
    .map(
      (s) =>
        `The status of ${s.slo} was last computed ${s.staleMinutes} minutes ago; its state holds until the roll-up catches up.`,
    );
  return {
    state,
    since: state === 'HEALTHY' || times.length === 0 ? null : Math.min(...times),
    sentences: [...sentences, ...stale],
    effect: EFFECT[state],
  };
}
