/** Each subpage's part of the snapshot (src/contract/project-page.ts). */
import type {
  CapacityData,
  DeliveryData,
  IncidentsData,
  MetricsSnapshot,
  OverviewData,
  ToilDebtData,
} from '../../contract/project-page';
import { capacitySharesOf } from './capacity-shares';

/** The overview without the gate, which is read live (serve-overview.ts). */
export const overviewOf = (s: MetricsSnapshot): Omit<OverviewData, 'gate'> => {
  const activeSprint = s.sprints.find((row) => row.state === 'active') ?? null;
  return {
    activeSprint,
    // The split as the planner and the Capacity page show it: shares of the sprint's capacity.
    activeSprintShares:
      activeSprint === null ? null : (capacitySharesOf([activeSprint])[0] ?? null),
    unit: s.unit,
    lastClosedSprint: s.sprints.filter((row) => row.state === 'closed').at(-1) ?? null,
    velocity: s.velocity,
    predictabilityBaseline: s.predictabilityBaseline,
    delivery: s.delivery,
    toilDebt: s.toilDebt,
    incidents: { count: s.incidents.count, open: s.incidents.open, mttr: s.incidents.mttr },
    sprintsReason: s.sprintsReason,
  };
};

/** The snapshot's part; serve-capacity.ts adds the policy's targets, read live. */
export const capacityOf = (
  s: MetricsSnapshot,
): Omit<CapacityData, 'targets' | 'capacityShares'> => ({
  unit: s.unit,
  sprints: s.sprints,
  buffer: s.buffer,
  sprintsReason: s.sprintsReason,
});

export const deliveryOf = (s: MetricsSnapshot): DeliveryData => ({
  unit: s.unit,
  sprints: s.sprints,
  velocity: s.velocity,
  predictabilityBaseline: s.predictabilityBaseline,
  delivery: s.delivery,
  sprintsReason: s.sprintsReason,
  people: {},
});

export const toilDebtOf = (s: MetricsSnapshot): ToilDebtData => ({
  sprints: s.sprints,
  toilDebt: s.toilDebt,
  sprintsReason: s.sprintsReason,
});

export const incidentsOf = (s: MetricsSnapshot): IncidentsData => s.incidents;
