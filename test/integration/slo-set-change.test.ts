import { describe, expect, it } from 'vitest';
import { parseOpenSlo } from '../../src/domain/slo/openslo';
import { sloSetChange } from '../../src/domain/slo/slo-set-change';
import { readFileSync } from 'node:fs';

const specs = (path: string) => {
  const parsed = parseOpenSlo(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.bundle.slos;
};
const FIXTURE = specs('test/fixtures/slo/checkout.openslo.yaml');

describe('sloSetChange', () => {
  it('sorts each name into added, replaced (definition differs) or deleted', () => {
    const demo = specs('sandbox/app-seed/demo.openslo.yaml');
    expect(sloSetChange(FIXTURE, demo)).toEqual({
      added: ['checkout-latency', 'search-availability'],
      replaced: ['checkout-availability'],
      deleted: ['checkout-minutes', 'search-latency'],
    });
  });

  it('leaves out an SLO whose definition is unchanged', () => {
    const [first, ...rest] = FIXTURE;
    const changed = { ...first!, target: 0.95 };
    expect(sloSetChange(FIXTURE, [changed, ...rest])).toEqual({
      added: [],
      replaced: [first!.name],
      deleted: [],
    });
    expect(sloSetChange(FIXTURE, FIXTURE)).toEqual({ added: [], replaced: [], deleted: [] });
    expect(sloSetChange([], FIXTURE).added).toEqual([
      'checkout-availability',
      'checkout-minutes',
      'search-latency',
    ]);
  });
});
