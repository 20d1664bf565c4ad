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
  projectIncidents,
} from '../delivery/push-log';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectSlos } from '../slo/slo-catalog';
import { buildSnapshot, type SnapshotRecords } from './build-snapshot';
import { readIncidentHistory } from './incident-history';
import { withCapacity } from './sprint-capacity';
import { readSprintHistory, type SprintHistory } from './sprint-history';
import { saveSnapshot, updateStatus } from './snapshot-store';

export interface MetricsDeps {
  readonly jira: JiraPort;
  readonly documents: DocumentStore;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
}

/** Closed sprints shown (and read for the buffer recommendation, which looks at the last 6). */
export const CLOSED_SPRINTS = 8;
/** DORA figures are read over the last 12 weeks. */
const DORA_PERIOD_DAYS = 84;

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

export async function recomputeSnapshot(
  deps: MetricsDeps,
  projectKey: string,
): Promise<MetricsSnapshot> {
  const started = deps.clock.now();
  try {
    const snapshot = await compute(deps, projectKey, started);
    await saveSnapshot(deps.kv, snapshot, String(started.getTime()));
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
  let history: SprintHistory = { sprints: [], items: [], changes: [] };
  let sprintsReason: string | null = null;
  const boardId = config.board?.boardId ?? null;
  if (boardId === null) {
    sprintsReason =
      'No Scrum board is chosen for this project: a project admin picks it in Project settings → Ballast.';
  } else {
    const estimationFieldId =
      config.board?.estimationFieldId ??
      (await deps.jira.getBoardConfiguration(boardId)).estimation?.field?.fieldId ??
      null;
    history = await readSprintHistory(deps.jira, {
      boardId,
      estimationFieldId,
      basis: config.capacity.basis,
      rules: config.rules,
      closedSprints: CLOSED_SPRINTS,
      now: started,
    });
    if (estimationFieldId === null) {
      notes.push('The board estimates without story points: every item counts as unestimated.');
    }
  }
  let incidents: SnapshotRecords['incidents'];
  try {
    incidents = await readIncidentHistory(deps.jira, {
      projectKey,
      incidentJql: config.incidentJql,
    });
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
  const now = started.toISOString();
  const fromDate = new Date(started.getTime() - DORA_PERIOD_DAYS * 86_400_000);
  const from = fromDate.toISOString();
  // Deployments pushed by CI/CD that shipped this project's issues or deployed one of the services
  // its SLOs are about; incidents pushed for those services count with the Jira incidents.
  const { slos } = await loadProjectSlos(deps.documents, projectKey);
  const sloServices = [
    ...slos.bundle.services.map((service) => service.name),
    ...slos.bundle.slos.map((slo) => slo.service),
  ];
  const deployments = projectDeployments(
    await listDeployments(deps.kv, { from: fromDate, to: started }),
    { key: projectKey, services: [...new Set(sloServices)] },
  );
  const services = [
    ...new Set([...sloServices, ...deployments.map((deployment) => deployment.service)]),
  ];
  const pushedIncidents =
    services.length === 0 ? [] : projectIncidents(await listPushedIncidents(deps.kv), services);
  if (pushedIncidents.length > 0) {
    notes.push(
      `${pushedIncidents.length} incidents pushed for the services ${services.join(', ')} count with the Jira incidents.`,
    );
  }
  return buildSnapshot({
    projectKey,
    boardId,
    sprintsReason,
    policy: config.capacity,
    incidentJql: config.incidentJql,
    records: {
      sprints: withCapacity(history.sprints, history.items, config.capacity),
      items: history.items,
      changes: history.changes,
      deployments,
      incidents,
      pushedIncidents,
      period: { from, to: now },
      now,
    },
    computedAt: now,
    computeMs: deps.clock.now().getTime() - started.getTime(),
    notes,
  });
}
