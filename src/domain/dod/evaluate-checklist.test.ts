import { describe, expect, it } from 'vitest';
import { evaluateChecklist } from './evaluate-checklist';
import { aManualItem, aState, aTemplate, anIssue } from './testing/generators';

const template = aTemplate();

describe('evaluating a checklist', () => {
  it('reads an item id that is also an Object.prototype member (constructor) as an id: open until ticked', () => {
    const named = aTemplate({
      items: [aManualItem('constructor', { text: 'Constructor checked' })],
    });
    const open = evaluateChecklist(named, aState({}), anIssue({}));
    expect(open.items[0]).toMatchObject({ id: 'constructor', state: 'open' });
    expect(open.items[0]).not.toHaveProperty('by');
    const ticked = evaluateChecklist(named, aState({ constructor: true }), anIssue({}));
    expect(ticked.items[0]).toMatchObject({ id: 'constructor', state: 'done', by: 'acc-ana' });
  });

  it('lists every item with its state, who and when, and the auto-check reason', () => {
    const evaluation = evaluateChecklist(
      template,
      aState({ 'code-reviewed': true }),
      anIssue({ estimate: null }),
    );
    expect(evaluation.items).toEqual([
      {
        id: 'code-reviewed',
        text: 'Code reviewed',
        required: true,
        kind: 'manual',
        state: 'done',
        by: 'acc-ana',
        at: '2026-03-02T10:00:00Z',
      },
      { id: 'docs-updated', text: 'Docs updated', required: false, kind: 'manual', state: 'open' },
      {
        id: 'estimated',
        text: 'Estimate set',
        required: true,
        kind: 'auto',
        state: 'open',
        reason: 'no estimate',
      },
    ]);
  });

  it.each([
    ['nothing ticked and no estimate', {}, null, 0, ['code-reviewed', 'estimated'], false, '0/3'],
    ['nothing ticked, with an estimate', {}, 5, 1, ['code-reviewed'], false, '1/3'],
    ['the review ticked and an estimate', { 'code-reviewed': true }, 5, 2, [], true, '2/3'],
    ['everything done', { 'code-reviewed': true, 'docs-updated': true }, 5, 3, [], true, '3/3'],
    [
      'the review unticked again',
      { 'code-reviewed': false },
      5,
      1,
      ['code-reviewed'],
      false,
      '1/3',
    ],
  ])(
    'with %s: done, open required and completeness',
    (_name, ticks, estimate, done, open, complete, progress) => {
      const evaluation = evaluateChecklist(template, aState(ticks), anIssue({ estimate }));
      expect({
        done: evaluation.done,
        total: evaluation.total,
        open: evaluation.openRequired.map((item) => item.id),
        complete: evaluation.complete,
        progress: evaluation.progress,
      }).toEqual({ done, total: 3, open, complete, progress });
    },
  );

  it('treats a missing state as nothing ticked', () => {
    expect(evaluateChecklist(template, undefined, anIssue()).progress).toBe('1/3');
  });

  it('is complete with nothing to do when the issue has no template', () => {
    expect(evaluateChecklist(undefined, undefined, anIssue({ key: 'BAL-7' }))).toEqual({
      issueKey: 'BAL-7',
      template: null,
      outdated: false,
      items: [],
      done: 0,
      total: 0,
      openRequired: [],
      complete: true,
      progress: '0/0',
    });
  });

  it.each([
    ['the same version', aState({}, { templateVersion: 1 }), false],
    ['an older version', aState({}, { templateVersion: 0 }), true],
    ['another template', aState({}, { templateId: 'default-debt' }), true],
    ['no stored state', undefined, false],
  ])('flags a state following %s as outdated: %s', (_name, state, outdated) => {
    expect(evaluateChecklist(template, state, anIssue()).outdated).toBe(outdated);
  });
});
