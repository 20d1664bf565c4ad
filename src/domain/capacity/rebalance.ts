import {
  isWorkType,
  WORK_TYPES,
  type WorkType,
  type WorkTypeOrUnclassified,
} from '../work/work-type';
import { AMOUNT_EPSILON, formatAmount, tidy } from './amounts';
import {
  evaluateSprintPlan,
  type SprintPlanEvaluation,
  type SprintPlanInput,
} from './evaluate-sprint-plan';
import { exemptionTest } from './exemption';
import { planBands } from './plan-bands';
import { assertValidItems, isUnplanned } from './plan-items';
import { availableForPlanned } from './buffer-usage';
import { heldInRunningSprint } from './committed-work';
import { compareByRank } from './rank';
import { explainNonCompliance } from './rebalance-reasons';
import { isEstimated, sizeOf, type Rank, type SprintItem } from './sprint-item';

export interface RebalanceInput extends SprintPlanInput {
  /** The ranked backlog to pull from; order does not matter, ranks decide. */
  readonly backlog: readonly SprintItem[];
}

export interface Move {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  readonly direction: 'out' | 'in';
  readonly amount: number;
  readonly rank: Rank;
  readonly reason: string;
}

/** An item of a running sprint the rebalance would have moved out but may not: it has started or is Done. */
export interface HeldItem {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  readonly amount: number;
  /** Why it stays, for a person (committed-work.ts). */
  readonly reason: string;
}

export interface RebalanceProposal {
  /** Out-moves and in-moves in the order they were decided. Empty when the plan already complies. */
  readonly moves: readonly Move[];
  /**
   * In a running sprint, the started or Done items the proposal passed over when it chose what to
   * move out, in the order it met them: they count as committed and stay (issue #18).
   */
  readonly held: readonly HeldItem[];
  readonly before: SprintPlanEvaluation;
  /** The plan with the moves applied. */
  readonly after: SprintPlanEvaluation;
  readonly compliant: boolean;
  /** Why no compliant plan exists (empty when `compliant`). */
  readonly reasons: readonly string[];
}

/**
 * Proposes moves that make a sprint plan keep the split and fit the capacity after the buffer
 * (PRODUCT.md §2, issue #3). Greedy in rank order, which is the product's rule — the lowest-ranked
 * items of over-target types go out, the highest-ranked backlog items of under-target types come in —
 * so the set is small but not a global minimum (that is a knapsack problem; people also expect rank
 * to decide). Exempt items never move; unestimated and unclassified backlog items are never pulled
 * in; items added after the start are buffer work and stay. In a running sprint (`startedAt` given)
 * only items in a To Do status may move out: started and Done work is committed and stays, and the
 * proposal lists what it passed over (`held`). Planned work is held to what is left after the buffer
 * and any unplanned work beyond it (buffer-usage.ts `availableForPlanned`). Steps:
 * 1. each type over its maximum sheds its lowest-ranked items, first only those it can lose without
 *    falling under its minimum, then, if still over, any (the next step refills);
 * 2. if planned work exceeds capacity × (1 − buffer), the lowest-ranked items of any type go, as long
 *    as their type stays at its minimum;
 * 3. each type under its minimum pulls its highest-ranked backlog items that fit under its maximum,
 *    making room when needed by moving out the lowest-ranked items other types can spare.
 * Runs in O((s + b) log(s + b) + m · d · s) for s sprint items, b backlog items, m items moved and
 * d distinct item sizes (each failed attempt to make room rules out every bigger item).
 */
