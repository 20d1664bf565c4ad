/**
 * Recomputes one project's metrics snapshot (PRODUCT.md §5) and stores it. Runs in the background
 * (the hourly job and the refresh queue's consumer), reading Jira as the app: the snapshot holds
 * only figures, and the resolvers check the person's browse permission before serving it.
 * If Jira fails midway nothing is written but the failure, so the previous snapshot stays.
 */
import type { MetricsSnapshot } from '../../contract/project-page';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import { SearchLimitError, type JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import {
  listDeployments,
  listPushedIncidents,
  projectDeployments,
  freezeReleasesIn,
  projectIncidents,
} from '../delivery/push-log';
import { checkProjectBoard } from '../project/board-binding';
import { checkIncidentJql } from '../project/incident-jql';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectSlos } from '../slo/slo-catalog';
import { buildSnapshot, type SnapshotRecords } from './build-snapshot';
import { describePostmortem } from '../../domain/postmortem';
import { readPostmortemHistory } from './postmortem-history';
import { readIncidentHistory } from './incident-history';
import { withIncidentServices } from './incident-services';
import { deliveryPeriod, trendWindows } from './delivery-period';
import { withCapacity } from './sprint-capacity';
import { readSprintHistory, type SprintHistory } from './sprint-history';
import { saveSnapshot, updateStatus } from './snapshot-store';
import { buildReviews } from './build-reviews';
import { readRetroActions } from './retro-actions';
import { readSprintSloHistory } from './sprint-slo-history';
import type { SloSpec } from '../../domain/slo';
import type { ProjectConfig } from '../project/project-config';
import { savePortfolioFigures } from '../portfolio/portfolio-figures-store';

export interface MetricsDeps {
  readonly jira: JiraPort;
  readonly documents: DocumentStore;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
}

/** Closed sprints shown (and read for the buffer recommendation, which looks at the last 6). */
export const CLOSED_SPRINTS = 8;
const NO_HISTORY: SprintHistory = { sprints: [], items: [], changes: [] };
/** DORA figures are read over the last 12 weeks. */
const DORA_PERIOD_DAYS = 84;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/** The stored JQL as quoted on the page: an over-long one is cut, its length is the problem named. */
const shortened = (jql: string): string => (jql.length > 200 ? `${jql.slice(0, 200)}…` : jql);

export async function recomputeSnapshot(
  deps: MetricsDeps,
  projectKey: string,
): Promise<MetricsSnapshot> {
  const started = deps.clock.now();
  try {
    const snapshot = await compute(deps, projectKey, started);
    await saveSnapshot(deps.kv, snapshot, String(started.getTime()));
    await savePortfolioFigures(deps.kv, snapshot);
    await updateStatus(deps.kv, projectKey, {
      requestedAt: null,
      lastAttemptAt: started.toISOString(),
      lastError: null,
    });
    return snapshot;
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    await updateStatus(deps.kv, projectKey, {
      requestedAt: null,
      lastAttemptAt: started.toISOString(),
      lastError: `The last recompute failed (${message}); showing the previous figures.`,
    });
    throw error;
  }
}

