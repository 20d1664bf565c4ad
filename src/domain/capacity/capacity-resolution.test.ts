import { describe, expect, it } from 'vitest';
import { resolveCapacity } from './capacity-resolution';

describe('resolveCapacity', () => {
  const history = [
    { sprintId: 's1', closedAt: '2026-09-01T00:00:00Z', completed: 100 },
    { sprintId: 's2', closedAt: '2026-10-01T00:00:00Z', completed: 30 },
    { sprintId: 's3', closedAt: '2026-10-15T00:00:00Z', completed: 20 },
  ];

  it('uses the most recent N sprints, in any input order', () => {
    const result = resolveCapacity(
      { kind: 'velocity', sprints: 2, availability: 1 },
      [...history].reverse(),
    );
    expect([result.amount, result.sprintsUsed]).toEqual([25, ['s3', 's2']]);
  });

  it('says when fewer closed sprints exist than the policy asks for', () => {
    expect(
      resolveCapacity({ kind: 'velocity', sprints: 5, availability: 0.5 }, history).explanation,
    ).toBe(
      'mean velocity 50 of the last 3 closed sprints (only 3 of the 5 asked for exist) × availability 0.5 = 25',
    );
  });

  it('returns a fixed capacity as it is', () => {
    expect(resolveCapacity({ kind: 'fixed', amount: 42 }).amount).toBe(42);
  });
});
