import type { IncidentRecord } from './records';
import { hoursBetween, toMs } from './time';

export interface RestoreDurations {
  /** Hours from impact start to resolution, one per resolved incident with valid times. */
  readonly hours: readonly number[];
  readonly unresolved: number;
  /** Missing or unparseable start, or resolved before it started. */
  readonly invalid: number;
}

/**
 * One incident's time to restore in hours (impact start → resolution), or null when unresolved or
 * its times are invalid: the duration each incident is listed with, and the one the medians take.
 */
export function restoreHours(incident: IncidentRecord): number | null {
  const start = toMs(incident.startedAt);
  const end = toMs(incident.resolvedAt);
  return start === undefined || end === undefined || end < start ? null : hoursBetween(start, end);
}

/** Start → resolved durations, shared by DORA time to restore and the incidents page's MTTR. */
export function restoreDurations(incidents: readonly IncidentRecord[]): RestoreDurations {
  const hours: number[] = [];
  let unresolved = 0;
  let invalid = 0;
  for (const incident of incidents) {
    const start = toMs(incident.startedAt);
    const end = toMs(incident.resolvedAt);
    if (start === undefined) invalid += 1;
    else if (end === undefined) unresolved += 1;
    else if (end < start) invalid += 1;
    else hours.push(hoursBetween(start, end));
  }
  return { hours, unresolved, invalid };
}
