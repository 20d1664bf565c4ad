/**
 * One pass of `ballast sli sync`: ask the app where each SLO's data ends, query Prometheus from
 * there (or from `--since` back) up to two minutes ago, and push the minutes in grid batches.
 * Every request is rate limited and retried on transient failures; any other failure stops the
 * pass with its exit code (CliFailure).
 */
import { MINUTE_MS } from '../../domain/slo';
import { rateLimiter } from '../http';
import type { NetIo } from '../io';
import { getSliStatus, postSigned, type PushTarget } from '../push/client';
import { batchesOf, gridCells, minuteIso, GRID_MS, type Range } from './batches';
import { minuteCounts, minuteValues, noneSkipped, type MinutePoint, type Skipped } from './minutes';
import { queryRange, type PrometheusSource } from './prometheus';
import { progress, type Progress } from './progress';
import { isThresholdQuery, queryRangeFor, type SyncQueries } from './promql';

/**
 * The newest minutes are left for the next pass: Prometheus may still be ingesting samples up to
 * a scrape interval late, and a counter's minute needs its closing sample.
 */
export const SETTLE_MS = 2 * MINUTE_MS;
/** Days per query_range: 10,081 points, under Prometheus's 11,000 points per series. */
export const QUERY_CHUNK_DAYS = 7;

export interface SyncConfig {
  readonly prometheus: PrometheusSource;
  readonly target: PushTarget;
  readonly slos: readonly SyncQueries[];
  /** How far back to start for an SLO without data in the app (`--since`). */
  readonly sinceMs: number;
  /** Sync up to here instead of now − SETTLE_MS (whole minute). */
  readonly untilMs?: number;
  readonly dryRun: boolean;
  /** Requests per second to Prometheus and to the app, each. */
  readonly ratePerSecond: number;
}

export interface SyncSummary {
  readonly slos: number;
  batches: number;
  points: number;
  accepted: number;
  duplicates: number;
  readonly skipped: Skipped;
}

const floorTo = (t: number, unit: number): number => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number): number => Math.ceil(t / unit) * unit;

/** Where each SLO starts: the app's `dataUntil`, or `--since` back at the start of its UTC day. */
export function startOf(dataUntil: string | null | undefined, now: number, sinceMs: number) {
  const sinceStart = floorTo(now - sinceMs, GRID_MS);
  if (!dataUntil) return sinceStart;
  const until = Date.parse(dataUntil);
  return Number.isNaN(until) ? sinceStart : Math.max(sinceStart, ceilTo(until, MINUTE_MS));
}

/** Consecutive grid cells grouped QUERY_CHUNK_DAYS at a time: one query_range each. */
function chunks(from: number, to: number): Range[][] {
  const cells = gridCells(from, to);
  const out: Range[][] = [];
  for (let i = 0; i < cells.length; i += QUERY_CHUNK_DAYS)
    out.push(cells.slice(i, i + QUERY_CHUNK_DAYS));
  return out;
}

/** The pushable minutes of [start, end) of one SLO: counts of a ratio SLI, values of a threshold SLI. */
async function minutesOf(
  io: NetIo,
  source: PrometheusSource,
  slo: SyncQueries,
  start: number,
  end: number,
  skipped: Skipped,
): Promise<MinutePoint[]> {
  const what = (role: string) => `SLO ${slo.slo}, ${role} query`;
  if (isThresholdQuery(slo)) {
    const range = queryRangeFor(false, start, end);
    const samples = await queryRange(
      io,
      source,
      slo.query,
      range.start,
      range.end,
      what('threshold'),
    );
    return minuteValues(samples, start, end, skipped);
  }
  const range = queryRangeFor(slo.counter, start, end);
  const numerator = await queryRange(
    io,
    source,
    slo.numerator,
    range.start,
    range.end,
    what(slo.counts),
  );
  const total = await queryRange(io, source, slo.total, range.start, range.end, what('total'));
  return minuteCounts(slo, numerator, total, start, end, skipped);
}

export async function syncOnce(io: NetIo, config: SyncConfig): Promise<SyncSummary> {
  const prometheusSlot = rateLimiter(io, config.ratePerSecond);
  const appSlot = rateLimiter(io, config.ratePerSecond);
  let bar: Progress | null = null;
  const onRetry = (reason: string): void => (bar ? bar.note(reason) : io.stderr(`${reason}\n`));
  const pushOptions = { limit: appSlot, onRetry };
  const source: PrometheusSource = { ...config.prometheus, limit: prometheusSlot, onRetry };

  const status = await getSliStatus(io, config.target, pushOptions);
  const dataUntil = new Map(status.slos.map((s) => [s.slo, s.dataUntil]));
  const now = io.now();
  const to = Math.min(config.untilMs ?? Infinity, floorTo(now, MINUTE_MS) - SETTLE_MS);
  const work = config.slos.map((slo) => ({
    slo,
    from: startOf(dataUntil.get(slo.slo), now, config.sinceMs),
  }));
  const totalMinutes = work.reduce((n, w) => n + Math.max(0, to - w.from) / MINUTE_MS, 0);
  bar = progress(io, totalMinutes);
  const summary: SyncSummary = {
    slos: config.slos.length,
    batches: 0,
    points: 0,
    accepted: 0,
    duplicates: 0,
    skipped: noneSkipped(),
  };
  try {
    for (const { slo, from } of work) {
      for (const cells of chunks(from, to)) {
        const start = cells[0]!.start;
        const end = cells[cells.length - 1]!.end;
        const minutes = await minutesOf(io, source, slo, start, end, summary.skipped);
        for (const cell of cells) {
          for (const batch of batchesOf(slo.slo, cell, minutes)) {
            const where = `slo=${slo.slo} start=${minuteIso(batch.range.start)} end=${minuteIso(batch.range.end)} points=${batch.points}`;
            summary.batches += 1;
            summary.points += batch.points;
            if (config.dryRun) {
              io.stdout(
                `would-push ${where} bytes=${Buffer.byteLength(batch.body)} id=${batch.id}\n`,
              );
              continue;
            }
            const answer = await postSigned(
              io,
              config.target,
              batch.body,
              `batch ${batch.id}`,
              pushOptions,
            );
            summary.accepted += answer.accepted;
            if (answer.duplicate) summary.duplicates += 1;
            io.stdout(
              `pushed ${where} accepted=${answer.accepted} duplicate=${answer.duplicate} id=${batch.id}\n`,
            );
          }
          bar.advance((cell.end - cell.start) / MINUTE_MS, slo.slo, cell.end);
        }
      }
    }
  } finally {
    bar.finish();
  }
  return summary;
}

export function summaryLine(summary: SyncSummary, dryRun: boolean): string {
  const s = summary.skipped;
  return `${dryRun ? 'dry-run' : 'synced'} slos=${summary.slos} batches=${summary.batches} points=${summary.points} accepted=${summary.accepted} duplicates=${summary.duplicates} missing-minutes=${s.gap + s.reset + s.inconsistent} gaps=${s.gap} resets=${s.reset} inconsistent=${s.inconsistent}\n`;
}
