import { evaluateSprintPlan, parsePolicy, proposeRebalance } from '../src/domain/capacity/index';
import type { SprintItem } from '../src/domain/capacity/index';
import type { WorkTypeOrUnclassified } from '../src/domain/work/index';
import { loadavg } from 'node:os';
import { time, type BenchResult, type BenchSuite } from './harness';

// A seeded linear congruential generator (Numerical Recipes constants): the same data every run.
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

function items(
  count: number,
  prefix: string,
  weights: readonly [WorkTypeOrUnclassified, number][],
  seed: number,
): SprintItem[] {
  const random = generator(seed);
  const pick = (): WorkTypeOrUnclassified => {
    let roll = random();
    for (const [type, weight] of weights) {
      if ((roll -= weight) < 0) return type;
    }
    return weights[0]![0];
  };
  return Array.from({ length: count }, (_, index) => ({
    key: `${prefix}-${index + 1}`,
    type: pick(),
    estimate: random() < 0.05 ? null : [1, 2, 3, 5, 8, 13][Math.floor(random() * 6)]!,
    // LexoRank-like strings; every 50th pair shares a rank to exercise the key tie-break.
    rank: `0|i${Math.floor(index / (index % 50 === 0 ? 2 : 1))
      .toString(36)
      .padStart(6, '0')}:`,
    priority: random() < 0.02 ? 'P0' : 'Medium',
    labels: random() < 0.02 ? ['security'] : [],
  }));
}

// Sprint: feature-heavy and over capacity, so every step of the rebalance has work to do.
const sprint = items(
  500,
  'SPR',
  [
    ['feature', 0.85],
    ['debt', 0.02],
    ['toil', 0.05],
    ['reliability', 0.03],
    ['unclassified', 0.05],
  ],
  1,
);
const backlog = items(
  5_000,
  'BKL',
  [
    ['feature', 0.55],
    ['debt', 0.15],
    ['toil', 0.1],
    ['reliability', 0.15],
    ['unclassified', 0.05],
  ],
  2,
);
const policy = parsePolicy({ capacity: { kind: 'fixed', amount: 1_500 } });

// Worst case for step 3: debt is under target, the plan is exactly full, and no item can make room
// (feature, toil and reliability sit at their minimum; the rest is exempt), so every one of 5,000
// debt candidates would need a scan of the sprint without the "no room from this size" cut-off.
const fullPolicy = parsePolicy({ capacity: { kind: 'fixed', amount: 1_000 } });
const block = (
  count: number,
  prefix: string,
  type: WorkTypeOrUnclassified,
  estimate: number,
  extra: Partial<SprintItem> = {},
): SprintItem[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `${prefix}-${index + 1}`,
    type,
    estimate,
    rank: `${prefix}${String(index).padStart(4, '0')}`,
    labels: [],
    ...extra,
  }));
const fullSprint = [
  ...block(275, 'F', 'feature', 2),
  ...block(25, 'T', 'toil', 2),
  ...block(25, 'R', 'reliability', 2),
  ...block(75, 'U', 'unclassified', 2, { priority: 'P0' }),
  ...block(100, 'V', 'unclassified', 1, { priority: 'P0' }),
];
const debtBacklog = items(5_000, 'DBT', [['debt', 1]], 3);

const suite: BenchSuite = {
  title: 'Capacity split engine',
  async run(): Promise<BenchResult[]> {
    // Other work on the machine inflates wall-clock figures; record how busy it was.
    const load = Number(loadavg()[0]!.toFixed(1));
    const proposal = proposeRebalance({ policy, gateState: 'HEALTHY', items: sprint, backlog });
    const frozen = proposeRebalance({ policy, gateState: 'FROZEN', items: sprint, backlog });
    return [
      {
        name: 'proposeRebalance: 500 sprint items, 5,000 backlog items, HEALTHY',
        aim: 'well under 100 ms (issue #3)',
        timing: await time(
          () => proposeRebalance({ policy, gateState: 'HEALTHY', items: sprint, backlog }),
          { runs: 15, warmup: 3 },
        ),
        extra: {
          moves: proposal.moves.length,
          compliant: String(proposal.compliant),
          'load average (1 min) before': load,
        },
      },
      {
        name: 'proposeRebalance: 500 sprint items, 5,000 backlog items, FROZEN',
        aim: 'well under 100 ms (issue #3)',
        timing: await time(
          () => proposeRebalance({ policy, gateState: 'FROZEN', items: sprint, backlog }),
          { runs: 15, warmup: 3 },
        ),
        extra: { moves: frozen.moves.length, compliant: String(frozen.compliant) },
      },
      {
        name: 'proposeRebalance worst case: 500 sprint items, 5,000 debt candidates, no room can be made',
        aim: 'well under 100 ms (issue #3)',
        timing: await time(
          () =>
            proposeRebalance({
              policy: fullPolicy,
              gateState: 'HEALTHY',
              items: fullSprint,
              backlog: debtBacklog,
            }),
          { runs: 15, warmup: 3 },
        ),
        extra: {
          moves: proposeRebalance({
            policy: fullPolicy,
            gateState: 'HEALTHY',
            items: fullSprint,
            backlog: debtBacklog,
          }).moves.length,
        },
      },
      {
        name: 'evaluateSprintPlan: 500 sprint items',
        aim: 'a fraction of the rebalance',
        timing: await time(
          () => evaluateSprintPlan({ policy, gateState: 'HEALTHY', items: sprint }),
          { runs: 15, warmup: 3 },
        ),
      },
    ];
  },
};
export default suite;
