/**
 * A tiny benchmark harness: time a function over several runs and report the median and spread.
 * Benchmarks are measurements written to bench/RESULTS.md, never timed tests that pass or fail.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /**
   * The machine's 1-minute load average when the samples were summarised (the minute they were
   * taken in). `time` and `summarize` record it; bench/run.ts writes it in the row.
   */
  readonly loadAvg1m?: number;
}

export interface BenchResult {
  /** What was measured, e.g. "rebalance: 500 sprint items, 5,000 backlog items". */
  readonly name: string;
  /** The limit or aim the figure is held against, e.g. "well under 100 ms (issue #3)". */
  readonly aim: string;
  readonly timing: Timing;
  /**
   * Names the row had in earlier runs, so a renamed row is still compared with its previous
   * figures (bench/results-table.ts).
   */
  readonly formerNames?: readonly string[];
  /** Other figures worth recording (Jira calls, bytes, memory…), already formatted. */
  readonly extra?: Readonly<Record<string, string | number>>;
}

/** A benchmark file's default export. */
export interface BenchSuite {
  readonly title: string;
  /** Markdown shown under the section title: how a figure is derived, what changed and why. */
  readonly notes?: string;
  run(): Promise<readonly BenchResult[]>;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function time(
  fn: () => unknown,
  { runs = 7, warmup = 2 }: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** Median and spread of durations measured by the caller (e.g. a span inside a larger run). */
export function summarize(samplesMs: readonly number[]): Timing {
  const samples = [...samplesMs].sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: median(samples),
    minMs: samples[0]!,
    maxMs: samples[samples.length - 1]!,
    loadAvg1m: loadavg()[0]!,
  };
}
