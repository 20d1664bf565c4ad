import { needs, notEnoughData, type MetricResult } from './metric-result';
import type { DeploymentRecord } from './records';
import { round } from './statistics';
import { hoursBetween, toMs } from './time';

/**
 * Mean time between releases: the mean gap, in hours, between consecutive releases — deployments
 * that reached production (`success` or `rolled_back`), of any of the project's services — which
 * is (last − first) ÷ (releases − 1). It is the reciprocal view of deployment frequency: one
 * number a person can read as "we release every N hours". At least 2 releases are needed.
 */
export function meanTimeBetweenReleases(
  deployments: readonly DeploymentRecord[],
): MetricResult<number, { readonly releases: number }> {
  const times = deployments
    .filter((d) => d.status !== 'failed')
    .map((d) => toMs(d.deployedAt))
    .filter((at): at is number => at !== undefined)
    .sort((a, b) => a - b);
  if (times.length < 2) {
    return notEnoughData('hours', times.length, 2, needs(2, times.length, 'release'));
  }
  return {
    status: 'ok',
    value: round(hoursBetween(times[0]!, times[times.length - 1]!) / (times.length - 1)),
    unit: 'hours',
    sampleSize: times.length,
    releases: times.length,
  };
}
