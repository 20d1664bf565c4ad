import { describe, expect, it } from 'vitest';
import { suggestWorkType, trainWorkTypeModel, type TaggedExample } from '../../domain/work';
import type { JiraIssue, JiraPort, SearchOptions } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { refreshSuggestionModels } from './refresh-suggestion-models';
import {
  MAX_FEATURES,
  MODEL_BUDGET_BYTES,
  TRAINING_CAP,
  loadSuggestionModel,
  modelProjects,
  searchTaggedExamples,
  suggestionModelKey,
  toStoredModel,
  toWorkTypeModel,
  trainSuggestionModel,
  type StoredSuggestionModel,
} from './suggestion-model';

/** A Map-backed store with only what these use cases call. */
function memoryKv(): KeyValueStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => Promise.resolve(structuredClone(values.get(key)) as T | undefined),
    set: (key: string, value: unknown) => {
      values.set(key, JSON.parse(JSON.stringify(value)));
      return Promise.resolve();
    },
    getMany: () => Promise.reject(new Error('not used')),
    setIfAbsent: () => Promise.reject(new Error('not used')),
    setReturningPrevious: () => Promise.reject(new Error('not used')),
    delete: () => Promise.reject(new Error('not used')),
    // One page of at most `limit` keys in key order, with a cursor while more follow.
    list: <T>(prefix: string, options: { cursor?: string; limit?: number } = {}) => {
      const keys = [...values.keys()].filter((k) => k.startsWith(prefix)).sort();
      const start = Number(options.cursor ?? 0);
      const end = start + (options.limit ?? 20);
      return Promise.resolve({
        entries: keys.slice(start, end).map((key) => ({ key, value: values.get(key) as T })),
        ...(end < keys.length ? { cursor: String(end) } : {}),
      });
    },
    transact: () => Promise.reject(new Error('not used')),
  };
}

let nextId = 1;
function issue(
  summary: string,
  source: 'manual' | 'rule' | 'parent' | 'none' | 'absent',
  workType = 'toil',
  labels: string[] = [],
): JiraIssue {
  const sources = {
    manual: { kind: 'manual', by: 'acc-1', at: '2026-11-01T00:00:00Z' },
    rule: { kind: 'rule', ruleId: 'toil-labels' },
    parent: { kind: 'parent', parentKey: 'SHOP-1' },
    none: { kind: 'none' },
  };
  const property =
    source === 'absent'
      ? undefined
      : {
          version: 1,
          workType,
          workTypeSource: sources[source],
          dodComplete: 0,
          dodOpenRequired: 0,
        };
  const id = nextId++;
  return {
    id: String(id),
    key: `SHOP-${id}`,
    fields: { summary, labels, issuetype: { name: 'Task' } },
    ...(property ? { properties: { ballast: property } } : {}),
  };
}

/** Answers each window's JQL from `byWindow` (keyed by the window's lower bound) and logs it. */
function fakeJira(byWindow: Record<string, JiraIssue[]>) {
  const searches: { jql: string; options: SearchOptions }[] = [];
  const jira = {
    searchAll: (jql: string, options: SearchOptions) => {
      searches.push({ jql, options });
      const window = /updated >= "(-\d+d)"/.exec(jql)?.[1] ?? '';
      return Promise.resolve(byWindow[window] ?? []);
    },
  } as unknown as JiraPort;
  return { jira, searches };
}

const history: TaggedExample[] = [
  ...['Rotate TLS certificates', 'Restart stuck workers', 'Rotate passwords'].map((summary) => ({
    type: 'toil' as const,
    summary,
    labels: ['ops'],
    issueType: 'Task',
  })),
  ...['Refactor payment service', 'Remove deprecated API', 'Refactor search'].map((summary) => ({
    type: 'debt' as const,
    summary,
    labels: [],
    issueType: 'Task',
  })),
];
const NOW = new Date('2026-11-20T12:00:00Z');

