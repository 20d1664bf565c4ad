import { describe, expect, it } from 'vitest';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { memoryStore } from '../testing/memory-document-store';
import { issueLockKey } from './issue-write-lock';
import { refreshProjectIssues } from './refresh-project';
import { memoryKv } from '../testing/memory-key-value-store';

/** A toil item as the pass's search saw it: tagged by hand, nothing ticked, the indexed values stale. */
const SEARCHED = {
  version: 1,
  workType: 'toil',
  workTypeSource: { kind: 'manual', by: 'acc-ada-admin', at: '2026-11-22T07:00:00.000Z' },
  dodComplete: 0,
  dodOpenRequired: 99,
};
/** The same item a moment later: a person ticked "Runbook updated". */
const TICKED = {
  ...SEARCHED,
  dod: {
    schemaVersion: 1,
    templateId: 'default-toil',
    templateVersion: 1,
    items: {
      'runbook-updated': { done: true, by: 'acc-marco-member', at: '2026-11-22T07:01:00.000Z' },
    },
  },
};

function jiraWith(current: unknown, labelsNow: readonly string[] = []) {
  const writes: { key: string; value: unknown }[] = [];
  const issue = {
    id: '10001',
    key: 'SHOP-1',
    fields: { summary: 'Rotate certificates', issuetype: { name: 'Task' }, labels: [] },
    properties: { ballast: SEARCHED },
  } as unknown as JiraIssue;
  const jira = {
    listFields: () => Promise.resolve([]),
    searchAll: () => Promise.resolve([issue]),
    // The issue read by key: as it is now, its property and labels maybe newer than the search's.
    getIssue: () =>
      Promise.resolve({
        ...issue,
        fields: { ...issue.fields, labels: labelsNow },
        properties: current === undefined ? {} : { ballast: current },
      }),
    setIssueProperty: (key: string, _property: string, value: unknown) => {
      writes.push({ key, value });
      return Promise.resolve();
    },
  } as unknown as JiraPort;
  return { jira, writes };
}

const clock = { now: () => new Date('2026-11-22T08:00:00Z') };

describe('the bulk refresh and a person changing the same issue', () => {
  it('writes from a fresh read: a tick made after the search is kept', async () => {
    const { jira, writes } = jiraWith(TICKED);
    const kv = memoryKv();
    const progress = await refreshProjectIssues(
      { jira, store: memoryStore().store, kv, clock },
      { projectKey: 'SHOP', budgetMs: 60_000 },
    );
    expect(progress).toMatchObject({ offset: 1, total: 1, written: 1 });
    expect(writes).toHaveLength(1);
    const written = writes[0]!.value as typeof TICKED;
    expect(written.dod.items['runbook-updated']).toEqual(TICKED.dod.items['runbook-updated']);
    expect(written.workType).toBe('toil');
    // The default toil template has 5 required items; one is ticked.
    expect(written.dodOpenRequired).toBe(4);
    expect(kv.data.has(issueLockKey('SHOP-1'))).toBe(false);
  });

  it('leaves an issue a person is changing right now for the next pass', async () => {
    const { jira, writes } = jiraWith(TICKED);
    const kv = memoryKv();
    kv.data.set(issueLockKey('SHOP-1'), { token: 'a person' });
    const progress = await refreshProjectIssues(
      { jira, store: memoryStore().store, kv, clock },
      { projectKey: 'SHOP', budgetMs: 60_000 },
    );
    expect(writes).toEqual([]);
    expect(progress).toMatchObject({ offset: 1, written: 0 });
  });

  it('never writes over a property it cannot read', async () => {
    const { jira, writes } = jiraWith({ version: 'garbage', dod: 42 });
    const progress = await refreshProjectIssues(
      { jira, store: memoryStore().store, kv: memoryKv(), clock },
      { projectKey: 'SHOP', budgetMs: 60_000 },
    );
    expect(writes).toEqual([]);
    expect(progress).toMatchObject({ offset: 1, written: 0 });
  });

  it('derives from the issue as it is now, not from the search: a label added after it counts', async () => {
    const writes: { value: unknown }[] = [];
    const searched = {
      id: '10001',
      key: 'SHOP-1',
      fields: { summary: 'Rotate certificates', issuetype: { name: 'Task' }, labels: [] },
      properties: {},
    } as unknown as JiraIssue;
    const jira = {
      listFields: () => Promise.resolve([]),
      searchAll: () => Promise.resolve([searched]),
      getIssue: () =>
        Promise.resolve({ ...searched, fields: { ...searched.fields, labels: ['toil'] } }),
      setIssueProperty: (_key: string, _property: string, value: unknown) => {
        writes.push({ value });
        return Promise.resolve();
      },
    } as unknown as JiraPort;
    await refreshProjectIssues(
      { jira, store: memoryStore().store, kv: memoryKv(), clock },
      { projectKey: 'SHOP', budgetMs: 60_000 },
    );
    expect(writes).toHaveLength(1);
    expect((writes[0]!.value as { workType: string }).workType).toBe('toil');
  });
});
