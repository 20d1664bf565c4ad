/**
 * Time-boxed overrides of the error-budget gate (PRODUCT.md §4: "Overrides need a reason and are
 * audited"). While a project is FROZEN, a project admin may let feature work start again until a
 * stated time, with a reason; the workflow validator, the issue panel, the planner and the project
 * page honour it through `gateOf` (project-gate-status.ts).
 *
 * Recording and ending need the project-admin permission (an override suspends the policy the team
 * agreed), checked on the server as the person. Writes name the version read, and a writer that lost
 * a race reads again and retries once, so two overrides recorded at once are both kept.
 */
import { randomUUID } from 'node:crypto';
import {
  GATE_OVERRIDE_MAX_HOURS,
  GATE_OVERRIDE_REASON_MAX,
  type GateOverrideView,
  type GateOverridesView,
} from '../../contract/gate';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { overrideNotCountingBecause, type ProjectGate } from '../../domain/gate';
import { AppError } from '../errors';
import { displayNames } from '../people/display-names';
import { requireReason } from '../reason';
import { loadProjectConfig } from '../project/project-config-repository';
import { gateOf, loadLinkedSloStatuses } from '../slo/project-gate-status';
import {
  GATE_OVERRIDES_KIND,
  GATE_OVERRIDES_SCHEMA_VERSION,
  MAX_KEPT,
  asGateOverrides,
  endOf,
  loadGateOverrideEntries,
  type GateOverrideEntry,
} from './gate-override-store';

export interface GateOverrideDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
}

/** In force: within its time box, and counting under the gate now (domain/gate/gate-in-force.ts). */
function viewOf(entry: GateOverrideEntry, now: number, gate: ProjectGate): GateOverrideView {
  const [override] = asGateOverrides([entry]);
  const inTimeBox = Date.parse(entry.at) <= now && now < endOf(entry);
  return { ...entry, inForce: inTimeBox && overrideNotCountingBecause(override!, gate) === null };
}

async function isProjectAdmin(jira: JiraPort, projectKey: string): Promise<boolean> {
  const granted = await jira.myPermissions({ projectKey }, [
    'BROWSE_PROJECTS',
    'ADMINISTER_PROJECTS',
  ]);
  if (!granted.BROWSE_PROJECTS)
    throw new AppError('NOT_FOUND', `Project ${projectKey} does not exist or you cannot see it.`);
  return granted.ADMINISTER_PROJECTS === true;
}

async function viewFor(
  deps: GateOverrideDeps,
  projectKey: string,
  canRecord: boolean,
): Promise<GateOverridesView> {
  const now = deps.clock.now();
  const [{ entries }, { config }] = await Promise.all([
    loadGateOverrideEntries(deps.store, projectKey),
    loadProjectConfig(deps.store, projectKey),
  ]);
  // The overrides just read decide the gate too: no second read of them.
  const statuses = await loadLinkedSloStatuses(deps, projectKey, config.sloIds);
  const gate = gateOf(statuses, now, asGateOverrides(entries));
  const history = entries.map((e) => viewOf(e, now.getTime(), gate)).reverse();
  // Who recorded and ended each override, by name (one bulk look-up as the person asking).
  const people = await displayNames(
    deps.jira,
    history.flatMap((e) => [e.accountId, ...(e.endedBy === null ? [] : [e.endedBy])]),
  );
  return {
    projectKey,
    gateState: gate.state,
    active: history.find((e) => e.inForce) ?? null,
    history,
    canRecord,
    maxHours: GATE_OVERRIDE_MAX_HOURS,
    people,
  };
}

export async function listGateOverrides(
  deps: GateOverrideDeps,
  projectKey: string,
): Promise<GateOverridesView> {
  return viewFor(deps, projectKey, await isProjectAdmin(deps.jira, projectKey));
}

async function requireAdmin(jira: JiraPort, projectKey: string): Promise<void> {
  if (!(await isProjectAdmin(jira, projectKey)))
    throw new AppError(
      'FORBIDDEN',
      `Only administrators of project ${projectKey} can override the error-budget freeze: it suspends the policy the team agreed. Ask a project admin.`,
    );
}

/** Appends or changes entries against the version read; one retry after a lost race. */
async function update(
  deps: GateOverrideDeps,
  projectKey: string,
  accountId: string,
  change: (entries: readonly GateOverrideEntry[]) => GateOverrideEntry[],
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const { entries, version } = await loadGateOverrideEntries(deps.store, projectKey);
    const next = change(entries);
    try {
      await deps.store.put(
        GATE_OVERRIDES_KIND,
        projectKey,
        { schemaVersion: GATE_OVERRIDES_SCHEMA_VERSION, entries: next },
        version,
        { accountId, at: deps.clock.now() },
      );
      return;
    } catch (error: unknown) {
      if (attempt > 0 || !(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
    }
  }
}

function keepWithinLimit(entries: GateOverrideEntry[], now: number): GateOverrideEntry[] {
  const kept = [...entries];
  while (kept.length > MAX_KEPT) {
    const oldestEnded = kept.findIndex((e) => endOf(e) <= now);
    if (oldestEnded < 0) break;
    kept.splice(oldestEnded, 1);
  }
  return kept;
}

export async function recordGateOverride(
  deps: GateOverrideDeps,
  input: { projectKey: string; accountId: string; reason: string; hours: number },
): Promise<GateOverridesView> {
  const reason = requireReason(
    input.reason,
    GATE_OVERRIDE_REASON_MAX,
    'Say why feature work may start despite the freeze: the reason is required.',
  );
  if (!Number.isInteger(input.hours) || input.hours < 1 || input.hours > GATE_OVERRIDE_MAX_HOURS)
    throw new AppError(
      'BAD_REQUEST',
      `An override lasts whole hours, from 1 to ${GATE_OVERRIDE_MAX_HOURS} (7 days); got ${input.hours}.`,
      { field: 'hours' },
    );
  await requireAdmin(deps.jira, input.projectKey);
  const current = await viewFor(deps, input.projectKey, true);
  if (current.gateState !== 'FROZEN')
    throw new AppError(
      'BAD_REQUEST',
      `The gate of ${input.projectKey} is ${current.gateState}, not FROZEN: feature work is not held, so there is nothing to override.`,
    );
  const now = deps.clock.now();
  const entry: GateOverrideEntry = {
    id: randomUUID(),
    accountId: input.accountId,
    at: now.toISOString(),
    until: new Date(now.getTime() + input.hours * 3_600_000).toISOString(),
    reason,
    endedAt: null,
    endedBy: null,
  };
  await update(deps, input.projectKey, input.accountId, (entries) =>
    keepWithinLimit([...entries, entry], now.getTime()),
  );
  return viewFor(deps, input.projectKey, true);
}

export async function endGateOverride(
  deps: GateOverrideDeps,
  input: { projectKey: string; accountId: string; id: string },
): Promise<GateOverridesView> {
  await requireAdmin(deps.jira, input.projectKey);
  const now = deps.clock.now();
  await update(deps, input.projectKey, input.accountId, (entries) => {
    const found = entries.find((e) => e.id === input.id);
    if (found === undefined)
      throw new AppError('NOT_FOUND', `No override ${input.id} in ${input.projectKey}.`, {
        field: 'id',
      });
    if (endOf(found) <= now.getTime())
      throw new AppError('BAD_REQUEST', 'That override has already ended.', { field: 'id' });
    return entries.map((e) =>
      e.id === input.id ? { ...e, endedAt: now.toISOString(), endedBy: input.accountId } : e,
    );
  });
  return viewFor(deps, input.projectKey, true);
}
