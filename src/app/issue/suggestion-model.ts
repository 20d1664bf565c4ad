/**
 * The project's work-type suggestion model (PRODUCT.md §1: "learned from the project's own tagged
 * history … shown with its confidence, never applied without a person or a rule"): the domain's
 * naive-Bayes counts (src/domain/work/work-type-suggestion.ts), trained from the project's tagged
 * items and kept in the KeyValueStore as one value per project.
 *
 * - **Labels**: only items whose stored `ballast` property says a person or a rule set the type.
 *   Inherited types (`parent`) are an echo of the parent, not a label of the item's own text.
 * - **Bounded**: at most TRAINING_CAP tagged items, the most recently updated, searched in growing
 *   `updated` windows so a large project stops after the newest window that fills the cap (the Jira
 *   port pages through a whole result set; it has no "first n" option).
 * - **Size**: Forge caps a value at 240 KiB. The vocabulary keeps the most frequent features, at most
 *   MAX_FEATURES and at most MODEL_BUDGET_BYTES of JSON; the rest are dropped and counted.
 */
import {
  WORK_TYPES,
  trainWorkTypeModel,
  type TaggedExample,
  type WorkType,
  type WorkTypeModel,
} from '../../domain/work';
import type { JiraPort } from '../../ports/jira';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import { BALLAST_PROPERTY_KEY, CATEGORY_JQL_ALIAS, readBallastProperty } from './ballast-property';

/** The most recently updated tagged items a model learns from; keeps a training run to a few searches. */
export const TRAINING_CAP = 2_000;
/** Newest first: each window is searched only while the cap is not yet reached. */
export const TRAINING_WINDOWS = ['-30d', '-180d', '-730d'] as const;
/** Features kept in a stored model (the most frequent). */
export const MAX_FEATURES = 5_000;
/** Stored JSON at most this many UTF-8 bytes: well under Forge's 240 KiB (245,760 bytes) per value. */
export const MODEL_BUDGET_BYTES = 200_000;

const MODEL_KEY_PREFIX = 'suggestion-model:';
// One small record per project (not one list), so two projects trained at once cannot lose each
// other's entry; the hourly job lists them by prefix without reading the models themselves.
const TRAINED_KEY_PREFIX = 'suggestion-trained:';

export const suggestionModelKey = (projectKey: string) => `${MODEL_KEY_PREFIX}${projectKey}`;
/** When the project's model was last trained (an ISO string). */
export const suggestionTrainedKey = (projectKey: string) => `${TRAINED_KEY_PREFIX}${projectKey}`;

/** Counts per type, in WORK_TYPES order (feature, debt, toil, reliability): compact JSON. */
type Counts = [number, number, number, number];

export interface StoredSuggestionModel {
  readonly version: 1;
  readonly projectKey: string;
  /** ISO-8601. */
  readonly trainedAt: string;
  /** Tagged items learned from (the "learned from N tagged items" of the panel). */
  readonly examples: number;
  readonly examplesPerType: Counts;
  /** Feature occurrences per type, over the kept features only. */
  readonly featureTotals: Counts;
  readonly features: Readonly<Record<string, Counts>>;
  /** Features left out to stay within MAX_FEATURES / MODEL_BUDGET_BYTES (the least frequent). */
  readonly droppedFeatures: number;
}

const toCounts = (perType: Readonly<Record<WorkType, number>>): Counts =>
  WORK_TYPES.map((type) => perType[type]) as Counts;

const fromCounts = (counts: Counts): Record<WorkType, number> =>
  Object.fromEntries(WORK_TYPES.map((type, i) => [type, counts[i] ?? 0])) as Record<
    WorkType,
    number
  >;

const sum = (counts: Counts) => counts[0] + counts[1] + counts[2] + counts[3];
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * The domain model as stored: the most frequent features (ties by name, so the same history always
 * gives the same model) within MAX_FEATURES and MODEL_BUDGET_BYTES. Totals are recomputed over the
 * kept features, so the smoothed likelihoods still sum to one over the stored vocabulary.
 */
