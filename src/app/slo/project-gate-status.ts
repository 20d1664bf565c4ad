/**
 * The project's error-budget gate as stored now: the worst policy state among the SLOs linked to
 * the project (its own SLOs and those named in its configuration), with their reasons
 * (PRODUCT.md §4). A status older than STALE_AFTER_MS keeps its state — a slow job must not
 * unfreeze a project — and says how old it is.
 */
import {
  projectGate,
  type ErrorBudgetPolicy,
  type GateOverride,
  type ProjectGate,
  type SloGateInput,
} from '../../domain/gate';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { GateStatement } from '../../contract/gate';
import { loadGateOverrides } from '../gate/gate-override-store';
import { gateStatementOf, policiesOf } from './gate-statement';
import type { StoredSloStatus } from './roll-up-slo';
import { loadProjectSlos } from './slo-catalog';
import { sloStatusKey } from './storage-keys';

/** Three missed fiveMinute runs. */
export const STALE_AFTER_MS = 15 * 60_000;

export interface LinkedSloStatus {
  readonly slo: string;
  readonly service: string;
  readonly stored: StoredSloStatus | null;
}

/** The project's own SLOs, then the linked ones of other projects, with their stored status. */
export async function loadLinkedSloStatuses(
  deps: { kv: KeyValueStore; store: DocumentStore },
  projectKey: string,
  linkedNames: readonly string[],
): Promise<LinkedSloStatus[]> {
  const own = (await loadProjectSlos(deps.store, projectKey)).slos.bundle.slos;
  const names = [...new Set([...own.map((s) => s.name), ...linkedNames])];
  const found = new Map<string, StoredSloStatus>();
  for (let i = 0; i < names.length; i += 20) {
    const page = await deps.kv.getMany<StoredSloStatus>(
      names.slice(i, i + 20).map((n) => sloStatusKey(n)),
    );
    for (const value of page.values()) found.set(value.slo, value);
  }
  return names.map((slo) => {
    const stored = found.get(slo) ?? null;
    const service = own.find((s) => s.name === slo)?.service ?? stored?.status.service ?? '';
    return { slo, service, stored };
  });
}

/**
 * The gate from the stored statuses and the project's time-boxed overrides (gate-override-store.ts):
 * an override in force lets feature work start while FROZEN, in the freeze it was recorded in
 * (domain/gate/gate-in-force.ts); the state itself stays FROZEN.
 */
export function gateOf(
  statuses: readonly LinkedSloStatus[],
  now: Date,
  overrides: readonly GateOverride[] = [],
): ProjectGate {
  const inputs: SloGateInput[] = statuses.map(({ slo, service, stored }) => {
    if (stored === null) {
      return {
        slo,
        service,
        state: 'NO_DATA',
        reasons: [{ rule: 'no-data', message: 'no SLI data has been rolled up yet' }],
      };
    }
    const age = now.getTime() - stored.evaluatedAt;
    const reasons =
      age > STALE_AFTER_MS
        ? [
            ...stored.decision.reasons,
            {
              rule: stored.decision.reasons[0]?.rule ?? ('no-data' as const),
              message: `status last computed ${Math.round(age / 60_000)} minutes ago`,
            },
          ]
        : stored.decision.reasons;
    // The kept state changes tell when a freeze began: an override counts only in its own freeze.
    const changes = stored.changes.map((c) => ({ at: Date.parse(c.at), from: c.from, to: c.to }));
    return { slo, service, state: stored.decision.state, reasons, changes };
  });
  return projectGate(inputs, overrides, now.getTime());
}

/**
 * The linked SLOs' statuses, the gate with the project's overrides, and the gate's statement in
 * words (gate-statement.ts, with each owning project's policy): storage reads only.
 */
export async function loadProjectGate(
  deps: { kv: KeyValueStore; store: DocumentStore },
  projectKey: string,
  linkedNames: readonly string[],
  now: Date,
): Promise<{
  statuses: LinkedSloStatus[];
  gate: ProjectGate;
  statement: GateStatement;
  /** The error-budget policy of each project involved (this one and each linked SLO's owner). */
  policies: ReadonlyMap<string, ErrorBudgetPolicy>;
}> {
  const [statuses, overrides] = await Promise.all([
    loadLinkedSloStatuses(deps, projectKey, linkedNames),
    loadGateOverrides(deps.store, projectKey),
  ]);
  const gate = gateOf(statuses, now, overrides);
  const policies = await policiesOf(deps.store, projectKey, statuses);
  const statement = gateStatementOf(statuses, gate, policies, projectKey, now, STALE_AFTER_MS);
  return { statuses, gate, statement, policies };
}
