/** Test data with overridable defaults: SLO specs and per-minute SLI intervals. */
import { MINUTE_MS, type Instant } from '../duration';
import type { SliInterval } from '../sli-series';
import type { SloSpec } from '../spec';

export const T0: Instant = Date.UTC(2026, 0, 1);

export function sloSpec(overrides: Partial<SloSpec> = {}): SloSpec {
  return {
    name: 'checkout-availability',
    service: 'checkout',
    indicator: {
      name: 'checkout-requests',
      counts: 'good',
      counter: true,
      numerator: {
        type: 'Prometheus',
        spec: { query: 'sum(rate(http_requests_total{code!~"5.."}[1m]))' },
      },
      total: { type: 'Prometheus', spec: { query: 'sum(rate(http_requests_total[1m]))' } },
    },
    target: 0.999,
    window: { kind: 'rolling', days: 30 },
    budgeting: { method: 'Occurrences' },
    ...overrides,
  };
}

/**
 * `minutes` one-minute intervals from `from`; `counts(i)` gives minute i's good and total, or null
 * for a missing minute.
 */
export function minutes(
  from: Instant,
  count: number,
  counts: (i: number) => { good: number; total: number } | null,
): SliInterval[] {
  const out: SliInterval[] = [];
  for (let i = 0; i < count; i += 1) {
    const c = counts(i);
    if (c) out.push({ start: from + i * MINUTE_MS, end: from + (i + 1) * MINUTE_MS, ...c });
  }
  return out;
}
