/**
 * Reads an SLO's stored days into a series (typed arrays, no object per minute). Given the window
 * edges the caller will measure (evaluationEdges), a day with stored sums that no edge falls inside
 * enters as one row of sums, and only the days an edge cuts are read minute by minute: a steady
 * five-minute roll-up of a 30-day SLO reads four days, not thirty-three (issue #21 item 2).
 */
import {
  buildSliSeriesFromParts,
  edgesInside,
  type SliPart,
  type SliSeries,
} from '../../domain/slo';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { SliDayRecord } from './sli-chunks';
import { dayColumns, usableSums, type SliDaySumsRecord } from './sli-day-sums';
import { daysBetween, sliDayKey, sliDaySumsKey } from './storage-keys';

/** Forge KVS batch limit (the port's getMany). */
const BATCH = 20;

export interface LoadedSeries {
  readonly series: SliSeries;
  /** End of the last stored interval, or null when the days hold none. */
  readonly dataUntil: number | null;
  /** Days read minute by minute, and days taken as their sums. */
  readonly daysRead: number;
  readonly daysSummed: number;
  /** Days read minute by minute that hold data but no usable sums (to be summed). */
  readonly unsummed: readonly string[];
}

async function getAll<T>(kv: KeyValueStore, keys: readonly string[]): Promise<Map<string, T>> {
  const parts: Promise<Map<string, T>>[] = [];
  for (let i = 0; i < keys.length; i += BATCH) parts.push(kv.getMany<T>(keys.slice(i, i + BATCH)));
  const found = new Map<string, T>();
  for (const part of await Promise.all(parts)) for (const [k, v] of part) found.set(k, v);
  return found;
}

/**
 * The series of one SLO over the UTC days holding [from, to]. `edges` (sorted) are the instants
 * the caller cuts windows at; null reads every day minute by minute.
 */
export async function loadSliSeries(
  kv: KeyValueStore,
  slo: string,
  sliceTarget: number,
  from: number,
  to: number,
  edges: Float64Array | null,
): Promise<LoadedSeries> {
  const dates = daysBetween(from, to);
  const sums =
    edges === null
      ? new Map<string, SliDaySumsRecord>()
      : await getAll<unknown>(
          kv,
          dates.map((d) => sliDaySumsKey(slo, d)),
        );
  const summed = new Map<string, SliDaySumsRecord>();
  const read: string[] = [];
  for (const date of dates) {
    const s = sums.get(sliDaySumsKey(slo, date));
    if (edges !== null && usableSums(s, sliceTarget) && !edgesInside(edges, s.first, s.last))
      summed.set(date, s);
    else read.push(date);
  }
  const days = await getAll<SliDayRecord>(
    kv,
    read.map((d) => sliDayKey(slo, d)),
  );
  const parts: SliPart[] = [];
  const unsummed: string[] = [];
  let dataUntil: number | null = null;
  for (const date of dates) {
    const block = summed.get(date);
    if (block !== undefined) {
      parts.push({ kind: 'block', sums: block });
      dataUntil = Math.max(dataUntil ?? -Infinity, block.last);
      continue;
    }
    const day = days.get(sliDayKey(slo, date));
    if (day === undefined || day.intervals.length === 0) continue;
    if (!usableSums(sums.get(sliDaySumsKey(slo, date)), sliceTarget)) unsummed.push(date);
    const columns = dayColumns(day);
    parts.push({ kind: 'intervals', columns });
    for (let k = 0; k < columns.length; k += 1)
      dataUntil = Math.max(dataUntil ?? -Infinity, columns.ends[k]!);
  }
  return {
    series: buildSliSeriesFromParts(parts, sliceTarget),
    dataUntil,
    daysRead: read.length,
    daysSummed: summed.size,
    unsummed: edges === null ? [] : unsummed,
  };
}
