import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEMPTION, exemptionMatcher, isExempt } from './exemption';
import { anItem } from './testing/sprint-items';

describe('isExempt with the default exemption (P0/Highest, security)', () => {
  it.each([
    ['priority P0', anItem({ priority: 'P0' }), true],
    ['priority highest in lower case', anItem({ priority: 'highest' }), true],
    ['the security label', anItem({ labels: ['frontend', 'Security'] }), true],
    ['priority High', anItem({ priority: 'High' }), false],
    ['an explicit exempt flag on a Medium item', anItem({ exempt: true }), true],
    ['an explicit non-exempt flag on a P0 item', anItem({ priority: 'P0', exempt: false }), false],
  ])('decides %s: %s', (_name, item, expected) => {
    expect(isExempt(item, DEFAULT_EXEMPTION)).toBe(expected);
  });
});

describe("exemptionMatcher: the project's one rule, for the planner, the panel and the validator", () => {
  const match = exemptionMatcher(DEFAULT_EXEMPTION);
  it.each([
    [
      'priority highest with label Security',
      { priority: 'highest', labels: ['Security'] },
      { by: 'priority', value: 'highest' },
    ],
    [
      'label SECURITY with priority Medium',
      { priority: 'Medium', labels: ['ui', 'SECURITY'] },
      { by: 'label', value: 'SECURITY' },
    ],
    [
      'priority " p0 " with spaces',
      { priority: ' p0 ', labels: [] },
      { by: 'priority', value: ' p0 ' },
    ],
    [
      'priority High and a label security-review',
      { priority: 'High', labels: ['security-review'] },
      null,
    ],
    ['no priority and no labels', {}, null],
  ])('decides %s', (_name, subject, expected) => {
    expect(match(subject)).toEqual(expected);
  });

  it("uses the project's rules, not the defaults", () => {
    const own = exemptionMatcher({ priorities: ['Blocker'], labels: ['compliance'] });
    expect(own({ priority: 'blocker' })).toEqual({ by: 'priority', value: 'blocker' });
    expect(own({ labels: ['Compliance'] })).toEqual({ by: 'label', value: 'Compliance' });
    expect(own({ priority: 'Highest', labels: ['security'] })).toBeNull();
  });
});