export function toStoredModel(
  model: WorkTypeModel,
  projectKey: string,
  trainedAt: Date,
): StoredSuggestionModel {
  const ranked = [...model.featureCounts.entries()]
    .map(([feature, perType]) => ({ feature, counts: toCounts(perType) }))
    .sort((a, b) => sum(b.counts) - sum(a.counts) || (a.feature < b.feature ? -1 : 1));
  const base = {
    version: 1 as const,
    projectKey,
    trainedAt: trainedAt.toISOString(),
    examples: model.examples,
    examplesPerType: toCounts(model.examplesPerType),
  };
  // Everything but the features, with room for the largest numbers the totals and count can take.
  let bytes =
    utf8Bytes(JSON.stringify({ ...base, featureTotals: [0, 0, 0, 0], droppedFeatures: 0 })) + 64;
  const features: Record<string, Counts> = {};
  let featureTotals: Counts = [0, 0, 0, 0];
  let kept = 0;
  for (const { feature, counts } of ranked) {
    const entryBytes = utf8Bytes(JSON.stringify(feature)) + utf8Bytes(JSON.stringify(counts)) + 2;
    if (kept >= MAX_FEATURES || bytes + entryBytes > MODEL_BUDGET_BYTES) break;
    features[feature] = counts;
    featureTotals = featureTotals.map((total, i) => total + (counts[i] ?? 0)) as Counts;
    bytes += entryBytes;
    kept += 1;
  }
  return { ...base, featureTotals, features, droppedFeatures: ranked.length - kept };
}

/** The stored model back as the domain's WorkTypeModel, for suggestWorkType. */
export function toWorkTypeModel(stored: StoredSuggestionModel): WorkTypeModel {
  return {
    examples: stored.examples,
    examplesPerType: fromCounts(stored.examplesPerType),
    featureTotals: fromCounts(stored.featureTotals),
    featureCounts: new Map(
      Object.entries(stored.features).map(([feature, counts]) => [feature, fromCounts(counts)]),
    ),
  };
}

/** A training example from a searched issue, or undefined when no person or rule tagged it. */
export function taggedExample(issue: {
  fields: {
    summary?: string | null;
    labels?: string[] | null;
    issuetype?: { name?: string } | null;
  };
  properties?: Record<string, unknown> | null;
}): TaggedExample | undefined {
  const { property } = readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]);
  const source = property.workTypeSource.kind;
  if (property.workType === 'unclassified' || (source !== 'manual' && source !== 'rule')) {
    return undefined;
  }
  return {
    type: property.workType,
    summary: issue.fields.summary ?? '',
    labels: issue.fields.labels ?? [],
    issueType: issue.fields.issuetype?.name ?? '',
  };
}

/**
 * The project's tagged items, newest first, at most TRAINING_CAP. The JQL keeps to the indexed
 * category alias (CATEGORY_JQL_ALIAS, jira:entityProperty in manifest.yml); who tagged it is read from the property.
 */
export async function searchTaggedExamples(
  jira: JiraPort,
  projectKey: string,
): Promise<TaggedExample[]> {
  const examples: TaggedExample[] = [];
  let newer: string | undefined;
  for (const window of TRAINING_WINDOWS) {
    const jql =
      `project = "${projectKey}" AND ${CATEGORY_JQL_ALIAS} in (${WORK_TYPES.join(', ')})` +
      ` AND updated >= "${window}"${newer ? ` AND updated < "${newer}"` : ''} ORDER BY updated DESC`;
    // Newest first, so the first TRAINING_CAP are the ones kept: a busier window is cut, not refused.
    const issues = await jira.searchAll(jql, {
      fields: ['summary', 'labels', 'issuetype'],
      properties: [BALLAST_PROPERTY_KEY],
      limit: TRAINING_CAP,
      truncate: true,
    });
    for (const issue of issues) {
      const example = taggedExample(issue);
      if (example) examples.push(example);
    }
    if (examples.length >= TRAINING_CAP) break;
    newer = window;
  }
  return examples.slice(0, TRAINING_CAP);
}

export interface ModelDeps {
  readonly jira: JiraPort;
  readonly kv: KeyValueStore;
}

/** Trains the project's model from its tagged items and stores it (replacing the previous one). */
export async function trainSuggestionModel(
  deps: ModelDeps,
  projectKey: string,
  now: Date,
): Promise<StoredSuggestionModel> {
  const examples = await searchTaggedExamples(deps.jira, projectKey);
  const stored = toStoredModel(trainWorkTypeModel(examples), projectKey, now);
  await deps.kv.set(suggestionModelKey(projectKey), stored);
  await deps.kv.set(suggestionTrainedKey(projectKey), stored.trainedAt);
  return stored;
}

/** The stored model; undefined when there is none or it was written in another format. */
export async function loadSuggestionModel(
  kv: KeyValueStore,
  projectKey: string,
): Promise<StoredSuggestionModel | undefined> {
  const stored = await kv.get<StoredSuggestionModel>(suggestionModelKey(projectKey));
  return stored?.version === 1 ? stored : undefined;
}

/** Project → when its model was last trained (ISO-8601); a project enters on its first training. */
export async function modelProjects(kv: KeyValueStore): Promise<Record<string, string>> {
  const entries = await listAll<string>(kv, TRAINED_KEY_PREFIX);
  return Object.fromEntries(
    entries.map((e) => [e.key.slice(TRAINED_KEY_PREFIX.length), e.value] as const),
  );
}
