import { describe, expect, it } from 'vitest';
import { evaluateChecklist } from './evaluate-checklist';
import { indexedSummary } from './indexed-summary';
import { aState, aTemplate, anIssue } from './testing/generators';

describe('the summary indexed for JQL', () => {
  it.each([
    [
      'an incomplete checklist',
      aTemplate(),
      {},
      null,
      { workType: 'feature', dodComplete: 0, dodOpenRequired: 2 },
    ],
    [
      'a complete checklist',
      aTemplate(),
      { 'code-reviewed': true },
      2,
      { workType: 'feature', dodComplete: 1, dodOpenRequired: 0 },
    ],
    [
      'an issue with no template',
      undefined,
      {},
      null,
      { workType: 'feature', dodComplete: 1, dodOpenRequired: 0 },
    ],
  ] as const)('for %s', (_name, template, ticks, estimate, expected) => {
    const evaluation = evaluateChecklist(template, aState(ticks), anIssue({ estimate }));
    expect(indexedSummary('feature', evaluation)).toEqual(expected);
  });

  it('carries the unclassified work type as is', () => {
    const evaluation = evaluateChecklist(
      undefined,
      undefined,
      anIssue({ workType: 'unclassified' }),
    );
    expect(indexedSummary('unclassified', evaluation).workType).toBe('unclassified');
  });
});

describe('the summary of an item closed before Ballast', () => {
  it('has no DoD figures, so dodComplete = 0 and = 1 both leave it out, and is flagged', () => {
    const evaluation = evaluateChecklist(aTemplate(), aState({}), anIssue({ estimate: null }));
    expect(
      indexedSummary('debt', evaluation, {
        kind: 'closedBeforeBallast',
        resolvedAt: '2026-01-05T10:00:00.000Z',
        firstSeenAt: '2026-11-20T12:00:00.000Z',
      }),
    ).toEqual({ workType: 'debt', dodClosedBeforeBallast: 1 });
  });
});
