/**
 * DORA performance bands (Accelerate State of DevOps 2023, as Apache DevLake's DORA dashboard and
 * Google's Four Keys apply them). Thresholds are data so a reader can check them against the source.
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

/**
 * Deployment frequency, from the median number of deployment days per week / per month.
 * Elite "on demand" is ≥ 3 deployment days per week, Four Keys' "daily" threshold (issue 5);
 * DevLake's own stricter criterion is 7 days per week. High: ≥ 1 day per week. Medium: ≥ 1 day per
 * month. Low: fewer.
 */
export const DEPLOYMENT_FREQUENCY_BANDS = {
  eliteMinDaysPerWeek: 3,
  highMinDaysPerWeek: 1,
  mediumMinDaysPerMonth: 1,
} as const;

/** Median lead time for changes, hours, upper bounds (exclusive): < 1 day, < 1 week, < 30 days. */
export const LEAD_TIME_BANDS_HOURS = { elite: 24, high: 7 * 24, medium: 30 * 24 } as const;

/** Change failure rate, upper bounds (inclusive): ≤ 5%, ≤ 10%, ≤ 15% (DevLake 2023). */
export const CHANGE_FAILURE_RATE_BANDS = { elite: 0.05, high: 0.1, medium: 0.15 } as const;

/** Median time to restore, hours, upper bounds (exclusive): < 1 hour, < 1 day, < 1 week. */
export const TIME_TO_RESTORE_BANDS_HOURS = { elite: 1, high: 24, medium: 7 * 24 } as const;

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