async function compute(
  deps: MetricsDeps,
  projectKey: string,
  started: Date,
): Promise<MetricsSnapshot> {
  const { config } = await loadProjectConfig(deps.documents, projectKey);
  const notes: string[] = [
    'Sprint figures replay each issue’s Sprint and status history: committed = in the sprint at its start, completed = Done when it closed.',
    'Capacity of past sprints applies today’s capacity policy; interrupts are items added after the sprint started.',
  ];
  // The board's sprints and the project's incidents and postmortems do not depend on each other:
  // both at once, so the recompute waits for the longer of the two, not their sum.
  const readSprints = async (): Promise<{ history: SprintHistory; reason: string | null }> => {
    const boardId = config.board?.boardId ?? null;
    if (boardId === null)
      return {
        history: NO_HISTORY,
        reason:
          'No Scrum board is chosen for this project: a project admin picks it in Project settings → Ballast.',
      };
    // As for the incident JQL: a binding stored before save checked it must not read another project.
    const boardCheck = await checkProjectBoard(deps.jira, projectKey, boardId);
    if (!boardCheck.ok)
      return {
        history: NO_HISTORY,
        reason: `The chosen board cannot be used (${boardCheck.problem}): a project admin picks this project's board in Project settings → Ballast.`,
      };
    const estimationFieldId =
      config.board?.estimationFieldId ??
      (await deps.jira.getBoardConfiguration(boardId)).estimation?.field?.fieldId ??
      null;
    const history = await readSprintHistory(deps.jira, {
      boardId,
      estimationFieldId,
      basis: config.capacity.basis,
      rules: config.rules,
      closedSprints: CLOSED_SPRINTS,
      now: started,
      projectKey,
    });
    if (estimationFieldId === null) {
      notes.push('The board estimates without story points: every item counts as unestimated.');
    }
    return { history, reason: null };
  };
  const readIncidents = async (): Promise<{
    incidents: SnapshotRecords['incidents'];
    postmortems: SnapshotRecords['postmortems'];
  }> => {
    let incidents: SnapshotRecords['incidents'];
    // Checked again here, as the app: a value stored before save checked it must not widen the search.
    const jqlCheck = await checkIncidentJql(deps.jira, projectKey, config.incidentJql);
    try {
      incidents = jqlCheck.ok
        ? await readIncidentHistory(deps.jira, { projectKey, incidentJql: config.incidentJql })
        : {
            reason: `The incident JQL “${shortened(config.incidentJql)}” is invalid (${jqlCheck.problem}), so no incidents are shown: a project admin fixes it in Project settings → Ballast.`,
          };
    } catch (error: unknown) {
      if (error instanceof SearchLimitError) {
        incidents = {
          reason: `The incident JQL “${config.incidentJql}” matches more than ${error.limit.toLocaleString('en')} issues, more than Ballast reads: narrow it in Project settings → Ballast.`,
        };
      } else if (errorCode(error) === 'BAD_REQUEST') {
        incidents = {
          reason: `Jira refused the incident JQL “${config.incidentJql}”: fix it in Project settings → Ballast.`,
        };
      } else {
        throw error;
      }
    }
    if (!('reason' in incidents)) {
      incidents = {
        ...incidents,
        incidents: withIncidentServices(
          incidents.incidents,
          incidents.issues,
          config.incidentServices,
        ),
      };
    }
    let postmortems: SnapshotRecords['postmortems'];
    try {
      postmortems = await readPostmortemHistory(deps.jira, {
        projectKey,
        convention: config.postmortem,
        incidentKeys: new Set('reason' in incidents ? [] : incidents.issues.map((i) => i.key)),
      });
    } catch (error: unknown) {
      // A type or label Jira does not know makes the search a 400: say which setting to fix.
      if (!(error instanceof SearchLimitError) && errorCode(error) !== 'BAD_REQUEST') throw error;
      postmortems = {
        reason: `Jira refused the search for postmortems (${describePostmortem(config.postmortem)}): check the postmortem convention in Project settings → Ballast.`,
      };
    }
    return { incidents, postmortems };
  };
  const [{ history: sprintHistory, reason: sprintsReason }, { incidents, postmortems }] =
    await Promise.all([readSprints(), readIncidents()]);
  const boardId = config.board?.boardId ?? null;
  const now = started.toISOString();
  // Deployments pushed by CI/CD that shipped this project's issues or deployed one of the services
  // its SLOs are about; incidents pushed for those services count with the Jira incidents.
  const { slos } = await loadProjectSlos(deps.documents, projectKey);
  const sloServices = [
    ...slos.bundle.services.map((service) => service.name),
    ...slos.bundle.slos.map((slo) => slo.service),
  ];
  const project = { key: projectKey, services: [...new Set(sloServices)] };
  // Read one period further back than the figures cover: whether the deployment feed existed
  // before the period decides where counting starts (delivery-period.ts).
  const lookBackFrom = new Date(started.getTime() - 2 * DORA_PERIOD_DAYS * 86_400_000);
  const stored = await listDeployments(deps.kv, { from: lookBackFrom, to: started });
  const pushed = projectDeployments(stored, project);
  const period = deliveryPeriod(pushed, { days: DORA_PERIOD_DAYS, now: started });
  const deployments = pushed.filter((d) => Date.parse(d.deployedAt) >= Date.parse(period.from));
  const freezeReleases = freezeReleasesIn(
    stored,
    new Set(deployments.map((d) => d.id)),
    projectKey,
  );
  if (period.countedFrom !== null) {
    notes.push(
      `Deployments are counted from ${period.countedFrom.slice(0, 10)}, the first one pushed: weeks before CI/CD was connected are unknown, not weeks without deployments.`,
    );
  }
  const services = [
    ...new Set([...sloServices, ...deployments.map((deployment) => deployment.service)]),
  ];
  const pushedIncidents =
    services.length === 0
      ? []
      : projectIncidents(
          await listPushedIncidents(deps.kv),
          services,
          deployments.map((d) => d.id),
        );
  if (pushedIncidents.length > 0) {
    notes.push(
      `${pushedIncidents.length} incidents pushed for the services ${services.join(', ')} count with the Jira incidents.`,
    );
  }
  const sprints = withCapacity(sprintHistory.sprints, sprintHistory.items, config.capacity);
  const trend = trendWindows(sprints, { from: period.from, to: now });
  const snapshot = buildSnapshot({
    projectKey,
    boardId,
    sprintsReason,
    policy: config.capacity,
    incidentJql: config.incidentJql,
    postmortem: config.postmortem,
    records: {
      sprints,
      items: sprintHistory.items,
      changes: sprintHistory.changes,
      deployments,
      incidents,
      postmortems,
      pushedIncidents,
      period: { from: period.from, to: now },
      trendWindows: trend.windows,
      trendBy: trend.by,
      freezeReleases,
      now,
    },
    computedAt: now,
    computeMs: 0,
    notes,
  });
  const review = await reviewParts(deps, {
    projectKey,
    snapshot,
    sprintHistory,
    incidents,
    pushedIncidents,
    postmortems,
    specs: slos.bundle.slos,
    config,
    now: started,
  });
  return {
    ...snapshot,
    ...review,
    computeMs: deps.clock.now().getTime() - started.getTime(),
  };
}

