import { changeFailureRateBand, type DoraBand } from './dora-bands';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { DeploymentRecord, IncidentRecord } from './records';
import { round } from './statistics';
import { toMs } from './time';

/**
 * Change failure rate (DORA; DevLake's definition): deployments with at least one incident
 * attributed ÷ all deployments. An incident is attributed to the last deployment of the same
 * service at or before the incident's start. Incidents with no service, no valid start, or no
 * earlier deployment of their service stay unattributed and are counted.
 * Sample = deployments; at least `minimumDeployments` (default 5) are needed, since with fewer the
 * rate jumps in steps of 20% or more.
 */
export function changeFailureRate(
  deployments: readonly DeploymentRecord[],
  incidents: readonly IncidentRecord[],
  { minimumDeployments = 5 }: { readonly minimumDeployments?: number } = {},
): MetricResult<
  number,
  {
    readonly failedDeployments: number;
    readonly failedDeploymentIds: readonly string[];
    readonly unattributedIncidents: number;
    readonly band: DoraBand;
  }
> {
  const byService = new Map<string, { id: string; at: number }[]>();
  let total = 0;
  for (const deployment of deployments) {
    const at = toMs(deployment.deployedAt);
    if (at === undefined) continue;
    total += 1;
    const list = byService.get(deployment.service) ?? [];
    list.push({ id: deployment.id, at });
    byService.set(deployment.service, list);
  }
  if (total < minimumDeployments) {
    return notEnoughData(
      'ratio',
      total,
      minimumDeployments,
      needs(minimumDeployments, total, 'deployment'),
    );
  }
  for (const list of byService.values())
    list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const failed = new Set<string>();
  let unattributed = 0;
  for (const incident of incidents) {
    const start = toMs(incident.startedAt);
    const list = incident.service === null ? undefined : byService.get(incident.service);
    const culprit =
      start === undefined || list === undefined ? undefined : lastAtOrBefore(list, start);
    if (culprit === undefined) unattributed += 1;
    else failed.add(culprit);
  }
  const value = round(failed.size / total);
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: total,
    failedDeployments: failed.size,
    failedDeploymentIds: [...failed].sort(),
    unattributedIncidents: unattributed,
    band: changeFailureRateBand(value),
  };
}

/** Binary search in deployments sorted by time: the id of the last one at or before `at`. */
function lastAtOrBefore(
  sorted: readonly { id: string; at: number }[],
  at: number,
): string | undefined {
  let low = 0;
  let high = sorted.length - 1;
  let found: string | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = sorted[mid]!;
    if (candidate.at <= at) {
      found = candidate.id;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
