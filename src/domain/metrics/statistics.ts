/**
 * Small statistics used by every metric.
 *
 * The median is the LOWER middle value of an even count, as Apache DevLake's DORA dashboard takes
 * it (grafana/dashboards/DORA.json in apache/incubator-devlake: `percent_rank() over (order by x)`,
 * then `max(x) where ranks <= 0.5`). Ballast's DORA bands come from that dashboard's 2023 table, so
 * its figures are compared with the bands exactly as DevLake compares them, and a median is always
 * a value that was observed (a whole number of deployment days, one incident's duration). Every
 * median in src/domain/metrics uses this one convention.
 */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1]!;
}

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : sum(values) / values.length;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** Rounds to a fixed number of decimals so results are stable to compare and show. */
export function round(value: number, decimals = 4): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
