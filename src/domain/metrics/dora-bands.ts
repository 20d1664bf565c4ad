/**
 * DORA performance bands: ONE table, the 2023 Accelerate State of DevOps report's, with the exact
 * boundaries Apache DevLake's DORA dashboard applies when "DORA report = 2023" is chosen
 * (grafana/dashboards/DORA.json and
 * backend/plugins/dora/models/migrationscripts/20240223_add_dora_2023_benchmark.go in
 * apache/incubator-devlake; the band names are the report's). Thresholds are data so a reader can
 * check each one against the source; dora-bands.test.ts tests every boundary below, at and above.
 *
 * | key                        | elite        | high             | medium             | low            |
 * | -------------------------- | ------------ | ---------------- | ------------------ | -------------- |
 * | deployment frequency       | ≥ 5 days/wk  | ≥ 1 day/wk       | ≥ 1 day/month      | < 1 day/month  |
 * | lead time for changes      | < 1 day      | < 1 week         | < 30 days          | ≥ 30 days      |
 * | change failure rate        | ≤ 5 %        | ≤ 10 %           | ≤ 15 %             | > 15 %         |
 * | time to restore (recovery) | < 1 hour     | < 1 day          | < 1 week           | ≥ 1 week       |
 *
 * Deployment frequency is read as the median number of deployment days per week (per month for
 * medium and low), medians as in statistics.ts.
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/** DevLake 2023: "On-demand" ≥ 5 median deployment days a week; "between once per day and once per week" ≥ 1. */
export const DEPLOYMENT_FREQUENCY_BANDS = {
  eliteMinDaysPerWeek: 5,
  highMinDaysPerWeek: 1,
  mediumMinDaysPerMonth: 1,
} as const;

/** Median lead time for changes, hours, upper bounds (exclusive): < 1 day, < 1 week, < 30 days. */
export const LEAD_TIME_BANDS_HOURS = { elite: 24, high: 7 * 24, medium: 30 * 24 } as const;

/** Change failure rate, upper bounds (inclusive): ≤ 5%, ≤ 10%, ≤ 15%. */
export const CHANGE_FAILURE_RATE_BANDS = { elite: 0.05, high: 0.1, medium: 0.15 } as const;

/** Median time to restore, hours, upper bounds (exclusive): < 1 hour, < 1 day, < 1 week. */
export const TIME_TO_RESTORE_BANDS_HOURS = { elite: 1, high: 24, medium: 7 * 24 } as const;

/**
 * The band of a median number of deployment days per week, and per month when that is known.
 * Below 1 day a week the monthly median decides; without a complete month there is no band
 * (DevLake answers "N/A" rather than guess).
 */
export function deploymentFrequencyBand(
  medianDaysPerWeek: number,
  medianDaysPerMonth: number | null,
): DoraBand | null {
  const bands = DEPLOYMENT_FREQUENCY_BANDS;
  if (medianDaysPerWeek >= bands.eliteMinDaysPerWeek) return 'elite';
  if (medianDaysPerWeek >= bands.highMinDaysPerWeek) return 'high';
  if (medianDaysPerMonth === null) return null;
  return medianDaysPerMonth >= bands.mediumMinDaysPerMonth ? 'medium' : 'low';
}

export function leadTimeBand(medianHours: number): DoraBand {
  const bands = LEAD_TIME_BANDS_HOURS;
  if (medianHours < bands.elite) return 'elite';
  if (medianHours < bands.high) return 'high';
  return medianHours < bands.medium ? 'medium' : 'low';
}

export function changeFailureRateBand(rate: number): DoraBand {
  const bands = CHANGE_FAILURE_RATE_BANDS;
  if (rate <= bands.elite) return 'elite';
  if (rate <= bands.high) return 'high';
  return rate <= bands.medium ? 'medium' : 'low';
}

export function timeToRestoreBand(medianHours: number): DoraBand {
  const bands = TIME_TO_RESTORE_BANDS_HOURS;
  if (medianHours < bands.elite) return 'elite';
  if (medianHours < bands.high) return 'high';
  return medianHours < bands.medium ? 'medium' : 'low';
}
