import { describeFeature, suggestionFeatures, type SuggestionText } from './suggestion-features';
import { WORK_TYPES, type WorkType } from './work-type';

/** An item whose type a person or rule set, to learn from. */
export interface TaggedExample extends SuggestionText {
  readonly type: WorkType;
}

/** Counts learned from tagged items: a multinomial naive Bayes model (Manning et al., IIR §13.2). */
export interface WorkTypeModel {
  readonly examples: number;
  readonly examplesPerType: Readonly<Record<WorkType, number>>;
  /** feature → occurrences per type. */
  readonly featureCounts: ReadonlyMap<string, Readonly<Record<WorkType, number>>>;
  readonly featureTotals: Readonly<Record<WorkType, number>>;
}

export interface SuggestionOptions {
  /** Below this calibrated confidence there is no suggestion (default 0.6, our choice). */
  readonly minConfidence?: number;
  /** Fewer tagged items than this gives no suggestion (default 20, our choice). */
  readonly minExamples?: number;
  /**
   * Fewer occurrences than this of the item's words and labels in the tagged history gives no
   * suggestion (default 5, our choice): below it the counts are a handful of anecdotes.
   */
  readonly minEvidence?: number;
}

export interface SuggestionEvidence {
  /** `word "rotate"`, `label "ops"`, `issue type "Task"`. */
  readonly feature: string;
  /** How many times likelier the feature is under the suggested type than the runner-up. */
  readonly likelihoodRatio: number;
}

export type WorkTypeSuggestion =
  | {
      readonly kind: 'suggestion';
      readonly type: WorkType;
      /**
       * Calibrated confidence in `type`, 0–1, to three decimals: the naive-Bayes posterior, capped
       * by what the evidence can support (see evidenceCap).
       */
      readonly confidence: number;
      /** The naive-Bayes posterior before the cap, for the record. */
      readonly posterior: number;
      /** Occurrences of the item's words and labels in the tagged history (the evidence count). */
      readonly evidenceCount: number;
      readonly evidence: readonly SuggestionEvidence[];
      readonly explanation: string;
    }
  | {
      readonly kind: 'none';
      readonly reason: 'tooLittleHistory' | 'nothingKnown' | 'tooLittleEvidence' | 'lowConfidence';
      readonly explanation: string;
    };

const zeroPerType = (): Record<WorkType, number> => ({
  feature: 0,
  debt: 0,
  toil: 0,
  reliability: 0,
});

// Laplace (add-one) smoothing, so a word never seen with a type does not rule that type out.
const ALPHA = 1;

