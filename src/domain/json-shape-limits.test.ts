import { describe, expect, it } from 'vitest';
import { conditionShape, jsonDepth } from './json-shape-limits';

function nest(levels: number): unknown {
  let value: unknown = { field: 'label', anyOf: ['x'] };
  for (let i = 1; i < levels; i += 1) value = { any: [value] };
  return value;
}

describe('measuring untrusted JSON without recursion', () => {
  it('counts depth as Forge storage does, and stops counting past the limit', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1] })).toBe(2);
    expect(jsonDepth({ a: [{ b: null }], c: 'x' })).toBe(3);
    expect(jsonDepth(nest(1_000_000), 24)).toBe(25);
  });

  it('counts the nesting and the conditions of a rule, a million levels deep without a stack overflow', () => {
    expect(conditionShape({ field: 'label', anyOf: ['x'] })).toEqual({ depth: 1, conditions: 1 });
    expect(
      conditionShape({ all: [{ field: 'label', anyOf: ['x'] }, { any: [{ field: 'x' }] }] }),
    ).toEqual({ depth: 3, conditions: 4 });
    expect(conditionShape(nest(1_000_000))).toEqual({ depth: 1_000_000, conditions: 1_000_000 });
    expect(conditionShape('not a condition')).toEqual({ depth: 0, conditions: 0 });
  });
});
