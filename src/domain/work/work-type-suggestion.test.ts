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
// Each item three times over, so the words of the test items are seen often enough to count.
const model = trainWorkTypeModel([...history, ...history, ...history]);

describe('suggestionFeatures', () => {
  it('reads summary words (without stop words), labels and the issue type', () => {
    expect(
      suggestionFeatures({ summary: 'Rotate the TLS certs', labels: ['Ops'], issueType: 'Task' }),
    ).toEqual(['word:rotate', 'word:tls', 'word:certs', 'label:ops', 'issuetype:task']);
  });
});

describe('suggestWorkType', () => {
  it('caps the naive-Bayes posterior by the evidence (hand-checked: posterior 0.8, cap 0.4)', () => {
    // The posterior is 0.8 (above). The evidence is one word, "alpha", seen once, on a feature
    // item: Laplace's rule over four categories gives (1 + 1) / (1 + 4) = 0.4.
    const result = suggestWorkType(
      tiny,
      { summary: 'alpha', labels: [], issueType: 'Story' },
      { ...tinyOptions, minEvidence: 1, minConfidence: 0 },
    );
    expect(result).toEqual({
      kind: 'suggestion',
      type: 'feature',
      confidence: 0.4,
      posterior: 0.8,
      evidenceCount: 1,
      evidence: [
        { feature: 'issue type "story"', likelihoodRatio: 2 },
        { feature: 'word "alpha"', likelihoodRatio: 2 },
      ],
      explanation:
        'Looks like feature (confidence 0.4) from 2 tagged items; mostly because of issue type "story", word "alpha".',
    });
  });

  it.each([
    ['toil', { summary: 'Rotate the Kafka certificates', labels: ['ops'], issueType: 'Task' }],
    ['debt', { summary: 'Refactor the deprecated shipping module', labels: [], issueType: 'Task' }],
    [
      'reliability',
      { summary: 'Alert when checkout latency burns the SLO', labels: [], issueType: 'Bug' },
    ],
    ['feature', { summary: 'Share invoices as CSV', labels: [], issueType: 'Story' }],
  ])('suggests %s for a summary like the tagged %s items', (type, item) => {
    const result = suggestWorkType(model, item);
    expect(result.kind === 'suggestion' && result.type).toBe(type);
  });

  it('gives no suggestion below the confidence threshold', () => {
    // "alpha beta" on a Sub-task: equal evidence for both types, posterior 0.5; the cap is
    // (1 + 1) / (2 + 4) = 0.333.
    const result = suggestWorkType(
      tiny,
      { summary: 'alpha beta', labels: [], issueType: 'Sub-task' },
      { ...tinyOptions, minEvidence: 2 },
    );
    expect(result).toEqual({
      kind: 'none',
      reason: 'lowConfidence',
      explanation: 'The best guess, feature, is only 33% likely; a suggestion needs 60%.',
    });
  });

  it('is never 100 % confident from a handful of words: "colour" and "filter" (issue #18)', () => {
    // "colour" four times and "filter" four times, all on feature items: the naive-Bayes posterior
    // is near 1, but eight occurrences support only (8 + 1) / (8 + 4) = 0.75.
    const colours = [
      ...history,
      ...[
        'Colour picker for themes',
        'Filter by colour',
        'Saved colour filter',
        'Filter by tag',
      ].map((s) => example('feature', s, 'Story')),
      example('feature', 'Brand colour presets', 'Story'),
    ];
    const result = suggestWorkType(trainWorkTypeModel(colours), {
      summary: 'Colour filter',
      labels: [],
      issueType: 'Story',
    });
    expect(result).toMatchObject({
      kind: 'suggestion',
      type: 'feature',
      confidence: 0.75,
      evidenceCount: 8,
    });
    expect(result.kind === 'suggestion' && result.posterior).toBe(0.992);
    // The words that drove it are shown beside it (every Story of this history is feature work).
    expect(result.kind === 'suggestion' && result.evidence.map((e) => e.feature)).toEqual([
      'issue type "story"',
      'word "colour"',
      'word "filter"',
    ]);
  });

  it('gives no suggestion, and says why, from fewer than five occurrences of its words', () => {
    // "Refactor" twice and "deprecated" once in the plain history: three occurrences.
    const result = suggestWorkType(trainWorkTypeModel(history), {
      summary: 'Refactor the deprecated shipping module',
      labels: [],
      issueType: 'Task',
    });
    expect(result).toEqual({
      kind: 'none',
      reason: 'tooLittleEvidence',
      explanation:
        'The words and labels of this item appear only 3 times in the tagged history; a suggestion needs at least 5.',
    });
  });

  it('gives no suggestion from the issue type alone', () => {
    const result = suggestWorkType(model, { summary: 'Quarterly', labels: [], issueType: 'Story' });
    expect(result).toEqual({
      kind: 'none',
      reason: 'tooLittleEvidence',
      explanation: 'None of the words or labels of this item appear in the tagged history.',
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
