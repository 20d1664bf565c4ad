/**
 * The Capacity subpage: the snapshot's sprints and buffer advice, with the capacity policy's
 * targets read live (one storage read) and each sprint's committed points per work type as a
 * share of its capacity — the unit the policy's targets are written in (PRODUCT.md §2: "shares are
 * percent of capacity"), so the chart's target lines and bars compare like with like.
 */
import type { CapacityData, MetricsSnapshot } from '../../contract/project-page';
import type { CapacityPolicy } from '../../domain/capacity';
import { capacitySharesOf } from './capacity-shares';
import { WORK_TYPES } from '../../domain/work/work-type';
import { loadProjectConfig } from '../project/project-config-repository';
import { capacityOf } from './sections';
import { serveSection, type ServeDeps } from './serve-project-page';

export function targetsOf(policy: CapacityPolicy): CapacityData['targets'] {
  return {
    byType: WORK_TYPES.map((type) => {
      const target = policy.targets[type];
      return {
        type,
        share: target / 100,
        min: Math.max(0, target - policy.tolerance) / 100,
        max: Math.min(100, target + policy.tolerance) / 100,
      };
    }),
    tolerance: policy.tolerance / 100,
    buffer: policy.buffer / 100,
  };
}

export async function serveCapacity(deps: ServeDeps, projectKey: string) {
  const answer = await serveSection(deps, projectKey, (s: MetricsSnapshot) => s);
  if (answer.status !== 'ready') return answer;
  const { config } = await loadProjectConfig(deps.store, projectKey);
  const data: CapacityData = {
    ...capacityOf(answer.data),
    targets: targetsOf(config.capacity),
    capacityShares: capacitySharesOf(answer.data.sprints),
  };
  return { ...answer, data };
}
