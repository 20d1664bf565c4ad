/**
 * Stores one signed SLI batch from the push API (PRODUCT.md §4). All of the batch or none of it:
 * its intervals are grouped by SLO and UTC day and written, with the batch marker, in one storage
 * transaction of append-only records — pushes of different batches never touch the same key, so
 * none can overwrite another (the compaction job merges them later, see compact-sli.ts). Pushes of
 * one batch id claim it first (app/push/push-claim.ts): one stores, identical copies are told
 * duplicate, other points under the same id are refused with CONFLICT.
 */
import {
  checkSliIntervals,
  isThresholdIndicator,
  thresholdIntervals,
  type SliInterval,
  type SloSpec,
} from '../../domain/slo';
import type { SliBatch, SliPoint } from '../../contract/push-api';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueOperation, KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { requirePlausibleSliBatch } from '../push/plausible-push';
import { claimPush, contentDigest, releasePushClaim, type PushMarker } from '../push/push-claim';
import { findSloSpec, loadSloDirectory } from './slo-catalog';
import { toStored, type SliRawRecord } from './sli-chunks';
import { dayOf, sliBatchKey, sliRawKey } from './storage-keys';

/** A Forge transaction holds 25 operations: the batch marker plus 24 (SLO, day) records. */
export const MAX_SLO_DAYS_PER_BATCH = 24;
/** Longer intervals would blur the burn rates of the short (5m…1h) alert windows anyway. */
export const MAX_INTERVAL_MS = 86_400_000;
/** How long a batch id is remembered for `duplicate: true` (the merged days remember it for good). */
export const BATCH_MARKER_TTL_SECONDS = 35 * 86_400;

export interface IngestResult {
  readonly accepted: number;
  readonly duplicate: boolean;
}

export async function ingestSliBatch(
  deps: { kv: KeyValueStore; store: DocumentStore },
  batch: SliBatch,
  receivedAt: Date,
): Promise<IngestResult> {
  requirePlausibleSliBatch(batch, receivedAt);
  const directory = (await loadSloDirectory(deps.store)).entries;
  const groups = new Map<string, { slo: string; day: string; intervals: SliInterval[] }>();
  const bySlo = new Map<string, { index: number; interval: SliInterval }[]>();
  batch.points.forEach((point, index) => {
    if (!directory.has(point.slo)) {
      throw new AppError(
        'NOT_FOUND',
        `points[${index}].slo: no SLO named "${point.slo}" is defined in Ballast; import its OpenSLO file in the project's Ballast settings first.`,
        { field: `points[${index}].slo` },
      );
    }
  });
  const thresholdSpecs = await specsOfValuePoints(deps.store, batch.points, directory);
  batch.points.forEach((point, index) => {
    const interval = intervalOf(point, index, thresholdSpecs);
    if (interval.end - interval.start > MAX_INTERVAL_MS) {
      throw new AppError('BAD_REQUEST', `points[${index}]: an interval may span at most one day.`, {
        field: `points[${index}].end`,
      });
    }
    const sloItems = bySlo.get(point.slo) ?? [];
    sloItems.push({ index, interval });
    bySlo.set(point.slo, sloItems);
    const day = dayOf(interval.start);
    const key = `${point.slo}\u0000${day}`;
    const group = groups.get(key) ?? { slo: point.slo, day, intervals: [] };
    group.intervals.push(interval);
    groups.set(key, group);
  });
  for (const items of bySlo.values()) {
    const [problem] = checkSliIntervals(items.map((i) => i.interval));
    if (problem !== undefined) {
      const index = items[problem.index]!.index;
      throw new AppError('BAD_REQUEST', `points[${index}]: ${problem.reason}.`, {
        field: `points[${index}]`,
      });
    }
  }
  if (groups.size > MAX_SLO_DAYS_PER_BATCH) {
    throw new AppError(
      'BAD_REQUEST',
      `points: this batch touches ${groups.size} (SLO, day) pairs; at most ${MAX_SLO_DAYS_PER_BATCH} fit one batch. Send fewer days per batch.`,
      { field: 'points' },
    );
  }
  const markerKey = sliBatchKey(batch.batchId);
  const digest = sliBatchDigest(batch);
  const claim = await claimPush(deps.kv, {
    key: markerKey,
    digest,
    what: `batch "${batch.batchId}"`,
    field: 'batchId',
  });
  if (claim === null) return { accepted: 0, duplicate: true };
  const at = receivedAt.toISOString();
  const operations: KeyValueOperation[] = [...groups.values()].map((group) => {
    const record: SliRawRecord = {
      v: 1,
      batchId: batch.batchId,
      receivedAt: at,
      intervals: group.intervals.sort((a, b) => a.start - b.start).map(toStored),
    };
    return { op: 'set', key: sliRawKey(group.slo, group.day, batch.batchId), value: record };
  });
  const marker: SliBatchMarker = {
    v: 2,
    digest,
    state: 'stored',
    receivedAt: at,
    points: batch.points.length,
  };
  operations.push({
    op: 'set',
    key: markerKey,
    value: marker,
    ttlSeconds: BATCH_MARKER_TTL_SECONDS,
  });
  try {
    await deps.kv.transact(operations);
  } catch (error: unknown) {
    await releasePushClaim(deps.kv, markerKey, claim);
    throw error;
  }
  return { accepted: batch.points.length, duplicate: false };
}

