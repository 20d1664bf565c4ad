import { timeToRestoreBand, type DoraBand } from './dora-bands';
import { restoreDurations } from './incident-durations';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { IncidentRecord } from './records';
import { median, round } from './statistics';

/**
 * Time to restore service (DORA; DevLake's "median time to restore", 2021 report): the median
 * (statistics.ts) time from an incident's impact start to its resolution, in hours, over resolved
 * incidents. The 2023 report renamed the key "failed deployment recovery time" (measured from the
 * deployment, only for incidents a deployment caused); its bands are the same (dora-bands.ts), and
 * Ballast keeps every incident in it because Jira incidents often have no deployment to start from. Unresolved incidents
 * are counted, not guessed. At least `minimumSampleSize` (default 1) resolved incidents are needed.
 */
export function timeToRestore(
  incidents: readonly IncidentRecord[],
  { minimumSampleSize = 1 }: { readonly minimumSampleSize?: number } = {},
): MetricResult<
  number,
  { readonly unresolved: number; readonly invalid: number; readonly band: DoraBand }
> {
  const { hours, unresolved, invalid } = restoreDurations(incidents);
  if (hours.length < minimumSampleSize) {
    return notEnoughData(
      'hours',
      hours.length,
      minimumSampleSize,
      needs(minimumSampleSize, hours.length, 'resolved incident'),
    );
  }
  const value = round(median(hours)!);
  return {
    status: 'ok',
    value,
    unit: 'hours',
    sampleSize: hours.length,
    unresolved,
    invalid,
    band: timeToRestoreBand(value),
  };
}
