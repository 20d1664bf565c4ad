import { leadTimeBand, type DoraBand } from './dora-bands';
import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { ChangeRecord, DeploymentRecord } from './records';
import { median, round } from './statistics';
import { hoursBetween, toMs } from './time';

export type LeadTimeBasis = 'first-work-to-deployment' | 'created-to-resolved';

/**
 * Lead time for changes (DORA; Four Keys measures commit → deploy, DevLake PR cycle time → deploy):
 * per issue, from the first sign of work — the earlier of its first move to In Progress and its
 * first commit — to the first successful production deployment that lists it (a failed or
 * rolled-back one did not deliver the change). Value = the median (statistics.ts) in hours.
 *
 * When there is no deployment data at all (no deployment lists any issue), it falls back to
 * created → resolved for resolved issues and says so in `basis` and `note`: a team without a
 * deployment feed still sees a delivery figure, labelled for what it is — and without a DORA band,
 * since the benchmark is about first work → production, not created → resolved.
 *
 * Issues left out, and counted: `noStart` (neither in-progress nor commit time; on the fallback,
 * no created time), `notFinished` (not deployed yet; on the fallback, not resolved) and
 * `inconsistent` (deployed or resolved before their recorded start).
 */
export function leadTimeForChanges(
  changes: readonly ChangeRecord[],
  deployments: readonly DeploymentRecord[],
  { minimumSampleSize = 3 }: { readonly minimumSampleSize?: number } = {},
): MetricResult<
  number,
  {
    readonly basis: LeadTimeBasis;
    readonly note: string | null;
    readonly band: DoraBand | null;
    readonly excluded: {
      readonly noStart: number;
      readonly notFinished: number;
      readonly inconsistent: number;
    };
  }
> {
  const firstDeployment = new Map<string, number>();
  for (const deployment of deployments) {
    const at = toMs(deployment.deployedAt);
    if (at === undefined || deployment.status !== 'success') continue;
    for (const key of deployment.issueKeys) {
      const seen = firstDeployment.get(key);
      if (seen === undefined || at < seen) firstDeployment.set(key, at);
    }
  }
  const basis: LeadTimeBasis =
    firstDeployment.size > 0 ? 'first-work-to-deployment' : 'created-to-resolved';
  const excluded = { noStart: 0, notFinished: 0, inconsistent: 0 };
  const hours: number[] = [];
  for (const change of changes) {
    const span =
      basis === 'created-to-resolved'
        ? fallbackSpan(change)
        : deploymentSpan(change, firstDeployment);
    if (typeof span === 'number') hours.push(span);
    else excluded[span] += 1;
  }
  if (hours.length < minimumSampleSize) {
    const what = basis === 'created-to-resolved' ? 'resolved issue' : 'deployed issue';
    return notEnoughData(
      'hours',
      hours.length,
      minimumSampleSize,
      needs(minimumSampleSize, hours.length, what),
    );
  }
  const value = round(median(hours)!);
  return {
    status: 'ok',
    value,
    unit: 'hours',
    sampleSize: hours.length,
    basis,
    note:
      basis === 'created-to-resolved'
        ? 'No deployment data: measured from issue created to resolved instead of first work to production.'
        : null,
    band: basis === 'created-to-resolved' ? null : leadTimeBand(value),
    excluded,
  };
}

type Exclusion = 'noStart' | 'notFinished' | 'inconsistent';

function deploymentSpan(
  change: ChangeRecord,
  firstDeployment: ReadonlyMap<string, number>,
): number | Exclusion {
  const inProgress = toMs(change.firstInProgressAt);
  const commit = toMs(change.firstCommitAt);
  if (inProgress === undefined && commit === undefined) return 'noStart';
  const deployedAt = firstDeployment.get(change.issueKey);
  if (deployedAt === undefined) return 'notFinished';
  const start = Math.min(inProgress ?? Infinity, commit ?? Infinity);
  return deployedAt < start ? 'inconsistent' : hoursBetween(start, deployedAt);
}

function fallbackSpan(change: ChangeRecord): number | Exclusion {
  const created = toMs(change.createdAt);
  const resolved = toMs(change.resolvedAt);
  if (created === undefined) return 'noStart';
  if (resolved === undefined) return 'notFinished';
  return resolved < created ? 'inconsistent' : hoursBetween(created, resolved);
}
