import { describe, expect, it } from 'vitest';
import { DEFAULT_DOD_TEMPLATES } from './default-templates';

const itemsOf = (workType: string) =>
  DEFAULT_DOD_TEMPLATES.find((template) => template.workType === workType)?.items.map(
    (item) =>
      `${item.id}${item.required ? '' : ' (optional)'}${item.kind === 'auto' ? ' [auto]' : ''}`,
  );

const SHARED = [
  'acceptance-criteria-met',
  'code-reviewed',
  'tests-pass-in-ci',
  'docs-updated (optional)',
];

describe('default Definition of Done templates (PRODUCT.md §3)', () => {
  it.each([
    ['feature', [...SHARED, 'rollout-plan', 'monitoring-impact-considered']],
    ['debt', [...SHARED, 'behaviour-unchanged']],
    ['toil', [...SHARED, 'automation-replaces-manual-step', 'runbook-updated']],
    [
      'reliability',
      [
        ...SHARED,
        'slo-alert-updated',
        'runbook-updated',
        'postmortem-action-linked (optional) [auto]',
      ],
    ],
    ['unclassified', [...SHARED, 'work-type-set (optional) [auto]']],
  ])('give %s work the shared items and its own', (workType, expected) => {
    expect(itemsOf(workType)).toEqual(expected);
  });

  it('apply to every issue type, at version 1', () => {
    expect(DEFAULT_DOD_TEMPLATES.map((t) => [t.id, t.version, t.issueTypes.length])).toEqual([
      ['default-feature', 1, 0],
      ['default-debt', 1, 0],
      ['default-toil', 1, 0],
      ['default-reliability', 1, 0],
      ['default-unclassified', 1, 0],
    ]);
  });
});
