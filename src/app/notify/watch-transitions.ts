/**
 * Where Ballast notices the four transitions (issue #22 item 3), each right after the job that
 * computes the figure, from storage only — so watching never slows or fails the roll-up, the
 * recompute or the postmortem job (their callers catch what this throws):
 *
 * - the gate: after each fiveMinute roll-up, the project's gate (`loadProjectGate`, what every
 *   screen shows) against the state last notified, swapped atomically (`setReturningPrevious`), so
 *   of two overlapping runs only the one that saw the change raises it;
 * - an alert: the SLO's alerts before and after its roll-up (`startedSeverities`);
 * - the buffer: the active sprint's row of the metrics snapshot just stored (`interrupts.overBuffer`,
 *   the Capacity page's own figure), once per sprint;
 * - a postmortem: when the postmortem job opens one.
 * Only projects with a channel (`notify-enabled:`) and the event switched on are watched.
 */
import type { AlertStatus } from '../../domain/slo';
import type { GateState } from '../../domain/gate';
import { gateNoticeDue, startedSeverities } from '../../domain/notify/transitions';
import type { NoticeEvent } from '../../domain/notify/notice';
import type { MetricsSnapshot } from '../../contract/project-page';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectGate } from '../slo/project-gate-status';
import type { StoredSloStatus } from '../slo/roll-up-slo';
import type { OpenedPostmortem } from '../slo/open-postmortems';
import {
  loadNotifySettings,
  notifyEnabledKey,
  NOTIFY_ENABLED_PREFIX,
} from './notify-settings-store';
import { raiseNotice, type NoticeQueue } from './notice-outbox';
import { listAll } from '../../ports/key-value-store';

export interface WatchDeps {
  readonly kv: KeyValueStore;
  readonly store: DocumentStore;
  readonly queue: NoticeQueue | null;
}

export const notifiedGateKey = (projectKey: string) => `notify-gate:${projectKey}`;

interface NotifiedGate {
  readonly v: 1;
  readonly state: GateState;
  readonly at: string;
}

/** Whether the project has a channel and wants this event. */
async function wants(deps: WatchDeps, projectKey: string, event: NoticeEvent): Promise<boolean> {
  if ((await deps.kv.get(notifyEnabledKey(projectKey))) === undefined) return false;
  return (await loadNotifySettings(deps.store, projectKey)).events[event];
}

/** The projects with a channel, for the fiveMinute job's gate watch. */
export async function watchedProjects(kv: KeyValueStore): Promise<string[]> {
  return (await listAll(kv, NOTIFY_ENABLED_PREFIX)).map((e) =>
    e.key.slice(NOTIFY_ENABLED_PREFIX.length),
  );
}

/** Raises a gate notice when the project's gate is in another state than last notified. */
export async function watchGate(deps: WatchDeps, projectKey: string, now: Date): Promise<boolean> {
  if (!(await wants(deps, projectKey, 'gate'))) return false;
  const config = (await loadProjectConfig(deps.store, projectKey)).config;
  const { gate, statement } = await loadProjectGate(deps, projectKey, config.sloIds, now);
  const previous = await deps.kv.setReturningPrevious<NotifiedGate>(notifiedGateKey(projectKey), {
    v: 1,
    state: gate.state,
    at: now.toISOString(),
  } satisfies NotifiedGate);
  // Another version reads as never notified: at worst one notice too many, never a missed freeze.
  const from = previous?.v === 1 ? previous.state : null;
  if (!gateNoticeDue(from, gate.state)) return false;
  return raiseNotice(
    deps,
    {
      kind: 'gate',
      projectKey,
      at: now.toISOString(),
      from,
      to: gate.state,
      sentences: statement.sentences,
      effect: statement.effect,
    },
    now,
  );
}

/** Raises one alert notice per severity that started firing in this roll-up of the SLO. */
export async function watchAlerts(
  deps: WatchDeps,
  before: StoredSloStatus | undefined,
  after: StoredSloStatus,
  now: Date,
): Promise<number> {
  const started = startedSeverities(before?.status.alerts ?? null, after.status.alerts);
  if (started.length === 0 || !(await wants(deps, after.projectKey, 'alert'))) return 0;
  let raised = 0;
  for (const severity of started) {
    // The rule of this severity burning hardest over its long window is the one named.
    const rule = after.status.alerts
      .filter(
        (a): a is AlertStatus & { longBurnRate: number; shortBurnRate: number } =>
          a.severity === severity &&
          a.firing &&
          a.longBurnRate !== null &&
          a.shortBurnRate !== null,
      )
      .sort((a, b) => b.longBurnRate - a.longBurnRate)[0];
    if (rule === undefined) continue;
    const ok = await raiseNotice(
      deps,
      {
        kind: 'alert',
        projectKey: after.projectKey,
        at: after.status.at,
        slo: after.slo,
        service: after.status.service,
        severity,
        longWindow: rule.longWindow,
        shortWindow: rule.shortWindow,
        longBurnRate: rule.longBurnRate,
        shortBurnRate: rule.shortBurnRate,
        factor: rule.factor,
        budgetRemaining: after.status.budgetRemaining,
      },
      now,
    );
    if (ok) raised += 1;
  }
  return raised;
}

/** Raises the buffer notice of the snapshot's active sprint once its buffer is spent. */
export async function watchBuffer(
  deps: WatchDeps,
  snapshot: MetricsSnapshot,
  now: Date,
): Promise<boolean> {
  const active = snapshot.sprints.find((s) => s.state === 'active');
  const interrupts = active?.interrupts;
  if (active === undefined || interrupts === undefined || interrupts.overBuffer !== true)
    return false;
  if (interrupts.value === null || interrupts.bufferPoints === null) return false;
  if (!(await wants(deps, snapshot.projectKey, 'buffer'))) return false;
  return raiseNotice(
    deps,
    {
      kind: 'buffer',
      projectKey: snapshot.projectKey,
      at: now.toISOString(),
      sprintId: active.sprintId,
      sprintName: active.name,
      added: interrupts.value,
      buffer: interrupts.bufferPoints,
      unit: active.unit,
    },
    now,
  );
}

/** Raises the notice of a postmortem the job just opened in `projectKey`. */
export async function watchPostmortem(
  deps: WatchDeps,
  projectKey: string,
  opened: OpenedPostmortem,
  now: Date,
): Promise<boolean> {
  if (!(await wants(deps, projectKey, 'postmortem'))) return false;
  return raiseNotice(
    deps,
    {
      kind: 'postmortem',
      projectKey,
      at: now.toISOString(),
      slo: opened.slo,
      issueKey: opened.issueKey,
      budgetShare: opened.budgetShare,
      start: opened.start,
      end: opened.end,
    },
    now,
  );
}
