/**
 * The project page's SLO subpage: the SLOs linked to the project with their rolled-up status (the
 * fiveMinute job of src/app/slo keeps it), the project's gate, and each SLO's budget burn-down over
 * its window so far, its SLI chart and the budget forecast at the end of the active sprint
 * (slo-row.ts), computed here from the stored daily SLI records (one storage read per 20 days); one
 * Jira call beyond the permission check, for the active sprint's end date.
 */
import type {
  GateSummary,
  OverviewData,
  SloRow,
  SlosData,
  SnapshotAnswer,
} from '../../contract/project-page';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import type { ProjectConfig } from '../project/project-config';
import { loadProjectGate, STALE_AFTER_MS } from '../slo/project-gate-status';
import { findSloSpec } from '../slo/slo-catalog';
import { activeSprintEnd, type ActiveSprintEnd } from './active-sprint-end';
import { overviewOf } from './sections';
import { requireProjectBrowse, serveSection, type ServeDeps } from './serve-project-page';
import { sloRowOf } from './slo-row';

export interface SloDeps {
  readonly jira: JiraPort;
  readonly kv: KeyValueStore;
  readonly store: DocumentStore;
  readonly clock: Clock;
}

export async function serveSlos(
  deps: SloDeps,
  projectKey: string,
): Promise<SnapshotAnswer<SlosData>> {
  await requireProjectBrowse(deps.jira, projectKey);
  const now = deps.clock.now();
  const { config } = await loadProjectConfig(deps.store, projectKey);
  const {
    statuses: linked,
    gate,
    statement,
    policies,
  } = await loadProjectGate(deps, projectKey, config.sloIds, now);
  // The active sprint's end, for the budget forecast: one Jira call, only when a status exists.
  const sprint: ActiveSprintEnd = linked.some((l) => l.stored)
    ? await activeSprintEnd(deps.jira, config.board?.boardId ?? null)
    : { reason: 'No SLI data in the window yet.' };
  const slos: SloRow[] = [];
  for (const one of linked) {
    const found = one.stored ? await findSloSpec(deps.store, one.slo) : undefined;
    const policy = policies.get(one.stored?.projectKey ?? projectKey) ?? config.errorBudget;
    slos.push(await sloRowOf(deps.kv, one, found?.spec, sprint, policy));
  }
  const times = slos.flatMap((s) => (s.evaluatedAt ? [Date.parse(s.evaluatedAt)] : []));
  const oldest = times.length > 0 ? Math.min(...times) : null;
  return {
    status: 'ready',
    meta: {
      computedAt: oldest === null ? null : new Date(oldest).toISOString(),
      stale: oldest !== null && now.getTime() - oldest > STALE_AFTER_MS,
      refreshing: false,
      lastError: null,
    },
    data: {
      gate: {
        state: gate.state,
        reasons: gate.reasons.map((reason) => `${reason.slo}: ${reason.message}`),
        statement,
      },
      slos,
    },
  };
}

/** The gate and each linked SLO's budget: two storage reads, no Jira call. */
export async function gateSummary(deps: SloDeps, projectKey: string): Promise<GateSummary> {
  const { config } = await loadProjectConfig(deps.store, projectKey);
  return gateSummaryOf(deps, projectKey, config);
}

/** gateSummary for a caller that has read the project's configuration already (the portfolio). */
export async function gateSummaryOf(
  deps: Pick<SloDeps, 'kv' | 'store' | 'clock'>,
  projectKey: string,
  config: ProjectConfig,
): Promise<GateSummary> {
  const {
    statuses: linked,
    gate,
    statement,
  } = await loadProjectGate(deps, projectKey, config.sloIds, deps.clock.now());
  return {
    state: gate.state,
    reasons: gate.reasons.map((reason) => `${reason.slo}: ${reason.message}`),
    statement,
    slos: linked.map(({ slo, stored }) => ({
      name: slo,
      state: stored?.decision.state ?? 'NO_DATA',
      budgetRemaining: stored?.status.budgetRemaining ?? null,
    })),
  };
}

/** The overview: the snapshot's headline figures with the live gate. */
export async function serveOverview(
  deps: ServeDeps,
  projectKey: string,
): Promise<SnapshotAnswer<OverviewData>> {
  const answer = await serveSection(deps, projectKey, overviewOf);
  if (answer.status !== 'ready') return answer;
  return { ...answer, data: { ...answer.data, gate: await gateSummary(deps, projectKey) } };
}
