import { describe, expect, it } from 'vitest';
import { ValidationError } from '../work/validation-error';
import { DEFAULT_POLICY, parsePolicy } from './policy';

function problemsOf(input: unknown): readonly string[] {
  try {
    parsePolicy(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('the default policy (PRODUCT.md §2)', () => {
  it('splits 60/10/10/10 with a 10% buffer and ± 5 points', () => {
    expect([DEFAULT_POLICY.targets, DEFAULT_POLICY.buffer, DEFAULT_POLICY.tolerance]).toEqual([
      { feature: 60, debt: 10, toil: 10, reliability: 10 },
      10,
      5,
    ]);
  });

  it('exempts P0/Highest priority and the security label', () => {
    expect(DEFAULT_POLICY.exemption).toEqual({
      priorities: ['P0', 'Highest'],
      labels: ['security'],
    });
  });

  it('passes its own validation', () => {
    expect(parsePolicy(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });
});

describe('parsePolicy', () => {
  it('fills missing top-level fields from the default policy', () => {
    expect(parsePolicy({ basis: 'issueCount' })).toEqual({
      ...DEFAULT_POLICY,
      basis: 'issueCount',
    });
  });

  it('fills gate states missing from a partial gate table from the default table', () => {
    const gateTable = { AT_RISK: { limits: { feature: { atMost: 50 } } } };
    expect(parsePolicy({ gateTable }).gateTable).toEqual({
      ...DEFAULT_POLICY.gateTable,
      ...gateTable,
    });
  });

  it.each([
    [
      'targets and buffer that do not add up to 100',
      { targets: { feature: 70, debt: 10, toil: 10, reliability: 10 } },
      'policy, field "targets": the targets plus the buffer must add up to 100%, they add up to 110%',
    ],
    ['a negative tolerance', { tolerance: -1 }, 'policy, field "tolerance": must not be negative'],
    [
      'a buffer above 100',
      { buffer: 120 },
      'policy, field "buffer": must be at most 100 (percent)',
    ],
    [
      'a missing target',
      { targets: { feature: 70, debt: 10, toil: 10 } },
      'policy, field "targets.reliability": must be a number',
    ],
    [
      'a negative fixed capacity',
      { capacity: { kind: 'fixed', amount: -3 } },
      'policy, field "capacity.amount": must not be negative',
    ],
    [
      'a fractional number of velocity sprints',
      { capacity: { kind: 'velocity', sprints: 2.5, availability: 1 } },
      'policy, field "capacity.sprints": must be a whole number of sprints',
    ],
    [
      'an availability above 1',
      { capacity: { kind: 'velocity', sprints: 3, availability: 1.2 } },
      'policy, field "capacity.availability": must be at most 1 (full availability)',
    ],
    [
      'an unknown enforcement mode',
      { enforcement: 'strict' },
      'policy, field "enforcement": must be one of off, advise, enforce',
    ],
    [
      'an unknown basis',
      { basis: 'hours' },
      'policy, field "basis": must be one of storyPoints, issueCount, originalEstimate',
    ],
    [
      'a gate limit with atLeast above atMost',
      {
        gateTable: {
          ...DEFAULT_POLICY.gateTable,
          AT_RISK: { limits: { debt: { atLeast: 30, atMost: 20 } } },
        },
      },
      'policy, field "gateTable.AT_RISK.limits.debt": atLeast (30) must not be above atMost (20)',
    ],
    [
      'a gate whose minimum shares cannot fit after the buffer',
      {
        gateTable: {
          ...DEFAULT_POLICY.gateTable,
          FROZEN: { limits: { reliability: { atLeast: 90 } } },
        },
      },
      'policy, field "gateTable.FROZEN": the minimum shares add up to 155%, more than the 90% left after the buffer, so no sprint could comply',
    ],
  ])('rejects %s, naming the field', (_name, overrides, message) => {
    expect(problemsOf({ ...DEFAULT_POLICY, ...overrides })).toContain(message);
  });

  it('accepts targets that add up to 100 only within float rounding', () => {
    const targets = { feature: 59.9, debt: 9.7, toil: 10, reliability: 10.4 }; // sums to 100.00000000000001
    expect(parsePolicy({ targets, buffer: 10 }).targets).toEqual(targets);
  });
});
