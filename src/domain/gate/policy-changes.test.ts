import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../slo/duration';
import { DEFAULT_POLICY } from './policy';
import { errorBudgetPolicyChanges } from './policy-changes';

describe('errorBudgetPolicyChanges', () => {
  it('is empty when nothing reads differently', () => {
    expect(errorBudgetPolicyChanges(DEFAULT_POLICY, { ...DEFAULT_POLICY })).toEqual([]);
    // The same alerts in another order are the same policy.
    expect(
      errorBudgetPolicyChanges(DEFAULT_POLICY, {
        ...DEFAULT_POLICY,
        atRiskOnAlerts: ['page', 'ticket'],
      }),
    ).toEqual([]);
  });

  it("names each changed field by its settings label, old → new, in the page's order", () => {
    expect(
      errorBudgetPolicyChanges(DEFAULT_POLICY, {
        ...DEFAULT_POLICY,
        postmortemBudgetShare: 0.125,
        freezeAtOrBelow: 0.005,
        unfreezeHold: HOUR_MS,
        atRiskOnAlerts: ['page'],
        minDataCoverage: 0.9,
      }),
    ).toEqual([
      { field: 'Frozen at or below', from: '0%', to: '0.5%' },
      { field: 'Held for', from: '24 hours', to: '1 hour' },
      { field: 'Postmortem when one incident spends more than', from: '20%', to: '12.5%' },
      { field: 'At risk on firing alerts', from: 'page and ticket', to: 'page' },
      { field: 'No data below coverage', from: '0%', to: '90%' },
    ]);
  });

  it('rounds to what a person reads: two decimals of a percent', () => {
    expect(
      errorBudgetPolicyChanges(DEFAULT_POLICY, { ...DEFAULT_POLICY, atRiskBelow: 1 / 3 }),
    ).toEqual([{ field: 'At risk below', from: '25%', to: '33.33%' }]);
    expect(
      errorBudgetPolicyChanges(DEFAULT_POLICY, { ...DEFAULT_POLICY, atRiskOnAlerts: [] }),
    ).toEqual([{ field: 'At risk on firing alerts', from: 'page and ticket', to: 'none' }]);
  });
});
