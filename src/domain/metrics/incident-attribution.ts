import type { DeploymentRecord, IncidentRecord } from './records';
import { toMs } from './time';

export interface IncidentAttribution {
  /** Deployment id → the keys of the incidents it caused. */
  readonly causes: ReadonlyMap<string, readonly string[]>;
  /** Incidents no deployment could be found for (no service, before any deployment…). */
  readonly unattributed: readonly string[];
}

/**
 * Which deployment caused each incident, for change failure rate. DORA counts "changes to
 * production … that result in degraded service" (dora.dev/guides/dora-metrics-four-keys/); the
 * tie between an incident and its change is, in order:
 * 1. the incident's own `deploymentId`, when the incident tool names it (DevLake's
 *    project_incident_deployment_relationships holds the same link);
 * 2. otherwise the last deployment of the incident's service that reached production at or
 *    before the incident started (DevLake's "previous deployment" rule, plugins/dora
 *    connect_incident_to_deployment).
 * An incident naming a deployment that is not among `deployments` (older than the period, or
 * another project's) is left unattributed rather than moved onto another deployment.
 */
export function attributeIncidents(
  deployments: readonly DeploymentRecord[],
  incidents: readonly IncidentRecord[],
): IncidentAttribution {
  const known = new Set(deployments.map((d) => d.id));
  const byService = new Map<string, { id: string; at: number }[]>();
  for (const deployment of deployments) {
    const at = toMs(deployment.deployedAt);
    if (at === undefined || deployment.status === 'failed') continue;
    const list = byService.get(deployment.service) ?? [];
    list.push({ id: deployment.id, at });
    byService.set(deployment.service, list);
  }
  for (const list of byService.values())
    list.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const causes = new Map<string, string[]>();
  const unattributed: string[] = [];
  for (const incident of incidents) {
    const culprit = culpritOf(incident, known, byService);
    if (culprit === undefined) {
      unattributed.push(incident.key);
      continue;
    }
    const list = causes.get(culprit) ?? [];
    list.push(incident.key);
    causes.set(culprit, list);
  }
  return { causes, unattributed };
}

function culpritOf(
  incident: IncidentRecord,
  known: ReadonlySet<string>,
  byService: ReadonlyMap<string, readonly { id: string; at: number }[]>,
): string | undefined {
  if (incident.deploymentId !== undefined && incident.deploymentId !== null) {
    return known.has(incident.deploymentId) ? incident.deploymentId : undefined;
  }
  const start = toMs(incident.startedAt);
  const list = incident.service === null ? undefined : byService.get(incident.service);
  return start === undefined || list === undefined ? undefined : lastAtOrBefore(list, start);
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
