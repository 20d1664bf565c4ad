import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type PolicyInput } from './evaluate';
import { DEFAULT_POLICY, checkPolicy } from './policy';
import { nextPolicyState, type PolicyMemory } from './transition';
import { HOUR_MS } from '../slo/duration';

const input = (
  budgetRemaining: number | null,
  overrides: Partial<PolicyInput> = {},
): PolicyInput => ({
  budgetRemaining,
  dataCoverage: 1,
  firingAlerts: [],
  ...overrides,
});

describe('policy rules (no memory)', () => {
  it.each([
    ['a full budget is HEALTHY', input(1), 'HEALTHY', ['within-budget']],
    ['25% left is still HEALTHY', input(0.25), 'HEALTHY', ['within-budget']],
    ['just under 25% left is AT_RISK', input(0.2499), 'AT_RISK', ['budget-low']],
    [
      'a firing ticket alert is AT_RISK',
      input(0.9, { firingAlerts: ['ticket'] }),
      'AT_RISK',
      ['alert-firing'],
    ],
    [
      'a firing page alert with low budget gives both reasons',
      input(0.1, { firingAlerts: ['page'] }),
      'AT_RISK',
      ['budget-low', 'alert-firing'],
    ],
    ['exactly 0 left is FROZEN', input(0), 'FROZEN', ['budget-exhausted']],
    ['an overspent budget is FROZEN', input(-0.5), 'FROZEN', ['budget-exhausted']],
    ['no events is NO_DATA', input(null), 'NO_DATA', ['no-data']],
  ] as const)('%s', (_, given, state, rules) => {
    const result = evaluatePolicy(given, DEFAULT_POLICY);
    expect(result.state).toBe(state);
    expect(result.reasons.map((r) => r.rule)).toEqual(rules);
  });

  it('is NO_DATA when data covers less of the window than the policy asks', () => {
    const result = evaluatePolicy(input(1, { dataCoverage: 0.4 }), {
      ...DEFAULT_POLICY,
      minDataCoverage: 0.5,
    });
    expect(result).toEqual({
      state: 'NO_DATA',
      reasons: [{ rule: 'low-coverage', message: 'data covers 40.0% of the window, below 50.0%' }],
    });
  });

  it('ignores alerts of severities the policy does not list', () => {
    const policy = { ...DEFAULT_POLICY, atRiskOnAlerts: ['page'] as const };
    expect(evaluatePolicy(input(0.9, { firingAlerts: ['ticket'] }), policy).state).toBe('HEALTHY');
  });

  it.each([
    ['the default policy', DEFAULT_POLICY, []],
    [
      'a threshold above 1',
      { ...DEFAULT_POLICY, atRiskBelow: 1.5 },
      ['policy.atRiskBelow is 1.5; allowed: a number from 0 to 1'],
    ],
    [
      'an exit threshold below the freeze threshold',
      { ...DEFAULT_POLICY, unfreezeAtOrAbove: -0.1 },
      ['policy.unfreezeAtOrAbove must be ≥ policy.freezeAtOrBelow, or the gate would flap'],
    ],
  ])('checks %s', (_, policy, problems) => {
    expect(checkPolicy(policy)).toEqual(problems);
  });
});

describe('policy state machine', () => {
  // Each step: [hours since start, budget remaining, expected state, expected recoveringSince hour].
  const steps: readonly (readonly [number, number | null, string, number | null])[] = [
    [0, 0.5, 'HEALTHY', null],
    [1, 0.2, 'AT_RISK', null],
    [2, -0.1, 'FROZEN', null],
    [3, 0.03, 'FROZEN', null], // back above 0, below the 5% exit threshold
    [4, 0.06, 'FROZEN', 4], // recovering from hour 4
    [20, 0.3, 'FROZEN', 4],
    [27, 0.04, 'FROZEN', null], // dipped below 5%: the hold starts again
    [28, 0.3, 'FROZEN', 28],
    [40, null, 'FROZEN', null], // no data cannot show recovery
    [41, 0.3, 'FROZEN', 41],
    [65, 0.3, 'HEALTHY', null], // 24h held: leaves FROZEN for what the figures call for
  ];

  it('freezes at 0, and leaves FROZEN only after 24h at or above 5%', () => {
    let memory: PolicyMemory | null = null;
    const seen = steps.map(([hour, remaining]) => {
      memory = nextPolicyState(memory, input(remaining), DEFAULT_POLICY, hour * HOUR_MS);
      return [
        hour,
        remaining,
        memory.state,
        memory.recoveringSince === null ? null : memory.recoveringSince / HOUR_MS,
      ];
    });
    expect(seen).toEqual(steps);
  });

  it('keeps the time a state was entered while it lasts', () => {
    const first = nextPolicyState(null, input(0.1), DEFAULT_POLICY, 0);
    const second = nextPolicyState(first, input(0.15), DEFAULT_POLICY, HOUR_MS);
    expect([second.state, second.since]).toEqual(['AT_RISK', 0]);
  });

  it('says how long recovery has held while still frozen', () => {
    const frozen = { state: 'FROZEN' as const, since: 0, recoveringSince: 0 };
    const next = nextPolicyState(frozen, input(0.1), DEFAULT_POLICY, 6 * HOUR_MS);
    expect(next.reasons).toEqual([
      {
        rule: 'frozen-until-recovered',
        message: 'recovering: budget ≥ 5.0% for 6h of the 24h needed',
      },
    ]);
  });
});
