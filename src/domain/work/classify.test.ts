import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { DEFAULT_RULES } from './default-rules';
import type { ClassificationRule } from './rule';
import { anItem } from './testing/classifiable-items';

describe('classify with the default rules (PRODUCT.md §1)', () => {
  it.each([
    ['a Bug', anItem({ issueType: 'Bug' }), 'reliability', 'bug-is-reliability'],
    ['a Task labelled tech-debt', anItem({ labels: ['tech-debt'] }), 'debt', 'debt-labels'],
    ['a Task labelled refactor', anItem({ labels: ['refactor'] }), 'debt', 'debt-labels'],
    ['a Task labelled toil', anItem({ labels: ['toil'] }), 'toil', 'toil-labels'],
    ['a Task labelled manual', anItem({ labels: ['manual'] }), 'toil', 'toil-labels'],
    ['a Task labelled ops', anItem({ labels: ['ops'] }), 'toil', 'toil-labels'],
    ['a Task labelled sre', anItem({ labels: ['sre'] }), 'reliability', 'reliability-labels'],
    ['a Task labelled slo', anItem({ labels: ['slo'] }), 'reliability', 'reliability-labels'],
    [
      'a Task labelled incident',
      anItem({ labels: ['incident'] }),
      'reliability',
      'reliability-labels',
    ],
    [
      'a Task labelled postmortem',
      anItem({ labels: ['postmortem'] }),
      'reliability',
      'reliability-labels',
    ],
    ['a Story', anItem({ issueType: 'Story' }), 'feature', 'story-epic-is-feature'],
    ['an Epic', anItem({ issueType: 'Epic' }), 'feature', 'story-epic-is-feature'],
    [
      'a Story labelled tech-debt',
      anItem({ issueType: 'Story', labels: ['tech-debt'] }),
      'debt',
      'debt-labels',
    ],
    [
      'a Bug labelled toil (Bug comes first)',
      anItem({ issueType: 'Bug', labels: ['toil'] }),
      'reliability',
      'bug-is-reliability',
    ],
    [
      'a story in other letter case',
      anItem({ issueType: 'STORY' }),
      'feature',
      'story-epic-is-feature',
    ],
  ])('tags %s as %s by rule %s', (_name, item, type, ruleId) => {
    const result = classify(item, DEFAULT_RULES);
    expect([result.type, result.source.kind === 'rule' ? result.source.ruleId : null]).toEqual([
      type,
      ruleId,
    ]);
  });

  it('leaves a plain Task unclassified and says why', () => {
    expect(classify(anItem(), DEFAULT_RULES)).toEqual({
      key: 'BAL-1',
      type: 'unclassified',
      source: { kind: 'none' },
      reason: 'No manual category, no matching rule and no classified parent.',
    });
  });

  it('explains a rule match with the rule position, id and matched value', () => {
    expect(classify(anItem({ labels: ['frontend', 'Tech-Debt'] }), DEFAULT_RULES).reason).toBe(
      'Rule #2 "debt-labels" (debt): label is "Tech-Debt".',
    );
  });
});