describe('stored suggestion model', () => {
  it('gives the same suggestion as the domain model it was stored from', () => {
    const model = trainWorkTypeModel(history);
    const stored = JSON.parse(
      JSON.stringify(toStoredModel(model, 'SHOP', NOW)),
    ) as StoredSuggestionModel;
    const item = { summary: 'Rotate the kafka certs', labels: [], issueType: 'Task' };
    const options = { minExamples: 1 };
    expect(suggestWorkType(toWorkTypeModel(stored), item, options)).toEqual(
      suggestWorkType(model, item, options),
    );
    expect(stored).toMatchObject({
      version: 1,
      projectKey: 'SHOP',
      trainedAt: '2026-11-20T12:00:00.000Z',
      examples: 6,
      examplesPerType: [0, 3, 3, 0],
      droppedFeatures: 0,
    });
  });

  it('keeps the most frequent features within the cap and says how many it dropped', () => {
    // 3 × 3,000 distinct words, each once, plus "common" in every item: more than MAX_FEATURES.
    const examples: TaggedExample[] = Array.from({ length: 3_000 }, (_, i) => ({
      type: i % 2 === 0 ? 'toil' : 'debt',
      summary: `common w${i}a w${i}b w${i}c`,
      labels: [],
      issueType: 'Task',
    }));
    const stored = toStoredModel(trainWorkTypeModel(examples), 'SHOP', NOW);
    const kept = Object.keys(stored.features);
    expect(kept).toHaveLength(MAX_FEATURES);
    expect(kept.slice(0, 2)).toEqual(['issuetype:task', 'word:common']);
    expect(stored.droppedFeatures).toBe(9_002 - MAX_FEATURES);
    // The totals are over the kept features only, so the smoothed likelihoods still sum to one.
    const total = Object.values(stored.features).reduce((sum, c) => sum + c[1] + c[2], 0);
    expect(stored.featureTotals[1] + stored.featureTotals[2]).toBe(total);
    expect(new TextEncoder().encode(JSON.stringify(stored)).length).toBeLessThanOrEqual(
      MODEL_BUDGET_BYTES,
    );
  });

  it('stays within the byte budget when the features are long', () => {
    const examples: TaggedExample[] = Array.from({ length: 2_000 }, (_, i) => ({
      type: i % 2 === 0 ? 'toil' : 'debt',
      summary: `${'x'.repeat(120)}${i}`,
      labels: [],
      issueType: 'Task',
    }));
    const stored = toStoredModel(trainWorkTypeModel(examples), 'SHOP', NOW);
    const bytes = new TextEncoder().encode(JSON.stringify(stored)).length;
    expect(bytes).toBeLessThanOrEqual(MODEL_BUDGET_BYTES);
    expect(bytes).toBeGreaterThan(MODEL_BUDGET_BYTES - 200); // filled, not stopped early
    expect(Object.keys(stored.features).length).toBeLessThan(MAX_FEATURES);
    expect(stored.droppedFeatures).toBeGreaterThan(0);
  });
});

