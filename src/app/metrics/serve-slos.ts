/**
 * The project page's SLO subpage: the SLOs linked to the project with their rolled-up status (the
 * fiveMinute job of src/app/slo keeps it), the project's gate, and each SLO's budget burn-down over
 * its window so far, computed here from the stored daily SLI records (one storage read per 20 days,
 * no Jira call beyond the permission check).
 */
import type {
  GateSummary,
  OverviewData,
  SloRow,
  SlosData,
  SnapshotAnswer,
} from '../../contract/project-page';
import { budgetBurndown, sliSeriesFor } from '../../domain/slo';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { gateOf, loadLinkedSloStatuses, STALE_AFTER_MS } from '../slo/project-gate-status';
import { loadSliIntervals } from '../slo/roll-up-slo';
import { findSloSpec } from '../slo/slo-catalog';
import { overviewOf } from './sections';
import { requireProjectBrowse, serveSection, type ServeDeps } from './serve-project-page';

const DAY_MS = 86_400_000;

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
  const linked = await loadLinkedSloStatuses(deps, projectKey, config.sloIds);
  const gate = gateOf(linked, now);
  const slos: SloRow[] = [];
  for (const { slo, service, stored } of linked) {
    const status = stored?.status;
    let burndown: SloRow['burndown'] = [];
    const found = status ? await findSloSpec(deps.store, slo) : undefined;
    if (status && found) {
      const at = Date.parse(status.at);
      const from = Date.parse(status.windowStart);
      const intervals = await loadSliIntervals(deps.kv, slo, from, at);
      burndown = budgetBurndown(found.spec, sliSeriesFor(found.spec, intervals), at, DAY_MS);
    }
    slos.push({
      name: slo,
      service,
      target: status?.target ?? null,
      window: status?.window ?? null,
      state: stored?.decision.state ?? 'NO_DATA',
      reasons: stored
        ? stored.decision.reasons.map((reason) => reason.message)
        : ['no SLI data has been rolled up yet'],
      sli: status?.sli ?? null,
      budgetRemaining: status?.budgetRemaining ?? null,
      burnRates: status
        ? Object.entries(status.burnRates).map(([window, rate]) => ({ window, rate }))
        : [],
      alerts: status ? status.alerts.map((alert) => ({ ...alert })) : [],
      exhaustsAt: status?.exhaustsAt ?? null,
      dataUntil: stored?.dataUntil ?? null,
      evaluatedAt: stored ? new Date(stored.evaluatedAt).toISOString() : null,
      burndown,
    });
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
      },
      slos,
    },
  };
}

/** The gate and each linked SLO's budget: two storage reads, no Jira call. */
export async function gateSummary(deps: SloDeps, projectKey: string): Promise<GateSummary> {
  const { config } = await loadProjectConfig(deps.store, projectKey);
  const linked = await loadLinkedSloStatuses(deps, projectKey, config.sloIds);
  const gate = gateOf(linked, deps.clock.now());
  return {
    state: gate.state,
    reasons: gate.reasons.map((reason) => `${reason.slo}: ${reason.message}`),
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
