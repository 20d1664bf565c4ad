/**
 * Everything the backend and the CLI show for one SLO at an instant: its status snapshot, its
 * policy state replayed over the data (so FROZEN hysteresis holds), the state changes, and the
 * incidents that need a postmortem. Plain JSON-serialisable data.
 */
import type { DurationMs, Instant } from '../slo/duration';
import { findPostmortemCandidates, type PostmortemCandidate } from '../slo/postmortem';
import type { SliSeries } from '../slo/sli-series';
import type { SloSpec } from '../slo/spec';
import { computeSloStatus, type SloStatus } from '../slo/status';
import type { ErrorBudgetPolicy } from './policy';
import { DEFAULT_POLICY } from './policy';
import { replayPolicy, type StateChange } from './replay';
import type { PolicyDecision } from './transition';

export interface SloAssessment {
  readonly status: SloStatus;
  readonly decision: PolicyDecision;
  readonly changes: readonly StateChange[];
  readonly postmortems: readonly PostmortemCandidate[];
}

export interface AssessOptions {
  readonly policy?: ErrorBudgetPolicy;
  /** Replay step; default 5m. */
  readonly step?: DurationMs;
  /** Replay from here (default: the first data). */
  readonly from?: Instant;
  readonly forecastAt?: Instant;
}

export function assessSlo(
  spec: SloSpec,
  series: SliSeries,
  at: Instant,
  options: AssessOptions = {},
): SloAssessment {
  const policy = options.policy ?? DEFAULT_POLICY;
  const status = computeSloStatus(
    spec,
    series,
    at,
    options.forecastAt === undefined ? {} : { forecastAt: options.forecastAt },
  );
  const replay = replayPolicy(spec, series, policy, at, {
    ...(options.step === undefined ? {} : { step: options.step }),
    ...(options.from === undefined ? {} : { from: options.from }),
  });
  const postmortems = findPostmortemCandidates(spec, series, at, {
    threshold: policy.postmortemBudgetShare,
  });
  return { status, decision: replay.decision, changes: replay.changes, postmortems };
}
