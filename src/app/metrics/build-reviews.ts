/**
 * The sprint review records (issue #23) the snapshot stores beside each closed sprint's row: the
 * incidents that started in it with their restore time and budget spent, the alerts that fired,
 * the gate's states and their targets, the postmortems opened and the actions opened and closed,
 * and the DoD compliance of its completed items. Every figure comes from its one definition:
 * `restoreHours` (incident-durations.ts), `incidentBudgetShare` and `alertEpisodes` (domain/slo),
 * `gateTimeline` + `effectiveTargets` (sprint-slo-history.ts), and sprint-review.ts for "in the
 * sprint" and DoD compliance. Nothing here reads Jira or the clock.
 */
import type { SprintReviewRecord } from '../../contract/sprint-review';
import type { SprintRow } from '../../contract/project-page';
import type { IncidentRecord, SprintItemRecord } from '../../domain/metrics';
import { restoreHours } from '../../domain/metrics/incident-durations';
import {
  actionsInSprint,
  dodCompliance,
  incidentsStartedIn,
  inSprint,
  type DodStanding,
} from '../../domain/metrics/sprint-review';
import type { PostmortemHistory } from './postmortem-history';
import type { SprintSloHistory } from './sprint-slo-history';

/** Incidents listed per sprint: a sprint with more is a different conversation; the count says so. */
export const REVIEW_INCIDENTS_KEPT = 50;
/** Alert episodes listed per sprint. */
export const REVIEW_ALERTS_KEPT = 100;

export interface ReviewInputs {
  readonly rows: readonly SprintRow[];
  readonly items: readonly SprintItemRecord[];
  /** Jira's incidents with their summary, then pushed ones; or why they could not be read. */
  readonly incidents:
    | readonly {
        readonly incident: IncidentRecord;
        readonly source: 'jira' | 'pushed';
        readonly summary: string;
      }[]
    | { readonly reason: string };
  readonly postmortems: PostmortemHistory | { readonly reason: string };
  readonly dod: ReadonlyMap<string, DodStanding>;
  readonly slo: SprintSloHistory;
}

const round2 = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 100) / 100;

export function buildReviews(input: ReviewInputs): SprintReviewRecord[] {
  return input.rows.flatMap((row) => {
    if (row.state !== 'closed' || row.startedAt === null || row.completedAt === null) return [];
    const span = { startedAt: row.startedAt, completedAt: row.completedAt };
    const slo = input.slo.bySprint.get(row.sprintId);
    const own = input.items.filter((item) => item.sprintId === row.sprintId);
    const incidents =
      'reason' in input.incidents
        ? { list: [], reason: input.incidents.reason }
        : {
            list: incidentsStartedIn(
              input.incidents.map((entry) => ({ ...entry, startedAt: entry.incident.startedAt })),
              span,
            )
              .slice(0, REVIEW_INCIDENTS_KEPT)
              .map(({ incident, source, summary }) => ({
                key: incident.key,
                source,
                summary,
                service: incident.service,
                startedAt: incident.startedAt,
                resolvedAt: incident.resolvedAt,
                hoursToRestore: round2(restoreHours(incident)),
                ...input.slo.incidentBudget(incident),
              })),
            reason: null,
          };
    const pm = input.postmortems;
    const postmortems =
      'reason' in pm
        ? {
            reason: pm.reason,
            opened: [],
            actionsOpened: 0,
            actionsClosed: 0,
            actionsOpenAtClose: 0,
          }
        : (() => {
            const actions = actionsInSprint(pm.actions, span);
            return {
              reason: null,
              opened: pm.postmortems
                .filter((p) => inSprint(p.createdAt, span))
                .map((p) => ({
                  key: p.key,
                  summary: p.summary,
                  createdAt: p.createdAt,
                  resolvedAt: p.resolvedAt,
                  actions: p.actionKeys.length,
                })),
              actionsOpened: actions.opened,
              actionsClosed: actions.closed,
              actionsOpenAtClose: actions.openAtClose,
            };
          })();
    return [
      {
        sprintId: row.sprintId,
        gate: slo?.gate ?? { segments: [], reason: 'The sprint has no start or close date.' },
        alerts: slo
          ? { fired: slo.alerts.fired.slice(0, REVIEW_ALERTS_KEPT), reason: slo.alerts.reason }
          : { fired: [], reason: 'The sprint has no start or close date.' },
        incidents,
        postmortems,
        dod: dodCompliance(own, (key) => input.dod.get(key) ?? 'not-evaluated'),
      },
    ];
  });
}
