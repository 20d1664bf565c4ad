/**
 * The project's gate statement (src/domain/gate/gate-words.ts) from the stored SLO statuses: each
 * SLO's figures read with the error-budget policy of the project that owns it (its `errorBudget`
 * configuration), since that policy decided its state. One storage read per owning project.
 */
import type { GateStatement } from '../../contract/gate';
import {
  gateStatement,
  type ErrorBudgetPolicy,
  type ProjectGate,
  type SloGateFigures,
} from '../../domain/gate';
import type { DocumentStore } from '../../ports/document-store';
import { loadProjectConfig } from '../project/project-config-repository';
import type { LinkedSloStatus } from './project-gate-status';

/** The policies of `projectKey` and of every project owning a linked SLO. */
export async function policiesOf(
  store: DocumentStore,
  projectKey: string,
  statuses: readonly LinkedSloStatus[],
): Promise<ReadonlyMap<string, ErrorBudgetPolicy>> {
  const keys = [
    ...new Set([projectKey, ...statuses.flatMap((s) => (s.stored ? [s.stored.projectKey] : []))]),
  ];
  const configs = await Promise.all(keys.map((key) => loadProjectConfig(store, key)));
  return new Map(keys.map((key, i) => [key, configs[i]!.config.errorBudget]));
}

export function gateStatementOf(
  statuses: readonly LinkedSloStatus[],
  gate: ProjectGate,
  policies: ReadonlyMap<string, ErrorBudgetPolicy>,
  projectKey: string,
  now: Date,
  staleAfterMs: number,
): GateStatement {
  const at = now.getTime();
  const figures: SloGateFigures[] = statuses.map(({ slo, stored }) => {
    const policy = policies.get(stored?.projectKey ?? projectKey) ?? policies.get(projectKey)!;
    if (stored === null) {
      return {
        slo,
        state: 'NO_DATA',
        since: null,
        budgetRemaining: null,
        recoveringSince: null,
        firingAlerts: [],
        dataCoverage: null,
        policy,
        staleMinutes: null,
      };
    }
    const age = at - stored.evaluatedAt;
    return {
      slo,
      state: stored.decision.state,
      since: stored.decision.since,
      budgetRemaining: stored.status.budgetRemaining,
      recoveringSince: stored.decision.recoveringSince,
      firingAlerts: stored.status.alerts.filter((a) => a.firing).map((a) => a.severity),
      dataCoverage: stored.status.dataCoverage,
      policy,
      staleMinutes: age > staleAfterMs ? Math.round(age / 60_000) : null,
    };
  });
  const parts = gateStatement(gate.state, figures, at);
  return {
    state: parts.state,
    since: parts.since === null ? null : new Date(parts.since).toISOString(),
    sentences: parts.sentences,
    effect: parts.effect,
  };
}