describe('searchTaggedExamples', () => {
  it('learns from manual and rule tags only, not inherited, untagged or unclassified items', async () => {
    const { jira, searches } = fakeJira({
      '-30d': [
        issue('Rotate certs', 'manual', 'toil', ['ops']),
        issue('Refactor search', 'rule', 'debt'),
        issue('Child of a toil epic', 'parent', 'toil'),
        issue('Nobody decided', 'none', 'unclassified'),
        issue('Never touched by Ballast', 'absent'),
      ],
    });
    const examples = await searchTaggedExamples(jira, 'SHOP');
    expect(examples).toEqual([
      { type: 'toil', summary: 'Rotate certs', labels: ['ops'], issueType: 'Task' },
      { type: 'debt', summary: 'Refactor search', labels: [], issueType: 'Task' },
    ]);
    expect(searches[0]).toEqual({
      jql: 'project = "SHOP" AND ballastCategory in (feature, debt, toil, reliability) AND updated >= "-30d" ORDER BY updated DESC',
      options: {
        fields: ['summary', 'labels', 'issuetype'],
        properties: ['ballast'],
        limit: 2_000,
        truncate: true,
      },
    });
  });

  it('widens the window only while fewer than the cap are found, and cuts at the cap', async () => {
    const recent = Array.from({ length: 1_500 }, (_, i) => issue(`recent ${i}`, 'manual'));
    const older = Array.from({ length: 1_000 }, (_, i) => issue(`older ${i}`, 'manual'));
    const { jira, searches } = fakeJira({ '-30d': recent, '-180d': older });
    const examples = await searchTaggedExamples(jira, 'SHOP');
    expect(examples).toHaveLength(TRAINING_CAP);
    expect(examples[0]?.summary).toBe('recent 0');
    expect(examples.at(-1)?.summary).toBe('older 499');
    expect(
      searches.map((s) => s.jql.slice(s.jql.indexOf('updated'), s.jql.indexOf(' ORDER'))),
    ).toEqual(['updated >= "-30d"', 'updated >= "-180d" AND updated < "-30d"']);
  });
});

describe('trainSuggestionModel', () => {
  it('stores one model per project and remembers when each was trained', async () => {
    const kv = memoryKv();
    const { jira } = fakeJira({ '-30d': [issue('Rotate certs', 'manual')] });
    await trainSuggestionModel({ jira, kv }, 'SHOP', NOW);
    await trainSuggestionModel({ jira, kv }, 'OPS', new Date('2026-11-20T13:00:00Z'));
    expect((await loadSuggestionModel(kv, 'SHOP'))?.examples).toBe(1);
    expect(await modelProjects(kv)).toEqual({
      OPS: '2026-11-20T13:00:00.000Z',
      SHOP: '2026-11-20T12:00:00.000Z',
    });
  });

  it('treats a value in another format as no model', async () => {
    const kv = memoryKv();
    await kv.set(suggestionModelKey('SHOP'), { version: 0, examples: 500 });
    expect(await loadSuggestionModel(kv, 'SHOP')).toBeUndefined();
  });
});

describe('refreshSuggestionModels', () => {
  it('trains the longest-untrained project first and defers the rest when the budget is spent', async () => {
    const kv = memoryKv();
    await kv.set('suggestion-trained:NEW', '2026-11-20T11:00:00.000Z');
    await kv.set('suggestion-trained:OLD', '2026-11-20T09:00:00.000Z');
    const { jira } = fakeJira({ '-30d': [issue('Rotate certs', 'manual')] });
    let ms = NOW.getTime();
    // Each look at the clock is 30 s later: one training fits in the 40 s budget, the second not.
    const clock = { now: () => new Date((ms += 30_000)) };
    const report = await refreshSuggestionModels({ jira, kv, clock });
    expect(report).toEqual({
      trained: [{ projectKey: 'OLD', examples: 1 }],
      failed: [],
      deferred: ['NEW'],
    });
  });

  it('reports a project whose search fails and goes on with the others', async () => {
    const kv = memoryKv();
    await kv.set('suggestion-trained:GONE', '2026-11-19T00:00:00.000Z');
    await kv.set('suggestion-trained:SHOP', '2026-11-20T00:00:00.000Z');
    const jira = {
      searchAll: (jql: string) =>
        jql.includes('"GONE"')
          ? Promise.reject(new Error("The value 'GONE' does not exist for the field 'project'."))
          : Promise.resolve(jql.includes('>= "-30d"') ? [issue('Rotate certs', 'manual')] : []),
    } as unknown as JiraPort;
    const report = await refreshSuggestionModels({ jira, kv, clock: { now: () => NOW } });
    expect(report.failed).toEqual([
      { projectKey: 'GONE', error: "The value 'GONE' does not exist for the field 'project'." },
    ]);
    expect(report.trained).toEqual([{ projectKey: 'SHOP', examples: 1 }]);
  });
});
