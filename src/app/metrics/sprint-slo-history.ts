/**
 * The SLO side of the sprint review (issue #23), from the stored SLI data alone (no Jira call):
 * for each of the project's own SLOs the error-budget policy is replayed over the reviewed sprints
 * (domain/gate/replay.ts, the gate's own state machine, from a week before the first sprint so its
 * hysteresis has the memory the fiveMinute job would have had), the burn-rate alerts are evaluated
 * at the same steps (domain/slo/alert-episodes.ts), and each incident's budget share is measured by
 * the postmortem rule's measure (domain/slo/postmortem.ts `incidentBudgetShare`).
 * The project gate is the worst SLO state at each instant (domain/gate/gate-timeline.ts) and each
 * state's targets are `effectiveTargets` (domain/capacity/effective-targets.ts), as the planner uses.
 */
import { effectiveTargets, type CapacityPolicy } from '../../domain/capacity';
import {
  gateTimeline,
  replayPolicy,
  type ErrorBudgetPolicy,
  type SloStateChange,
} from '../../domain/gate';
import type { IncidentRecord } from '../../domain/metrics';
import { toMs } from '../../domain/metrics/time';
import {
  BURN_RATE_WINDOWS,
  alertEpisodes,
  incidentBudgetShare,
  sliSeriesFor,
  windowAt,
  type SliSeries,
  type SloSpec,
} from '../../domain/slo';
import { WORK_TYPES } from '../../domain/work/work-type';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { ReviewAlert, ReviewGateSegment, ReviewIncident } from '../../contract/sprint-review';
import { loadSliColumns, REPLAY_DAYS } from '../slo/roll-up-slo';

const DAY_MS = 86_400_000;

export interface ReviewedSprint {
  readonly id: string;
  readonly startedAt: string;
  readonly completedAt: string;
}

export interface SprintSloReview {
  readonly gate: { readonly segments: ReviewGateSegment[]; readonly reason: string | null };
  readonly alerts: { readonly fired: ReviewAlert[]; readonly reason: string | null };
}

export interface SprintSloHistory {
  readonly bySprint: ReadonlyMap<string, SprintSloReview>;
  /** The budget each SLO of the incident's service lost to it. */
  readonly incidentBudget: (
    incident: IncidentRecord,
  ) => Pick<ReviewIncident, 'budget' | 'budgetReason'>;
}

interface LoadedSlo {
  readonly spec: SloSpec;
  readonly series: SliSeries;
  readonly changes: readonly SloStateChange[];
  readonly hasData: boolean;
}

const NO_SLOS =
  'No SLO belongs to this project, so it had no error-budget gate: add one in Project settings → Ballast → SLOs.';

export async function readSprintSloHistory(
  kv: KeyValueStore,
  input: {
    readonly specs: readonly SloSpec[];
    readonly errorBudget: ErrorBudgetPolicy;
    readonly capacity: CapacityPolicy;
    readonly sprints: readonly ReviewedSprint[];
    readonly now: Date;
  },
): Promise<SprintSloHistory> {
  const now = input.now.getTime();
  const starts = input.sprints.map((s) => toMs(s.startedAt)).filter((t) => t !== undefined);
  const replayFrom = starts.length === 0 ? now : Math.min(...starts) - REPLAY_DAYS * DAY_MS;
  const lastClose = Math.max(replayFrom, ...input.sprints.map((s) => toMs(s.completedAt) ?? 0));
  const loaded: LoadedSlo[] = [];
  for (const spec of input.specs) {
    const earliest = Math.min(
      windowAt(spec.window, replayFrom).start,
      replayFrom - BURN_RATE_WINDOWS['3d'],
    );
    const intervals = await loadSliColumns(kv, spec.name, earliest, now);
    const series = sliSeriesFor(spec, intervals);
    const changes =
      input.sprints.length === 0
        ? []
        : replayPolicy(spec, series, input.errorBudget, lastClose, { from: replayFrom }).changes;
    loaded.push({ spec, series, changes, hasData: intervals.length > 0 });
  }
  const bySprint = new Map<string, SprintSloReview>();
  for (const sprint of input.sprints) {
    const from = toMs(sprint.startedAt);
    const to = toMs(sprint.completedAt);
    if (from === undefined || to === undefined || to <= from) continue;
    bySprint.set(sprint.id, {
      gate:
        loaded.length === 0
          ? { segments: [], reason: NO_SLOS }
          : {
              segments: gateTimeline(
                loaded.map((slo) => slo.changes),
                from,
                to,
              ).map((segment) => withTargets(segment, input.capacity)),
              reason: null,
            },
      alerts:
        loaded.length === 0
          ? { fired: [], reason: NO_SLOS }
          : {
              fired: loaded.flatMap((slo) =>
                alertEpisodes(slo.spec, slo.series, from, to).map((episode) => ({
                  slo: slo.spec.name,
                  ...episode,
                })),
              ),
              reason: loaded.some((slo) => slo.hasData)
                ? null
                : 'No SLI data has been pushed for this project’s SLOs, so no alert could fire.',
            },
    });
  }
  const incidentBudget = (incident: IncidentRecord) => {
    if (incident.service === null) {
      return {
        budget: [],
        budgetReason:
          'No service is known for this incident: map its components to services in Project settings → Ballast → Incidents.',
      };
    }
    const ofService = loaded.filter((slo) => slo.spec.service === incident.service);
    if (ofService.length === 0) {
      return {
        budget: [],
        budgetReason: `No SLO of this project is about the service “${incident.service}”.`,
      };
    }
    const start = toMs(incident.startedAt);
    const end = toMs(incident.resolvedAt) ?? now;
    return {
      budget: ofService.map((slo) => ({
        slo: slo.spec.name,
        share:
          start === undefined
            ? null
            : incidentBudgetShare(slo.spec, slo.series, { start, end }, end),
      })),
      budgetReason: null,
    };
  };
  return { bySprint, incidentBudget };
}

function withTargets(
  segment: { from: string; to: string; state: ReviewGateSegment['state'] },
  capacity: CapacityPolicy,
): ReviewGateSegment {
  const effective = effectiveTargets(capacity, segment.state);
  return {
    ...segment,
    targets: WORK_TYPES.map((type) => {
      const t = effective.targets[type];
      return {
        type,
        targetShare: t.targetShare,
        minShare: t.minShare,
        maxShare: t.maxShare,
      };
    }),
    changed: WORK_TYPES.filter(
      (type) => effective.targets[type].targetShare !== capacity.targets[type],
    ),
  };
}
