/**
 * Cuts an SLO's minutes into signed-request bodies. Batches follow a fixed grid — UTC days,
 * 1,440 points — and a batch id is derived from (SLO, start, end) only, so pushing the same range
 * again (a retry, a restart before the app recorded it) carries the same id and the app answers
 * `duplicate` instead of counting it twice.
 */
import {
  MAX_PUSH_BODY_BYTES,
  MAX_SLI_POINTS_PER_BATCH,
  type SliBatch,
  type SliPoint,
} from '../../contract/push-api';
import { DAY_MS, MINUTE_MS } from '../../domain/slo';
import type { MinutePoint } from './minutes';

export const GRID_MS = DAY_MS;

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** [from, to) cut at UTC midnights. */
export function gridCells(from: number, to: number): Range[] {
  const cells: Range[] = [];
  for (let start = from; start < to;) {
    const end = Math.min(to, (Math.floor(start / GRID_MS) + 1) * GRID_MS);
    cells.push({ start, end });
    start = end;
  }
  return cells;
}

/** `20260301T0000Z`: compact, sortable, and inside the id alphabet. */
function compact(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace(/[-:]/g, '') + 'Z';
}

/** `checkout-availability.20260301T0000Z-20260302T0000Z` (≤ 63 + 31 characters). */
export function batchId(slo: string, range: Range): string {
  return `${slo}.${compact(range.start)}-${compact(range.end)}`;
}

/** ISO on a whole minute without the `.000` the contract does not need. */
export function minuteIso(at: number): string {
  return new Date(at).toISOString().replace('.000Z', 'Z');
}

export interface PreparedBatch {
  readonly id: string;
  readonly slo: string;
  readonly range: Range;
  readonly points: number;
  /** The exact JSON sent (the signature covers these bytes). */
  readonly body: string;
}

function toPoint(slo: string, m: MinutePoint): SliPoint {
  const range = { slo, start: minuteIso(m.start), end: minuteIso(m.start + MINUTE_MS) };
  return 'value' in m ? { ...range, value: m.value } : { ...range, good: m.good, total: m.total };
}

export interface BatchLimits {
  readonly maxPoints: number;
  readonly maxBytes: number;
}

export const CONTRACT_LIMITS: BatchLimits = {
  maxPoints: MAX_SLI_POINTS_PER_BATCH,
  maxBytes: MAX_PUSH_BODY_BYTES,
};

/**
 * The batches of one grid cell: one when it fits, else the range halved (on a whole minute) until
 * each part fits — deterministic for the same range and data. Empty ranges give no batch (the
 * contract wants at least one point; the minutes stay missing).
 */
export function batchesOf(
  slo: string,
  range: Range,
  minutes: readonly MinutePoint[],
  limits: BatchLimits = CONTRACT_LIMITS,
): PreparedBatch[] {
  const inside = minutes.filter((m) => m.start >= range.start && m.start < range.end);
  if (inside.length === 0) return [];
  const batch: SliBatch = {
    batchId: batchId(slo, range),
    points: inside.map((m) => toPoint(slo, m)),
  };
  const body = JSON.stringify(batch);
  const fits = inside.length <= limits.maxPoints && Buffer.byteLength(body) <= limits.maxBytes;
  const span = (range.end - range.start) / MINUTE_MS;
  if (fits || span < 2) {
    if (!fits) throw new Error(`one minute of ${slo} does not fit in a batch`);
    return [{ id: batch.batchId, slo, range, points: inside.length, body }];
  }
  const middle = range.start + Math.floor(span / 2) * MINUTE_MS;
  return [
    ...batchesOf(slo, { start: range.start, end: middle }, inside, limits),
    ...batchesOf(slo, { start: middle, end: range.end }, inside, limits),
  ];
}
