/**
 * The category suggestion measured on the demo (issue #18, "an honest suggestion"): trained on
 * three quarters of the demo's tagged items, asked about the other quarter as if they were
 * unclassified. Reports and pins a floor for accuracy, and for calibration — a confidence of 70 %
 * should be right about 70 % of the time — the expected calibration error (ECE: the mean gap
 * between confidence and accuracy over ten equal-width confidence bins, weighted by the items in
 * each; Guo, Pleiss, Sun & Weinberger, "On Calibration of Modern Neural Networks", ICML 2017,
 * §2). The figures are recorded in docs/suggestion-calibration.md.
 */
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../sandbox/jira/seed/index';
import { taggedExample } from '../../src/app/issue/suggestion-model';
import {
  MIN_SUGGESTION_CONFIDENCE,
  MIN_SUGGESTION_EVIDENCE,
  MIN_SUGGESTION_EXAMPLES,
} from '../../src/app/issue/panel-extras';
import { suggestWorkType, trainWorkTypeModel, type TaggedExample } from '../../src/domain/work';
import { SEED_ANCHOR } from '../support/app-sandbox';

/** The demo's items tagged by a person or a rule, in key order, as the model's training reads them. */
function demoTagged(): TaggedExample[] {
  const { state } = buildSeed({ anchor: SEED_ANCHOR });
  const typeName = new Map(state.issueTypes.map((t) => [t.id, t.name]));
  return state.issues.flatMap((issue) => {
    const example = taggedExample({
      fields: {
        summary: issue.summary,
        labels: issue.labels,
        issuetype: { name: typeName.get(issue.issueTypeId) ?? '' },
      },
      properties: issue.properties,
    });
    return example ? [example] : [];
  });
}

interface Prediction {
  readonly confidence: number;
  readonly correct: boolean;
}

/**
 * ECE over ten equal-width bins of confidence (Guo et al. 2017, eq. 3), and its overconfident
 * part: only the bins whose mean confidence exceeds their accuracy — what a person is misled by.
 */
function calibrationErrors(predictions: readonly Prediction[]): { ece: number; over: number } {
  let gap = 0;
  let over = 0;
  for (let bin = 0; bin < 10; bin += 1) {
    const inBin = predictions.filter((p) => Math.min(Math.floor(p.confidence * 10), 9) === bin);
    if (inBin.length === 0) continue;
    const accuracy = inBin.filter((p) => p.correct).length / inBin.length;
    const confidence = inBin.reduce((sum, p) => sum + p.confidence, 0) / inBin.length;
    gap += (inBin.length / predictions.length) * Math.abs(accuracy - confidence);
    over += (inBin.length / predictions.length) * Math.max(0, confidence - accuracy);
  }
  return { ece: gap, over };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function measure(confidenceOf: (result: { confidence: number; posterior: number }) => number) {
  const tagged = demoTagged();
  // Every fourth item held back: deterministic, and spread over the whole history.
  const training = tagged.filter((_, i) => i % 4 !== 3);
  const heldOut = tagged.filter((_, i) => i % 4 === 3);
  const model = trainWorkTypeModel(training);
  const predictions: Prediction[] = [];
  const reasons: Record<string, number> = {};
  for (const item of heldOut) {
    const result = suggestWorkType(model, item, {
      minExamples: MIN_SUGGESTION_EXAMPLES,
      minEvidence: MIN_SUGGESTION_EVIDENCE,
      minConfidence: 0, // every judgeable item, so calibration is measured over all confidences
    });
    if (result.kind === 'none') {
      reasons[result.reason] = (reasons[result.reason] ?? 0) + 1;
      continue;
    }
    predictions.push({ confidence: confidenceOf(result), correct: result.type === item.type });
  }
  const shown = predictions.filter((p) => p.confidence >= MIN_SUGGESTION_CONFIDENCE);
  const accuracy = (list: readonly Prediction[]) =>
    round3(list.filter((p) => p.correct).length / list.length);
  const meanConfidence = (list: readonly Prediction[]) =>
    round3(list.reduce((sum, p) => sum + p.confidence, 0) / list.length);
  return {
    tagged: tagged.length,
    training: training.length,
    heldOut: heldOut.length,
    judged: predictions.length,
    noSuggestion: reasons,
    accuracyJudged: accuracy(predictions),
    meanConfidenceJudged: meanConfidence(predictions),
    eceJudged: round3(calibrationErrors(predictions).ece),
    overconfidenceJudged: round3(calibrationErrors(predictions).over),
    shown: shown.length,
    accuracyShown: accuracy(shown),
    meanConfidenceShown: meanConfidence(shown),
    maxConfidence: Math.max(...predictions.map((p) => p.confidence)),
  };
}

describe('the category suggestion on held-back tagged items of the demo', () => {
  const calibrated = measure((r) => r.confidence);
  const raw = measure((r) => r.posterior);

  it('measures the figures recorded in docs/suggestion-calibration.md', () => {
    // Exact, so a change to the model or the seed shows here and the document is updated with it.
    expect(calibrated).toEqual({
      tagged: 163,
      training: 123,
      heldOut: 40,
      judged: 40,
      noSuggestion: {},
      accuracyJudged: 1,
      meanConfidenceJudged: 0.662,
      eceJudged: 0.338,
      overconfidenceJudged: 0,
      shown: 26,
      accuracyShown: 1,
      meanConfidenceShown: 0.738,
      maxConfidence: 0.9,
    });
    expect(raw).toMatchObject({
      meanConfidenceJudged: 0.994,
      eceJudged: 0.006,
      maxConfidence: 0.999,
    });
  });

  it('is right on at least 90 % of the held-back items it makes a suggestion for', () => {
    expect(calibrated.accuracyShown).toBeGreaterThanOrEqual(0.9);
  });

  it('never claims more than it is right: overconfidence at most 0.05, and below certainty', () => {
    expect(calibrated.overconfidenceJudged).toBeLessThanOrEqual(0.05);
    expect(calibrated.maxConfidence).toBeLessThan(1);
    // The raw posterior rounds to "100 %" on this data; the calibrated confidence does not.
    expect(Math.round(raw.maxConfidence * 100)).toBe(100);
    expect(Math.floor(calibrated.maxConfidence * 100)).toBeLessThan(100);
  });
});
