import { restoreDurations } from './incident-durations';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { IncidentRecord } from './records';
import { mean, median, round } from './statistics';

/**
 * MTTR for the incidents page: time from impact start to resolution, in hours, over resolved
 * incidents. Value = the median (robust to one long outage); the mean — the "M" in the classic
 * MTTR, from Google's SRE book ch. 3/14 — is given alongside because one long outage moves it.
 * Unresolved and inconsistent incidents are counted, not guessed.
 */
export function mttr(
  incidents: readonly IncidentRecord[],
): MetricResult<
  number,
  { readonly meanHours: number; readonly unresolved: number; readonly invalid: number }
> {
  const { hours, unresolved, invalid } = restoreDurations(incidents);
  if (hours.length === 0) {
    return notEnoughData('hours', 0, 1, needs(1, 0, 'resolved incident'));
  }
  return {
    status: 'ok',
    value: round(median(hours)!),
    unit: 'hours',
    sampleSize: hours.length,
    meanHours: round(mean(hours)!),
    unresolved,
    invalid,
  };
}
