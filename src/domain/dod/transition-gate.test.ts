import { describe, expect, it } from 'vitest';
import { transitionGate } from './transition-gate';
import { aState, aTemplate, anIssue } from './testing/generators';

const template = aTemplate();

describe('the Definition of Done transition gate', () => {
  it.each([
    [
      'a move to In Progress, even with everything open',
      'indeterminate',
      template,
      {},
      'not-into-done',
    ],
    ['a move back to To Do', 'new', template, {}, 'not-into-done'],
    ['a move to Done with no template', 'done', undefined, {}, 'no-definition-of-done'],
    [
      'a move to Done with every required item done',
      'done',
      template,
      { 'code-reviewed': true },
      'definition-of-done-complete',
    ],
  ] as const)('allows %s', (_name, targetStatusCategory, tmpl, ticks, why) => {
    expect(
      transitionGate({
        issue: anIssue(),
        template: tmpl,
        state: aState(ticks),
        targetStatusCategory,
      }),
    ).toEqual({ allowed: true, why });
  });

  it('refuses Done with two open required items, listing them in plain words', () => {
    const decision = transitionGate({
      issue: anIssue({ key: 'BAL-12', estimate: null }),
      template,
      state: aState({ 'docs-updated': true }),
      targetStatusCategory: 'done',
    });
    expect(decision.allowed).toBe(false);
    expect(!decision.allowed && decision.message).toBe(
      'BAL-12 cannot be done yet: 2 required items are still open in its Definition of Done: ' +
        '"Code reviewed"; "Estimate set" (no estimate). Complete them in the Ballast panel, then try again.',
    );
    expect(!decision.allowed && decision.openRequired.map((item) => item.id)).toEqual([
      'code-reviewed',
      'estimated',
    ]);
  });

  it('uses the singular for one open item', () => {
    const decision = transitionGate({
      issue: anIssue({ key: 'BAL-3' }),
      template,
      state: undefined,
      targetStatusCategory: 'done',
    });
    expect(!decision.allowed && decision.message).toBe(
      'BAL-3 cannot be done yet: 1 required item is still open in its Definition of Done: ' +
        '"Code reviewed". Complete it in the Ballast panel, then try again.',
    );
  });

  it('does not block on open optional items', () => {
    const decision = transitionGate({
      issue: anIssue(),
      template,
      state: aState({ 'code-reviewed': true, 'docs-updated': false }),
      targetStatusCategory: 'done',
    });
    expect(decision.allowed).toBe(true);
  });
});
