import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { IncidentRecord } from './records';
import { mean, median, round } from './statistics';
import { hoursBetween, toMs } from './time';

/**
 * MTTD: time from impact start to detection, in hours, over incidents that record both (the
 * detection field is optional in Jira projects). Value = the median; the mean alongside.
 * `withoutDetection` counts incidents that lack the field, `invalid` those detected before they
 * started or with unreadable times.
 */
export function mttd(
  incidents: readonly IncidentRecord[],
): MetricResult<
  number,
  { readonly meanHours: number; readonly withoutDetection: number; readonly invalid: number }
> {
  const hours: number[] = [];
  let withoutDetection = 0;
  let invalid = 0;
  for (const incident of incidents) {
    if (
      incident.detectedAt === undefined ||
      incident.detectedAt === null ||
      incident.detectedAt === ''
    ) {
      withoutDetection += 1;
      continue;
    }
    const start = toMs(incident.startedAt);
    const detected = toMs(incident.detectedAt);
    if (start === undefined || detected === undefined || detected < start) invalid += 1;
    else hours.push(hoursBetween(start, detected));
  }
  if (hours.length === 0) {
    return notEnoughData('hours', 0, 1, needs(1, 0, 'incident with a detection time'));
  }
  return {
    status: 'ok',
    value: round(median(hours)!),
    unit: 'hours',
    sampleSize: hours.length,
    meanHours: round(mean(hours)!),
    withoutDetection,
    invalid,
  };
}
