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
  /** Below this posterior probability there is no suggestion (default 0.6, our choice). */
  readonly minConfidence?: number;
  /** Fewer tagged items than this gives no suggestion (default 20, our choice). */
  readonly minExamples?: number;
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
      /** Posterior probability of `type`, 0–1, to three decimals. */
      readonly confidence: number;
      readonly evidence: readonly SuggestionEvidence[];
      readonly explanation: string;
    }
  | {
      readonly kind: 'none';
      readonly reason: 'tooLittleHistory' | 'nothingKnown' | 'lowConfidence';
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
  const { minConfidence = 0.6, minExamples = 20 } = options;
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
  const confidence = round3(1 / normaliser);
  if (confidence < minConfidence) {
    return {
      kind: 'none',
      reason: 'lowConfidence',
      explanation: `The best guess, ${best.type}, has a confidence of ${confidence}, below ${minConfidence}.`,
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
    evidence,
    explanation: `Looks like ${best.type} (confidence ${confidence}) from ${model.examples} tagged items${evidence.length > 0 ? `; mostly because of ${evidence.map((e) => e.feature).join(', ')}` : ''}.`,
  };
}