/** The sprint review's part of the snapshot (issue #23): one search and SLI reads from storage. */
async function reviewParts(
  deps: MetricsDeps,
  input: {
    projectKey: string;
    snapshot: MetricsSnapshot;
    sprintHistory: SprintHistory;
    incidents: SnapshotRecords['incidents'];
    pushedIncidents: SnapshotRecords['pushedIncidents'];
    postmortems: SnapshotRecords['postmortems'];
    specs: readonly SloSpec[];
    config: ProjectConfig;
    now: Date;
  },
): Promise<Pick<MetricsSnapshot, 'reviews' | 'retroActions'>> {
  const closed = input.snapshot.sprints.flatMap((row) =>
    row.state === 'closed' && row.startedAt !== null && row.completedAt !== null
      ? [
          {
            id: row.sprintId,
            sprintId: row.sprintId,
            name: row.name,
            startedAt: row.startedAt,
            completedAt: row.completedAt,
          },
        ]
      : [],
  );
  if (closed.length === 0) return { reviews: [] };
  const slo = await readSprintSloHistory(deps.kv, {
    specs: input.specs,
    errorBudget: input.config.errorBudget,
    capacity: input.config.capacity,
    sprints: closed,
    now: input.now,
  });
  const summaries = new Map(
    'reason' in input.incidents
      ? []
      : input.incidents.issues.map((issue) => [issue.key, issue.fields.summary ?? ''] as const),
  );
  const reviews = buildReviews({
    rows: input.snapshot.sprints,
    items: input.sprintHistory.items,
    incidents:
      'reason' in input.incidents
        ? { reason: input.incidents.reason }
        : [
            ...input.incidents.incidents.map((incident) => ({
              incident,
              source: 'jira' as const,
              summary: summaries.get(incident.key) ?? '',
            })),
            ...input.pushedIncidents.map((incident) => ({
              incident,
              source: 'pushed' as const,
              summary: incident.title ?? incident.service ?? '',
            })),
          ],
    postmortems: input.postmortems,
    dod: input.sprintHistory.dod ?? new Map(),
    slo,
  });
  const retroActions = await readRetroActions(deps.jira, {
    projectKey: input.projectKey,
    label: input.config.retroActionLabel,
    sprints: closed,
  });
  return { reviews, retroActions };
}
