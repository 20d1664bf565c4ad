import { changeFailureRateBand, type DoraBand } from './dora-bands';
import { attributeIncidents, type IncidentAttribution } from './incident-attribution';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { DeploymentRecord, IncidentRecord } from './records';
import { round } from './statistics';
import { toMs } from './time';

/**
 * Change failure rate (DORA: "the percentage of changes to production or releases to users that
 * result in degraded service … and subsequently require remediation (e.g. … rollback, fix
 * forward, patch)", 2023 Accelerate State of DevOps report; dora.dev/guides/dora-metrics-four-keys/):
 * failed deployments ÷ production deployments. A deployment failed when
 * - CI/CD reported it `failed` or `rolled_back` (a rollback is the remediation), or
 * - an incident is attributed to it (incident-attribution.ts: its `deploymentId` first, then the
 *   last deployment of its service).
 * Every deployment with a readable time counts in the denominator, whatever its outcome.
 * `attribution` lets a caller attribute incidents over a longer history than the deployments it
 * rates (a sprint's deployments, with incidents attributed over the whole period).
 * Sample = deployments; at least `minimumDeployments` (default 5) are needed, since with fewer the
 * rate jumps in steps of 20% or more.
 */
export function changeFailureRate(
  deployments: readonly DeploymentRecord[],
  incidents: readonly IncidentRecord[],
  {
    minimumDeployments = 5,
    attribution = attributeIncidents(deployments, incidents),
  }: { readonly minimumDeployments?: number; readonly attribution?: IncidentAttribution } = {},
): MetricResult<
  number,
  {
    readonly failedDeployments: number;
    readonly failedDeploymentIds: readonly string[];
    /** Of the failed: reported failed or rolled back by CI/CD. */
    readonly reportedFailures: number;
    /** Of the failed: successful deployments an incident was attributed to. */
    readonly causedIncidents: number;
    readonly unattributedIncidents: number;
    readonly band: DoraBand;
  }
> {
  const rated = deployments.filter((d) => toMs(d.deployedAt) !== undefined);
  if (rated.length < minimumDeployments) {
    return notEnoughData(
      'ratio',
      rated.length,
      minimumDeployments,
      needs(minimumDeployments, rated.length, 'deployment'),
    );
  }
  const failed: string[] = [];
  let reported = 0;
  let caused = 0;
  for (const deployment of rated) {
    if (deployment.status !== 'success') {
      reported += 1;
      failed.push(deployment.id);
    } else if (attribution.causes.has(deployment.id)) {
      caused += 1;
      failed.push(deployment.id);
    }
  }
  const value = round(failed.length / rated.length);
  return {
    status: 'ok',
    value,
    unit: 'ratio',
    sampleSize: rated.length,
    failedDeployments: failed.length,
    failedDeploymentIds: failed.sort(),
    reportedFailures: reported,
    causedIncidents: caused,
    unattributedIncidents: attribution.unattributed.length,
    band: changeFailureRateBand(value),
  };
}