export function trainWorkTypeModel(examples: readonly TaggedExample[]): WorkTypeModel {
  const examplesPerType = zeroPerType();
  const featureTotals = zeroPerType();
  const featureCounts = new Map<string, Record<WorkType, number>>();
  for (const example of examples) {
    examplesPerType[example.type] += 1;
    for (const feature of suggestionFeatures(example)) {
      const counts = featureCounts.get(feature) ?? zeroPerType();
      counts[example.type] += 1;
      featureCounts.set(feature, counts);
      featureTotals[example.type] += 1;
    }
  }
  return { examples: examples.length, examplesPerType, featureCounts, featureTotals };
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;
// Rounded down, so a confidence below 1 is never shown as 100 %.
const floor3 = (value: number): number => Math.floor(value * 1000) / 1000;

/** 0.559 → "55%": rounded down, as the panel shows confidences. */
const percent = (value: number): string => `${Math.floor(value * 100 + 1e-9)}%`;

/** Word and label features carry evidence; the issue type is on every item and says little alone. */
const isEvidence = (feature: string) => !feature.startsWith('issuetype:');

/**
 * The most confidence the evidence can support. Of the N occurrences of the item's distinct
 * words and labels in the tagged history, n were on items of the suggested type; Laplace's rule
 * of succession over the K = 4 categories — additive (add-one) smoothing, as in Manning, Raghavan
 * & Schütze, Introduction to Information Retrieval, §13.2, eq. 13.7 — estimates the chance that
 * the next item with this evidence is of that type as (n + 1) / (N + K). Two words seen twice each,
 * all on feature items, support at most 5/8 = 0.625, however extreme the naive-Bayes posterior:
 * naive Bayes multiplies its features as if independent, which pushes its posteriors towards 0
 * and 1 (Zadrozny & Elkan, "Obtaining calibrated probability estimates from decision trees and
 * naive Bayesian classifiers", ICML 2001), so its posterior alone overclaims.
 */
export function evidenceCap(supporting: number, total: number, categories = WORK_TYPES.length) {
  return (supporting + 1) / (total + categories);
}

/**
 * Suggests a type for an unclassified item from the project's tagged items (PRODUCT.md §1): the type
 * with the highest naive-Bayes posterior over the item's summary words, labels and issue type, with
 * its probability as the confidence and the features that weighed most. Never applied by itself —
 * a person or a rule decides. Only types seen in the history are candidates; features never seen
 * are ignored. Deterministic: ties go to the earlier type in WORK_TYPES.
 */
export function suggestWorkType(
  model: WorkTypeModel,
  item: SuggestionText,
  options: SuggestionOptions = {},
): WorkTypeSuggestion {
  const { minConfidence = 0.6, minExamples = 20, minEvidence = 5 } = options;
  const candidates = WORK_TYPES.filter((type) => model.examplesPerType[type] > 0);
  if (model.examples < minExamples || candidates.length < 2) {
    return {
      kind: 'none',
      reason: 'tooLittleHistory',
      explanation: `Suggestions need at least ${minExamples} tagged items of at least two categories; the project has ${model.examples} of ${candidates.length}.`,
    };
  }
  const known = suggestionFeatures(item).filter((feature) => model.featureCounts.has(feature));
  if (known.length === 0) {
    return {
      kind: 'none',
      reason: 'nothingKnown',
      explanation: 'No word, label or issue type of this item appears in the tagged history.',
    };
  }
  const evidenceFeatures = [...new Set(known)].filter(isEvidence);
  const evidenceCount = evidenceFeatures.reduce(
    (sum, f) =>
      sum + WORK_TYPES.reduce((all, t) => all + (model.featureCounts.get(f)?.[t] ?? 0), 0),
    0,
  );
  if (evidenceCount < minEvidence) {
    return {
      kind: 'none',
      reason: 'tooLittleEvidence',
      explanation:
        evidenceCount === 0
          ? 'None of the words or labels of this item appear in the tagged history.'
          : `The words and labels of this item appear only ${evidenceCount} ${evidenceCount === 1 ? 'time' : 'times'} in the tagged history; a suggestion needs at least ${minEvidence}.`,
    };
  }
  const vocabulary = model.featureCounts.size;
  const logLikelihood = (feature: string, type: WorkType): number =>
    Math.log(
      ((model.featureCounts.get(feature)?.[type] ?? 0) + ALPHA) /
        (model.featureTotals[type] + ALPHA * vocabulary),
    );
  const scores = candidates.map((type) => ({
    type,
    score:
      Math.log(model.examplesPerType[type] / model.examples) +
      known.reduce((sum, f) => sum + logLikelihood(f, type), 0),
  }));
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const [best, runnerUp] = [ranked[0]!, ranked[1]!];
  // Softmax in log space, shifted by the best score so exp() cannot overflow.
  const normaliser = scores.reduce((sum, s) => sum + Math.exp(s.score - best.score), 0);
  const posterior = 1 / normaliser;
  const supporting = evidenceFeatures.reduce(
    (sum, f) => sum + (model.featureCounts.get(f)?.[best.type] ?? 0),
    0,
  );
  const confidence = floor3(Math.min(posterior, evidenceCap(supporting, evidenceCount)));
  if (confidence < minConfidence) {
    return {
      kind: 'none',
      reason: 'lowConfidence',
      explanation: `The best guess, ${best.type}, is only ${percent(confidence)} likely; a suggestion needs ${percent(minConfidence)}.`,
    };
  }
  const evidence = [...new Set(known)]
    .map((feature) => ({
      feature,
      weight: logLikelihood(feature, best.type) - logLikelihood(feature, runnerUp.type),
    }))
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
    .slice(0, 3)
    .map((entry) => ({
      feature: describeFeature(entry.feature),
      likelihoodRatio: round3(Math.exp(entry.weight)),
    }));
  return {
    kind: 'suggestion',
    type: best.type,
    confidence,
    posterior: floor3(posterior),
    evidenceCount,
    evidence,
    explanation: `Looks like ${best.type} (confidence ${confidence}) from ${model.examples} tagged items${evidence.length > 0 ? `; mostly because of ${evidence.map((e) => e.feature).join(', ')}` : ''}.`,
  };
}