/**
 * The specs of the SLOs that `value` points name (loaded only when a batch has such points), each
 * checked to have a threshold SLI: a ratio SLI has no threshold to judge a value by.
 */
async function specsOfValuePoints(
  store: DocumentStore,
  points: readonly SliPoint[],
  directory: ReadonlyMap<string, string>,
): Promise<Map<string, SloSpec>> {
  const specs = new Map<string, SloSpec>();
  for (const [index, point] of points.entries()) {
    if (point.value === undefined || specs.has(point.slo)) continue;
    const found = await findSloSpec(store, point.slo, directory);
    if (found === undefined)
      throw new AppError('NOT_FOUND', `points[${index}].slo: no SLO named "${point.slo}".`, {
        field: `points[${index}].slo`,
      });
    if (!isThresholdIndicator(found.spec.indicator))
      throw new AppError(
        'BAD_REQUEST',
        `points[${index}].value: SLO ${point.slo} has a ratio SLI, which has no threshold to compare a value with; push good and total for it.`,
        { field: `points[${index}].value` },
      );
    specs.set(point.slo, found.spec);
  }
  return specs;
}

/**
 * A point's interval: its counts, or — a threshold SLI's raw value — one event of that minute,
 * good when `value op threshold` by the SLO as it is now (threshold.ts; the verdict is stored, so a
 * threshold changed later applies to data pushed after the change).
 */
function intervalOf(
  point: SliPoint,
  index: number,
  thresholdSpecs: ReadonlyMap<string, SloSpec>,
): SliInterval {
  const start = Date.parse(point.start);
  const end = Date.parse(point.end);
  if (point.value === undefined)
    return { start, end, good: point.good ?? 0, total: point.total ?? 0 };
  const spec = thresholdSpecs.get(point.slo)!;
  if (spec.objectiveOp === undefined || spec.objectiveValue === undefined)
    throw new AppError(
      'BAD_REQUEST',
      `points[${index}].value: SLO ${point.slo} has no op and value to compare with.`,
      {
        field: `points[${index}].value`,
      },
    );
  const [counted] = thresholdIntervals(
    [{ at: start, value: point.value }],
    spec.objectiveOp,
    spec.objectiveValue,
  );
  return counted!;
}

/**
 * A received batch id (`sli-batch:<id>`): its content digest, so a repeat is told duplicate and
 * the id with other points CONFLICT (app/push/push-claim.ts). Markers written before version 2
 * hold only `receivedAt` and `points`; a repeat of their id is answered duplicate, as before.
 */
export interface SliBatchMarker extends PushMarker {
  readonly v: 2;
  readonly receivedAt: string;
  readonly points: number;
}

/** The batch's points in one order and one time format: the same data has one digest. */
function sliBatchDigest(batch: SliBatch): string {
  return contentDigest(
    batch.points
      .map(
        (p) =>
          [
            p.slo,
            Date.parse(p.start),
            Date.parse(p.end),
            p.good,
            p.total,
            p.value ?? null,
          ] as const,
      )
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2])),
  );
}