describe('classify: precedence', () => {
  it('lets a manual type beat every rule', () => {
    const result = classify(anItem({ issueType: 'Bug', manualType: 'feature' }), DEFAULT_RULES);
    expect([result.type, result.source]).toEqual(['feature', { kind: 'manual' }]);
  });

  it('lets the first matching rule win when two rules match', () => {
    const rules: ClassificationRule[] = [
      { id: 'first', type: 'toil', when: { field: 'label', anyOf: ['x'] } },
      { id: 'second', type: 'debt', when: { field: 'label', anyOf: ['x'] } },
    ];
    expect(classify(anItem({ labels: ['x'] }), rules).type).toBe('toil');
  });

  it('gives an untagged child its parent type and names the parent', () => {
    const parent = anItem({ key: 'BAL-7', issueType: 'Story', labels: ['refactor'] });
    const child = anItem({ key: 'BAL-8', issueType: 'Sub-task', parent });
    const result = classify(child, DEFAULT_RULES);
    expect([result.type, result.source.kind === 'parent' && result.source.parentKey]).toEqual([
      'debt',
      'BAL-7',
    ]);
  });

  it('inherits through two levels (sub-task → story → epic)', () => {
    const epic = anItem({ key: 'BAL-1', issueType: 'Initiative', manualType: 'toil' });
    const story = anItem({ key: 'BAL-2', issueType: 'Task', parent: epic });
    const subtask = anItem({ key: 'BAL-3', issueType: 'Sub-task', parent: story });
    expect(classify(subtask, DEFAULT_RULES).reason).toBe(
      'Inherited toil from parent BAL-2: Inherited toil from parent BAL-1: Set by hand to toil.',
    );
  });

  it('keeps a child tagged by its own rule instead of inheriting', () => {
    const parent = anItem({ key: 'BAL-7', issueType: 'Epic' });
    expect(classify(anItem({ issueType: 'Bug', parent }), DEFAULT_RULES).type).toBe('reliability');
  });

  it('keeps a child unclassified when its parent is unclassified too', () => {
    const parent = anItem({ key: 'BAL-7' });
    expect(classify(anItem({ parent }), DEFAULT_RULES).type).toBe('unclassified');
  });
});

describe('classify: rule fields and combinators', () => {
  const rule = (when: ClassificationRule['when']): ClassificationRule[] => [
    { id: 'r', type: 'toil', when },
  ];

  it.each([
    [
      'component',
      rule({ field: 'component', anyOf: ['Deploy'] }),
      anItem({ components: ['deploy'] }),
      'component is "deploy"',
    ],
    [
      'parent issue type',
      rule({ field: 'parentIssueType', anyOf: ['Epic'] }),
      anItem({ parent: anItem({ key: 'BAL-2', issueType: 'Epic' }) }),
      'parent issue type is "Epic"',
    ],
    [
      'parent key',
      rule({ field: 'parentKey', anyOf: ['bal-2'] }),
      anItem({ parent: anItem({ key: 'BAL-2' }) }),
      'parent is "BAL-2"',
    ],
    [
      'summary keyword',
      rule({ field: 'summaryKeyword', anyOf: ['rotate'] }),
      anItem({ summary: 'Rotate TLS certs' }),
      'summary contains "rotate"',
    ],
    [
      'summary phrase',
      rule({ field: 'summaryKeyword', anyOf: ['on call'] }),
      anItem({ summary: 'Fix on-call paging' }),
      'summary contains "on call"',
    ],
    [
      'all of two conditions',
      rule({
        all: [
          { field: 'label', anyOf: ['ops'] },
          { field: 'component', anyOf: ['db'] },
        ],
      }),
      anItem({ labels: ['ops'], components: ['db'] }),
      'label is "ops" and component is "db"',
    ],
    [
      'any of two conditions',
      rule({
        any: [
          { field: 'label', anyOf: ['ops'] },
          { field: 'component', anyOf: ['db'] },
        ],
      }),
      anItem({ components: ['db'] }),
      'component is "db"',
    ],
  ])('matches on %s and explains it', (_name, rules, item, matched) => {
    const source = classify(item, rules).source;
    expect(source.kind === 'rule' ? source.matched : null).toBe(matched);
  });

  it.each([
    [
      'a keyword inside a longer word',
      rule({ field: 'summaryKeyword', anyOf: ['ops'] }),
      anItem({ summary: 'Stops the build' }),
    ],
    [
      'all when one part fails',
      rule({
        all: [
          { field: 'label', anyOf: ['ops'] },
          { field: 'component', anyOf: ['db'] },
        ],
      }),
      anItem({ labels: ['ops'] }),
    ],
    [
      'a parent field on an item without a parent',
      rule({ field: 'parentIssueType', anyOf: ['Epic'] }),
      anItem(),
    ],
  ])('does not match %s', (_name, rules, item) => {
    expect(classify(item, rules).type).toBe('unclassified');
  });
});
