import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { IncidentRecord } from './records';
import { round } from './statistics';
import { DAY_MS, toMs } from './time';

/**
 * Repeat incidents: an incident is a repeat when an earlier incident with the same `repeatKey`
 * (root cause, component… as the project records it) started no more than `windowDays` before it
 * (default 90 days, our choice: about one quarter, long enough to see a postmortem action fail to
 * prevent a recurrence). Value = the number of repeats; `share` = repeats ÷ incidents with a key.
 * Incidents without a key or start time cannot be compared and are counted as `unkeyed`.
 */
export function repeatIncidents(
  incidents: readonly IncidentRecord[],
  { windowDays = 90 }: { readonly windowDays?: number } = {},
): MetricResult<
  number,
  {
    readonly share: number;
    readonly repeatKeys: readonly string[];
    readonly unkeyed: number;
    readonly windowDays: number;
  }
> {
  const keyed: { key: string; repeatKey: string; at: number }[] = [];
  let unkeyed = 0;
  for (const incident of incidents) {
    const at = toMs(incident.startedAt);
    if (!incident.repeatKey || at === undefined) unkeyed += 1;
    else keyed.push({ key: incident.key, repeatKey: incident.repeatKey, at });
  }
  if (keyed.length === 0) {
    return notEnoughData('count', 0, 1, needs(1, 0, 'incident with a repeat key'));
  }
  keyed.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  const lastSeen = new Map<string, number>();
  const repeats: string[] = [];
  for (const incident of keyed) {
    const previous = lastSeen.get(incident.repeatKey);
    if (previous !== undefined && incident.at - previous <= windowDays * DAY_MS)
      repeats.push(incident.key);
    lastSeen.set(incident.repeatKey, incident.at);
  }
  return {
    status: 'ok',
    value: repeats.length,
    unit: 'count',
    sampleSize: keyed.length,
    share: round(repeats.length / keyed.length),
    repeatKeys: repeats,
    unkeyed,
    windowDays,
  };
}
