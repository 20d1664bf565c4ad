import { describe, expect, it } from 'vitest';
import { suggestionFeatures } from './suggestion-features';
import { suggestWorkType, trainWorkTypeModel, type TaggedExample } from './work-type-suggestion';

const example = (
  type: TaggedExample['type'],
  summary: string,
  issueType = 'Task',
  labels: string[] = [],
): TaggedExample => ({
  type,
  summary,
  issueType,
  labels,
});

// Two examples, checked by hand: vocabulary {word:alpha, issuetype:story, word:beta, issuetype:task},
// two features per type. For "alpha" (Story): feature = ½ · (2/6)(2/6) = 1/18, toil = ½ · (1/6)(1/6) =
// 1/72, so P(feature) = (1/18) / (1/18 + 1/72) = 0.8, and each feature is 2× likelier under feature.
const tiny = trainWorkTypeModel([
  example('feature', 'alpha', 'Story'),
  example('toil', 'beta', 'Task'),
]);
const tinyOptions = { minExamples: 2 };

const history: TaggedExample[] = [
  ...[
    'Rotate TLS certificates',
    'Restart stuck workers by hand',
    'Rotate database passwords',
    'Clean up full disks on build agents',
    'Manually rerun nightly export',
    'Restart the queue consumers',
  ].map((s) => example('toil', s, 'Task', ['ops'])),
  ...[
    'Refactor payment service',
    'Remove deprecated billing API',
    'Refactor search indexing',
    'Upgrade React to 19',
    'Remove dead feature flags',
    'Split the god class in orders',
  ].map((s) => example('debt', s)),
  ...[
    'Alert on checkout latency SLO',
    'Crash when cart is empty',
    'Add retry to payment webhook',
    'Postmortem actions for outage',
    'Timeout in login under load',
    'Alert on error budget burn',
  ].map((s) => example('reliability', s, 'Bug')),
  ...[
    'Export invoices to CSV',
    'Dark mode for dashboard',
    'Share a report by link',
    'Invite teammates by email',
    'Filter orders by status',
    'Bulk edit products',
  ].map((s) => example('feature', s, 'Story')),
];
const model = trainWorkTypeModel(history);

describe('suggestionFeatures', () => {
  it('reads summary words (without stop words), labels and the issue type', () => {
    expect(
      suggestionFeatures({ summary: 'Rotate the TLS certs', labels: ['Ops'], issueType: 'Task' }),
    ).toEqual(['word:rotate', 'word:tls', 'word:certs', 'label:ops', 'issuetype:task']);
  });
});

describe('suggestWorkType', () => {
  it('computes the naive-Bayes posterior as the confidence (hand-checked: 0.8)', () => {
    const result = suggestWorkType(
      tiny,
      { summary: 'alpha', labels: [], issueType: 'Story' },
      tinyOptions,
    );
    expect(result).toEqual({
      kind: 'suggestion',
      type: 'feature',
      confidence: 0.8,
      evidence: [
        { feature: 'issue type "story"', likelihoodRatio: 2 },
        { feature: 'word "alpha"', likelihoodRatio: 2 },
      ],
      explanation:
        'Looks like feature (confidence 0.8) from 2 tagged items; mostly because of issue type "story", word "alpha".',
    });
  });

  it.each([
    ['toil', { summary: 'Rotate the Kafka certificates', labels: ['ops'], issueType: 'Task' }],
    ['debt', { summary: 'Refactor the deprecated shipping module', labels: [], issueType: 'Task' }],
    [
      'reliability',
      { summary: 'Alert when checkout latency burns the SLO', labels: [], issueType: 'Bug' },
    ],
    ['feature', { summary: 'Export orders to CSV', labels: [], issueType: 'Story' }],
  ])('suggests %s for a summary like the tagged %s items', (type, item) => {
    const result = suggestWorkType(model, item);
    expect(result.kind === 'suggestion' && result.type).toBe(type);
  });

  it('gives no suggestion below the confidence threshold', () => {
    // "alpha beta" on a Sub-task: equal evidence for both types, so confidence 0.5.
    const result = suggestWorkType(
      tiny,
      { summary: 'alpha beta', labels: [], issueType: 'Sub-task' },
      tinyOptions,
    );
    expect(result).toEqual({
      kind: 'none',
      reason: 'lowConfidence',
      explanation: 'The best guess, feature, has a confidence of 0.5, below 0.6.',
    });
  });

  it('gives no suggestion with fewer than 20 tagged items', () => {
    const result = suggestWorkType(trainWorkTypeModel(history.slice(0, 19)), {
      summary: 'Rotate certs',
      labels: [],
      issueType: 'Task',
    });
    expect(result.kind === 'none' && result.reason).toBe('tooLittleHistory');
  });

  it('gives no suggestion when the history has only one type', () => {
    const oneType = trainWorkTypeModel(history.filter((e) => e.type === 'toil'));
    const result = suggestWorkType(
      oneType,
      { summary: 'Rotate certs', labels: [], issueType: 'Task' },
      { minExamples: 1 },
    );
    expect(result.kind === 'none' && result.reason).toBe('tooLittleHistory');
  });

  it('gives no suggestion when nothing about the item was ever seen', () => {
    const result = suggestWorkType(model, {
      summary: 'Quarterly offsite',
      labels: [],
      issueType: 'Meeting',
    });
    expect(result.kind === 'none' && result.reason).toBe('nothingKnown');
  });
});
