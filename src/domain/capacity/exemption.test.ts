import { describe, expect, it } from 'vitest';
import { DEFAULT_EXEMPTION, isExempt } from './exemption';
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
