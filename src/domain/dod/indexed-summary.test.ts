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
