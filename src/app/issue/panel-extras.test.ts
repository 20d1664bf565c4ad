import { describe, expect, it } from 'vitest';
import type { Classification } from '../../domain/work';
import { trainWorkTypeModel, type TaggedExample } from '../../domain/work';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { DEFAULT_PROJECT_CONFIG } from '../project/project-config';
import { MIN_SUGGESTION_EXAMPLES, panelExtras } from './panel-extras';
import { suggestionModelKey, toStoredModel } from './suggestion-model';

const NOW = new Date('2026-11-20T12:00:00Z');

/** `n` tagged items: toil about rotating, debt about refactoring, alternating. */
function history(n: number): TaggedExample[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? { type: 'toil', summary: `Rotate certificates ${i}`, labels: [], issueType: 'Task' }
      : { type: 'debt', summary: `Refactor module ${i}`, labels: [], issueType: 'Task' },
  );
}

function kvWith(values: Record<string, unknown>): KeyValueStore {
  const map = new Map(Object.entries(values));
  return {
    get: <T>(key: string) => Promise.resolve(map.get(key) as T | undefined),
    set: (key: string, value: unknown) => {
      map.set(key, value);
      return Promise.resolve();
    },
    getMany: () => Promise.resolve(new Map()),
    setIfAbsent: () => Promise.reject(new Error('not used')),
    setReturningPrevious: () => Promise.reject(new Error('not used')),
    delete: () => Promise.reject(new Error('not used')),
    list: () => Promise.reject(new Error('not used')),
    transact: () => Promise.reject(new Error('not used')),
  };
}

const noDocuments = { get: () => Promise.resolve(undefined) } as unknown as DocumentStore;
const failingJira = {
  searchAll: () => Promise.reject(new Error('Jira is busy (429).')),
} as unknown as JiraPort;

const issue: JiraIssue = {
  id: '1',
  key: 'SHOP-1',
  fields: { summary: 'Rotate the kafka certificates', labels: [], issuetype: { name: 'Task' } },
};
const unclassified = {
  key: 'SHOP-1',
  type: 'unclassified',
  source: { kind: 'none' },
  reason: '',
} as Classification;

const stored = (n: number) => toStoredModel(trainWorkTypeModel(history(n)), 'SHOP', NOW);

function extras(kv: KeyValueStore, trainIfMissing = false, jira = failingJira) {
  return panelExtras({ jira, store: noDocuments, kv, clock: { now: () => NOW } }, 'SHOP', {
    trainIfMissing,
  });
}

describe('panelExtras suggestion', () => {
  it('suggests for an unclassified item from the stored model, with its size', async () => {
    const kv = kvWith({ [suggestionModelKey('SHOP')]: stored(MIN_SUGGESTION_EXAMPLES) });
    const result = await extras(kv)({
      issue,
      classification: unclassified,
      config: DEFAULT_PROJECT_CONFIG,
    });
    expect(result.suggestion).toMatchObject({ type: 'toil', basedOn: MIN_SUGGESTION_EXAMPLES });
    expect(result.suggestion!.confidence).toBeGreaterThan(0.6);
    expect(result.suggestion!.confidence).toBeLessThanOrEqual(1);
    expect(result.problems).toEqual([]);
  });

  it(`suggests nothing from fewer than ${MIN_SUGGESTION_EXAMPLES} tagged items`, async () => {
    const kv = kvWith({ [suggestionModelKey('SHOP')]: stored(MIN_SUGGESTION_EXAMPLES - 1) });
    const result = await extras(kv)({
      issue,
      classification: unclassified,
      config: DEFAULT_PROJECT_CONFIG,
    });
    expect(result.suggestion).toBeNull();
  });

  it('suggests nothing for an item that has a type', async () => {
    const kv = kvWith({ [suggestionModelKey('SHOP')]: stored(60) });
    const classification = { ...unclassified, type: 'debt', source: { kind: 'manual' } };
    const result = await extras(kv)({
      issue,
      classification: classification as Classification,
      config: DEFAULT_PROJECT_CONFIG,
    });
    expect(result.suggestion).toBeNull();
  });

  it('reports a failed first training as a problem instead of failing the panel', async () => {
    const result = await extras(
      kvWith({}),
      true,
    )({
      issue,
      classification: unclassified,
      config: DEFAULT_PROJECT_CONFIG,
    });
    expect(result.suggestion).toBeNull();
    expect(result.problems).toEqual([
      'The category suggestion could not be learned yet: Jira is busy (429).',
    ]);
  });

  it('does not train when asked not to (saving a change), and says nothing', async () => {
    const result = await extras(
      kvWith({}),
      false,
    )({
      issue,
      classification: unclassified,
      config: DEFAULT_PROJECT_CONFIG,
    });
    expect(result).toEqual({ suggestion: null, noSuggestion: null, gate: null, problems: [] });
  });
});
