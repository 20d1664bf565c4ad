/**
 * Time to exhaustion and forecast at the current burn rate. Burn rate 1 spends the whole budget in
 * one period ("Alerting on SLOs", SRE Workbook ch. 5), so at burn rate b the budget drains at
 * b / period per unit of time:
 *   time to exhaustion = remaining × period / b          (0 once spent; null when b is null or ≤ 0)
 *   forecast at T      = remaining − b × (T − at) / period
 * Both assume the current burn continues and ignore old data leaving a rolling window — the same
 * linear simplification the Workbook's burn-rate table makes.
 */
import type { DurationMs, Instant } from './duration';

export function timeToExhaustion(
  remaining: number | null,
  period: DurationMs,
  currentBurnRate: number | null,
): DurationMs | null {
  if (remaining !== null && remaining <= 0) return 0;
  if (remaining === null || currentBurnRate === null || currentBurnRate <= 0) return null;
  return (remaining * period) / currentBurnRate;
}

export function forecastRemaining(
  remaining: number | null,
  period: DurationMs,
  currentBurnRate: number | null,
  at: Instant,
  future: Instant,
): number | null {
  if (remaining === null || currentBurnRate === null) return null;
  return remaining - (currentBurnRate * (future - at)) / period;
}