export function proposeRebalance(input: RebalanceInput): RebalanceProposal {
  const before = evaluateSprintPlan(input);
  const capacity = before.capacity.amount;
  if (capacity === null) {
    return {
      moves: [],
      held: [],
      before,
      after: before,
      compliant: false,
      reasons: [before.capacity.explanation],
    };
  }
  if (before.verdict.status === 'compliant') {
    return { moves: [], held: [], before, after: before, compliant: true, reasons: [] };
  }
  assertValidItems(input.backlog, 'backlog');

  const { policy } = input;
  const basis = policy.basis;
  const bands = planBands(before.targets, capacity);
  const target = before.targets.targets;
  const isExempt = exemptionTest(policy.exemption);
  // By identity, not key: a backlog entry repeating a sprint key must not change the sprint item.
  const exemptItems = new Set([...input.items, ...input.backlog].filter((item) => isExempt(item)));
  const exempt = (item: SprintItem): boolean => exemptItems.has(item);
  const counts = (item: SprintItem): item is SprintItem & { type: WorkType } =>
    isWorkType(item.type) && (target[item.type].exemptItemsCount || !exempt(item));
  const size = (item: SprintItem): number => sizeOf(item, basis);

  const sprintKeys = new Set(input.items.map((item) => item.key));
  const committed = input.items
    .filter((item) => !isUnplanned(item, input.startedAt))
    .sort(compareByRank);
  const bottomFirst = [...committed].reverse();
  // A running sprint keeps its started and Done work (committed-work.ts); a planned one moves freely.
  const running = input.startedAt !== undefined;
  const heldReason = new Map(
    running
      ? committed.flatMap((item) => {
          const reason = heldInRunningSprint(item);
          return reason === null ? [] : [[item, reason] as const];
        })
      : [],
  );
  // What the rank rule would consider moving out, held items included (they are reported, not moved).
  const considered = bottomFirst.filter((item) => !exempt(item) && size(item) > 0);
  const movable = considered.filter((item) => !heldReason.has(item));
  const held: HeldItem[] = [];
  const hold = (item: SprintItem): void => {
    const reason = heldReason.get(item);
    if (reason === undefined || held.some((h) => h.key === item.key)) return;
    held.push({ key: item.key, type: item.type, amount: tidy(size(item)), reason });
  };
  // Unplanned work beyond the buffer takes its room from the plan (buffer-usage.ts).
  const limit = availableForPlanned(bands, before.buffer);

  const counted = Object.fromEntries(WORK_TYPES.map((type) => [type, 0])) as Record<
    WorkType,
    number
  >;
  let total = 0;
  for (const item of committed) {
    total += size(item);
    if (counts(item)) counted[item.type] += size(item);
  }
  const inPlan = new Set(committed.map((item) => item.key));
  const pulled = new Set<string>();
  const moves: Move[] = [];
  const over = (type: WorkType): boolean => counted[type] > bands.byType[type].max + AMOUNT_EPSILON;
  const under = (type: WorkType): boolean =>
    counted[type] < bands.byType[type].min - AMOUNT_EPSILON;
  const canLose = (item: SprintItem): boolean =>
    !counts(item) ||
    counted[item.type] - size(item) >= bands.byType[item.type].min - AMOUNT_EPSILON;

  const move = (item: SprintItem, direction: 'out' | 'in', reason: string): void => {
    const sign = direction === 'out' ? -1 : 1;
    total += sign * size(item);
    if (counts(item)) counted[item.type] += sign * size(item);
    if (direction === 'out') inPlan.delete(item.key);
    else pulled.add(item.key);
    moves.push({
      key: item.key,
      type: item.type,
      direction,
      amount: size(item),
      rank: item.rank,
      reason,
    });
  };
  const amount = (value: number): string => formatAmount(value, basis);

  // Step 1: over-target types shed their lowest-ranked items.
  for (const type of WORK_TYPES) {
    const reason = `${type} is over its maximum of ${amount(bands.byType[type].max)}: its lowest-ranked movable item`;
    const candidates = considered.filter((item) => item.type === type && counts(item));
    for (const item of candidates) {
      if (!over(type)) break;
      if (heldReason.has(item)) hold(item);
      else if (canLose(item)) move(item, 'out', reason);
    }
    for (const item of candidates) {
      if (!over(type)) break;
      if (!heldReason.has(item) && inPlan.has(item.key)) move(item, 'out', reason);
    }
  }

  // Step 2: planned work over what it may use after the buffer.
  const capacityReason = `planned work is over the ${amount(limit)} ${limit < bands.plannable - AMOUNT_EPSILON ? 'left for it after the buffer and the work added since the start' : 'available after the buffer'}: the lowest-ranked item that can go`;
  for (const item of considered) {
    if (total <= limit + AMOUNT_EPSILON) break;
    if (!inPlan.has(item.key) || !canLose(item)) continue;
    if (heldReason.has(item)) hold(item);
    else move(item, 'out', capacityReason);
  }

  // Step 3: under-target types pull in their highest-ranked backlog items.
  const backlog = input.backlog
    .filter((item) => !sprintKeys.has(item.key) && isWorkType(item.type))
    .filter((item) => isEstimated(item, basis) && size(item) > 0 && !exempt(item))
    .sort(compareByRank);
  for (const type of WORK_TYPES) {
    if (!under(type)) continue;
    const reason = `${type} is under its minimum of ${amount(bands.byType[type].min)}: its highest-ranked backlog item that fits`;
    // If no room can be made for an item of some size, none can for a bigger one until the plan
    // changes: skipping those keeps a backlog of thousands that never fits from costing s each.
    let noRoomFrom = Infinity;
    for (const candidate of backlog) {
      if (!under(type)) break;
      if (candidate.type !== type || size(candidate) >= noRoomFrom) continue;
      if (counted[type] + size(candidate) > bands.byType[type].max + AMOUNT_EPSILON) continue;
      const room = roomFor(candidate);
      if (room === null) {
        noRoomFrom = size(candidate);
        continue;
      }
      for (const item of room) move(item, 'out', `makes room for ${candidate.key} (${type})`);
      move(candidate, 'in', reason);
      noRoomFrom = Infinity;
    }
  }

  /** The lowest-ranked items other types can spare that free enough capacity for `candidate`, or null. */
  function roomFor(candidate: SprintItem): SprintItem[] | null {
    let need = total + size(candidate) - limit;
    if (need <= AMOUNT_EPSILON) return [];
    const spared = new Map<WorkType, number>();
    const chosen: SprintItem[] = [];
    for (const item of movable) {
      if (!inPlan.has(item.key) || item.type === candidate.type) continue;
      if (counts(item)) {
        const left = counted[item.type] - (spared.get(item.type) ?? 0) - size(item);
        if (left < bands.byType[item.type].min - AMOUNT_EPSILON) continue;
        spared.set(item.type, (spared.get(item.type) ?? 0) + size(item));
      }
      chosen.push(item);
      need -= size(item);
      if (need <= AMOUNT_EPSILON) return chosen;
    }
    return null;
  }

  const movedOut = new Set(moves.filter((m) => m.direction === 'out').map((m) => m.key));
  const items = [
    ...input.items.filter((item) => !movedOut.has(item.key)),
    ...backlog.filter((item) => pulled.has(item.key)),
  ];
  const after = evaluateSprintPlan({ ...input, items });
  const compliant = after.verdict.status === 'compliant';
  return {
    moves: moves.map((m) => ({ ...m, amount: tidy(m.amount) })),
    held,
    before,
    after,
    compliant,
    reasons: compliant
      ? []
      : explainNonCompliance(
          after,
          items,
          backlog.filter((item) => !pulled.has(item.key)),
          input,
          new Set(heldReason.keys()),
        ),
  };
}
