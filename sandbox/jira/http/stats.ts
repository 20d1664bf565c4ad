/**
 * Per-route call counters, read and reset at /__sandbox/stats (the benchmarks count Jira calls),
 * and when each call was served, for the longest chain of calls made one after another.
 */
import { performance } from 'node:perf_hooks';

interface Span {
  readonly start: number;
  end: number;
}

export interface CallSnapshot {
  since: string;
  total: number;
  byRoute: Record<string, number>;
  /**
   * The longest chain of calls each of which started after the one before it had been answered:
   * the calls a client waited for one after another, so at least `chain` × the latency per call
   * is spent on Jira whatever else runs at the same time. Calls still open are left out.
   */
  chain: number;
}

/**
 * The most calls that can be put in a row without two overlapping: the greedy choice of the
 * earliest-answered call next is optimal for intervals (interval scheduling).
 */
export function longestChain(spans: readonly { start: number; end: number }[]): number {
  const sorted = [...spans].sort((a, b) => a.end - b.end);
  let chain = 0;
  let free = Number.NEGATIVE_INFINITY;
  for (const span of sorted) {
    if (span.start >= free) {
      chain += 1;
      free = span.end;
    }
  }
  return chain;
}

export class CallStats {
  private counts = new Map<string, number>();
  private spans: Span[] = [];
  private since: string;

  constructor(private readonly now: () => Date) {
    this.since = now().toISOString();
  }

  /** Counts a call as it arrives; the returned function marks it answered. */
  count(route: string): () => void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    const span: Span = { start: performance.now(), end: Number.NaN };
    const spans = this.spans;
    spans.push(span);
    return () => {
      if (Number.isNaN(span.end)) span.end = performance.now();
    };
  }

  snapshot(): CallSnapshot {
    const byRoute = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return {
      since: this.since,
      total: [...this.counts.values()].reduce((a, b) => a + b, 0),
      byRoute,
      chain: longestChain(this.spans.filter((s) => !Number.isNaN(s.end))),
    };
  }

  reset(): void {
    this.counts = new Map();
    this.spans = [];
    this.since = this.now().toISOString();
  }
}
