/**
 * The roll-up as it was before the stored roll-up per day (issue #21 item 2), kept as the
 * reference the new one is compared against (test/property/roll-up-days.test.ts): every stored
 * minute read as an object, every figure computed from them. Not used by the app.
 */
import {
  BURN_RATE_WINDOWS,
  computeSloStatus,
  sliSeriesFor,
  windowAt,
  withinCountLimit,
  type SliInterval,
  type SloSpec,
  type SloStatus,
} from '../../src/domain/slo';
import {
  replayPolicy,
  type ErrorBudgetPolicy,
  type PolicyDecision,
  type StateChange,
} from '../../src/domain/gate';
import type { KeyValueStore } from '../../src/ports/key-value-store';
import { EMPTY_DAY, fromStored, type SliDayRecord } from '../../src/app/slo/sli-chunks';
import { daysBetween, sliDayKey, sloStatusKey } from '../../src/app/slo/storage-keys';

const DAY_MS = 86_400_000;
/** How far back a full replay starts: a week of 5-minute steps (about 17 ms per SLO). */
const REPLAY_DAYS = 7;
/** State changes kept with the status (newest last). */
const CHANGES_KEPT = 50;

interface StoredSloStatus {
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

/** The stored intervals of one SLO over [from, to], oldest first. */
async function loadSliIntervals(
  kv: KeyValueStore,
  slo: string,
  from: number,
  to: number,
): Promise<SliInterval[]> {
  const keys = daysBetween(from, to).map((day) => sliDayKey(slo, day));
  const intervals: SliInterval[] = [];
  for (let i = 0; i < keys.length; i += 20) {
    const found = await kv.getMany<SliDayRecord>(keys.slice(i, i + 20));
    for (const key of keys.slice(i, i + 20)) {
      // Days stored before counts were bounded may hold 1e308: brought within the limit, never
      // healthier than stored (withinCountLimit), so no reader's sums overflow or throw.
      for (const iv of (found.get(key) ?? EMPTY_DAY).intervals)
        intervals.push(withinCountLimit(fromStored(iv)));
    }
  }
  return intervals;
}

export async function referenceRollUpSlo(
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
  const replayFrom = incremental ? previous.evaluatedAt : at - REPLAY_DAYS * DAY_MS;
  // The data every evaluated window needs: the SLO window (or the 3-day burn-rate window, if
  // longer) before the first replay step.
  const earliest = Math.min(
    windowAt(spec.window, replayFrom).start,
    replayFrom - BURN_RATE_WINDOWS['3d'],
  );
  const intervals = await loadSliIntervals(kv, spec.name, earliest, at);
  const series = sliSeriesFor(spec, intervals);
  const status = computeSloStatus(spec, series, at);
  const replay = replayPolicy(spec, series, policy, at, {
    from: replayFrom,
    ...(incremental ? { initial: previous.decision } : {}),
  });
  const changes = [
    ...(incremental ? previous.changes : []),
    ...replay.changes.filter((c) => c.from !== null || !incremental),
  ].slice(-CHANGES_KEPT);
  const last = intervals.reduce((end, iv) => Math.max(end, iv.end), -Infinity);
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
