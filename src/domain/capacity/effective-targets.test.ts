import { describe, expect, it } from 'vitest';
import type { GateState } from '../gate/gate-state';
import { effectiveTargets } from './effective-targets';
import { DEFAULT_POLICY } from './policy';

const bands = (state: GateState): Record<string, [number, number, number]> =>
  Object.fromEntries(
    Object.values(effectiveTargets(DEFAULT_POLICY, state).targets).map((t) => [
      t.type,
      [t.targetShare, t.minShare, t.maxShare],
    ]),
  );

describe('effectiveTargets with the default policy and gate table', () => {
  it.each<[GateState, Record<string, [number, number, number]>]>([
    [
      'HEALTHY',
      { feature: [60, 55, 65], debt: [10, 5, 15], toil: [10, 5, 15], reliability: [10, 5, 15] },
    ],
    [
      'AT_RISK',
      { feature: [40, 35, 40], debt: [10, 5, 15], toil: [10, 5, 15], reliability: [30, 30, 35] },
    ],
    [
      'FROZEN',
      { feature: [0, 0, 0], debt: [10, 5, 15], toil: [10, 5, 15], reliability: [50, 50, 55] },
    ],
    [
      'NO_DATA',
      { feature: [60, 55, 65], debt: [10, 5, 15], toil: [10, 5, 15], reliability: [10, 5, 15] },
    ],
  ])('gives %s the [target, min, max] shares %j', (state, expected) => {
    expect(bands(state)).toEqual(expected);
  });

  it('excludes exempt items from the feature share only when FROZEN', () => {
    const counts = (state: GateState): boolean =>
      effectiveTargets(DEFAULT_POLICY, state).targets.feature.exemptItemsCount;
    expect([counts('HEALTHY'), counts('AT_RISK'), counts('FROZEN')]).toEqual([true, true, false]);
  });

  it('warns when there is no SLO data instead of silently reading it as healthy', () => {
    expect(effectiveTargets(DEFAULT_POLICY, 'NO_DATA').warnings).toHaveLength(1);
  });

  it('has no warning when healthy', () => {
    expect(effectiveTargets(DEFAULT_POLICY, 'HEALTHY').warnings).toEqual([]);
  });

  it('explains a gate-adjusted band', () => {
    expect(effectiveTargets(DEFAULT_POLICY, 'FROZEN').targets.feature.reason).toBe(
      'FROZEN gate: feature at most 0%, except exempt items (policy target 60% ± 5)',
    );
  });

  it('never loosens a band: atLeast below the policy target keeps the policy floor', () => {
    const policy = {
      ...DEFAULT_POLICY,
      gateTable: { ...DEFAULT_POLICY.gateTable, AT_RISK: { limits: { debt: { atLeast: 2 } } } },
    };
    const debt = effectiveTargets(policy, 'AT_RISK').targets.debt;
    expect([debt.targetShare, debt.minShare, debt.maxShare]).toEqual([10, 5, 15]);
  });
});
