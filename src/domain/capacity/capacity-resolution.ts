import { tidy } from './amounts';
import type { CapacitySource } from './policy';

/** A closed sprint's completed work, in the policy basis unit. */
export interface ClosedSprintVelocity {
  readonly sprintId: string;
  /** ISO instant; the most recent closed sprints are used. */
  readonly closedAt: string;
  readonly completed: number;
}

export interface ResolvedCapacity {
  /** Null when the policy asks for velocity and there is no closed sprint yet. */
  readonly amount: number | null;
  readonly explanation: string;
  /** The sprints the mean was taken over, most recent first. */
  readonly sprintsUsed: readonly string[];
}

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/**
 * The sprint's capacity: the fixed number, or mean completed work of the last N closed sprints ×
 * availability (PRODUCT.md §2). "Completed" is the velocity chart's figure (metrics/sprint-figures.ts
 * `completedWork`, replayed at each close), so capacity is the velocity the project page shows. With fewer than N closed sprints the mean is over those there are,
 * and the explanation says so.
 */
export function resolveCapacity(
  source: CapacitySource,
  history: readonly ClosedSprintVelocity[] = [],
): ResolvedCapacity {
  if (source.kind === 'fixed') {
    return {
      amount: source.amount,
      explanation: `fixed capacity of ${source.amount}`,
      sprintsUsed: [],
    };
  }
  const recent = [...history]
    .sort(
      (a, b) =>
        Date.parse(b.closedAt) - Date.parse(a.closedAt) || (a.sprintId < b.sprintId ? -1 : 1),
    )
    .slice(0, source.sprints);
  if (recent.length === 0) {
    return {
      amount: null,
      explanation: `capacity is the mean velocity of the last ${source.sprints} closed sprints, and there is no closed sprint yet: set a fixed capacity until there is`,
      sprintsUsed: [],
    };
  }
  const mean = recent.reduce((total, sprint) => total + sprint.completed, 0) / recent.length;
  // Tidied so every screen shows the same number (the project page's sprint rows use this too).
  const amount = tidy(mean * source.availability);
  const shortfall =
    recent.length < source.sprints
      ? ` (only ${recent.length} of the ${source.sprints} asked for exist)`
      : '';
  return {
    amount,
    explanation: `mean velocity ${oneDecimal(mean)} of the last ${recent.length} closed sprints${shortfall} × availability ${source.availability} = ${oneDecimal(amount)}`,
    sprintsUsed: recent.map((sprint) => sprint.sprintId),
  };
}
