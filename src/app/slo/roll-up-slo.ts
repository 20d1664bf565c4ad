/**
 * Rolls up one SLO (the fiveMinute job, after compaction): its status snapshot from the stored
 * days, and its error-budget policy state carried forward from the last run, so FROZEN hysteresis
 * holds across runs (src/domain/gate/transition.ts). When older data arrived since the last run
 * (a backfill), the policy is replayed over the last REPLAY_DAYS instead.
 */
import {
  BURN_RATE_WINDOWS,
  computeSloStatus,
  concatColumns,
  sliceTargetOf,
  windowAt,
  type SliColumns,
  type SloSpec,
  type SloStatus,
} from '../../domain/slo';
import {
  DEFAULT_REPLAY_STEP,
  evaluationEdges,
  replayInstants,
  replayPolicy,
  type ErrorBudgetPolicy,
  type PolicyDecision,
  type StateChange,
} from '../../domain/gate';
import type { KeyValueStore } from '../../ports/key-value-store';
import { COMPACTION_LOCK_TTL_SECONDS } from './compact-sli';
import { loadSliSeries } from './load-sli-series';
import type { SliDayRecord } from './sli-chunks';
import { backfillDaySums, dayColumns } from './sli-day-sums';
import { daysBetween, sliDayKey, sloStatusKey } from './storage-keys';

const DAY_MS = 86_400_000;
/** How far back a full replay starts: a week of 5-minute steps (about 17 ms per SLO). */
export const REPLAY_DAYS = 7;
/** State changes kept with the status (newest last). */
const CHANGES_KEPT = 50;

export interface StoredSloStatus {
  readonly v: 1;
  readonly slo: string;
  readonly projectKey: string;
  readonly status: SloStatus;
  readonly decision: PolicyDecision;
  readonly changes: readonly StateChange[];
  /** Epoch ms of the last policy step, where the next run continues. */
  readonly evaluatedAt: number;
  /** End of the last stored interval (ISO), or null when the stored days hold none. */
  readonly dataUntil: string | null;
  /** Pushed intervals dropped so far because they overlapped stored data (see sli-chunks.ts). */
  readonly conflicts: number;
}

/**
 * The stored intervals of one SLO over the UTC days holding [from, to], oldest first, as columns
 * (no object per minute): every minute is read (the charts and the postmortem scan need them).
 */
export async function loadSliColumns(
  kv: KeyValueStore,
  slo: string,
  from: number,
  to: number,
): Promise<SliColumns> {
  const keys = daysBetween(from, to).map((day) => sliDayKey(slo, day));
  const parts: SliColumns[] = [];
  for (let i = 0; i < keys.length; i += 20) {
    const found = await kv.getMany<SliDayRecord>(keys.slice(i, i + 20));
    for (const key of keys.slice(i, i + 20)) {
      const day = found.get(key);
      if (day !== undefined) parts.push(dayColumns(day));
    }
  }
  return concatColumns(parts);
}

/**
 * The first instant of SLI data a roll-up whose replay starts at `replayFrom` reads: the SLO window
 * (or the 3-day burn-rate window, if longer) before the first replay step. The retention job keeps
 * everything from here on (src/app/retention/expire-sli-days.ts, with a full replay's start).
 */
export function sliNeededFrom(spec: SloSpec, replayFrom: number): number {
  return Math.min(windowAt(spec.window, replayFrom).start, replayFrom - BURN_RATE_WINDOWS['3d']);
}

/** Where a full replay starts at `at`: REPLAY_DAYS before it. */
export const fullReplayFrom = (at: number): number => at - REPLAY_DAYS * DAY_MS;

export async function rollUpSlo(
  kv: KeyValueStore,
  input: {
    spec: SloSpec;
    projectKey: string;
    policy: ErrorBudgetPolicy;
    now: Date;
    /** Earliest start of data merged since the last run (compaction), or null. */
    changedFrom: number | null;
    conflicts: number;
  },
): Promise<StoredSloStatus> {
  const { spec, policy } = input;
  const at = input.now.getTime();
  const previous = await kv.get<StoredSloStatus>(sloStatusKey(spec.name));
  const incremental =
    previous !== undefined &&
    previous.evaluatedAt < at &&
    (input.changedFrom === null || input.changedFrom >= previous.evaluatedAt);
  const replayFrom = incremental ? previous.evaluatedAt : fullReplayFrom(at);
  // The data every evaluated window needs (the retention job keeps it: sliNeededFrom).
  const earliest = sliNeededFrom(spec, replayFrom);
  // Only the days a measured window's edge cuts are read minute by minute; the others enter as
  // their stored sums (sli-day-sums.ts), with every figure unchanged (sli-blocks.ts).
  const steps = replayInstants(at, replayFrom, DEFAULT_REPLAY_STEP);
  const edges = evaluationEdges(spec, [...steps, at]);
  const sliceTarget = sliceTargetOf(spec);
  const loaded = await loadSliSeries(kv, spec.name, sliceTarget, earliest, at, edges);
  const series = loaded.series;
  const status = computeSloStatus(spec, series, at);
  const replay = replayPolicy(spec, series, policy, at, {
    from: replayFrom,
    ...(incremental ? { initial: previous.decision } : {}),
  });
  if (loaded.unsummed.length > 0)
    await backfillDaySums(
      kv,
      spec.name,
      loaded.unsummed,
      sliceTarget,
      input.now,
      COMPACTION_LOCK_TTL_SECONDS,
    );
  const changes = [
    ...(incremental ? previous.changes : []),
    ...replay.changes.filter((c) => c.from !== null || !incremental),
  ].slice(-CHANGES_KEPT);
  const last = loaded.dataUntil ?? -Infinity;
  const stored: StoredSloStatus = {
    v: 1,
    slo: spec.name,
    projectKey: input.projectKey,
    status,
    decision: replay.decision,
    changes,
    evaluatedAt: at,
    dataUntil: Number.isFinite(last) ? new Date(last).toISOString() : (previous?.dataUntil ?? null),
    conflicts: (previous?.conflicts ?? 0) + input.conflicts,
  };
  await kv.set(sloStatusKey(spec.name), stored);
  return stored;
}
