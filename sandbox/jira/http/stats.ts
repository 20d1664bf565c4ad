/** Per-route call counters, read and reset at /__sandbox/stats (the benchmarks count Jira calls). */
export class CallStats {
  private counts = new Map<string, number>();
  private since: string;

  constructor(private readonly now: () => Date) {
    this.since = now().toISOString();
  }

  count(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  snapshot(): { since: string; total: number; byRoute: Record<string, number> } {
    const byRoute = Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
    return {
      since: this.since,
      total: [...this.counts.values()].reduce((a, b) => a + b, 0),
      byRoute,
    };
  }

  reset(): void {
    this.counts = new Map();
    this.since = this.now().toISOString();
  }
}
