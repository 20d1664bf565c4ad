import { describe, expect, it } from 'vitest';
import { FORMER_USER_ID } from '../../contract/people';
import type { JiraPort } from '../../ports/jira';
import {
  ReportRefusedError,
  type AccountUpdate,
  type PersonalDataReporting,
  type ReportedAccount,
} from '../../ports/personal-data-reporting';
import { NO_ISSUE_LOCK } from '../issue/issue-write-lock';
import { memoryStore } from '../testing/memory-document-store';
import { memoryKv } from '../testing/memory-key-value-store';
import { noteIssuePerson } from './issue-people-index';
import { reportPersonalData, storedAccounts } from './report-personal-data';
import { erasePerson, mentions } from './stored-people';

const NOW = new Date('2026-11-20T12:00:00Z');
const DAY = 86_400_000;
const person = (n: number) => `5b10ac8d82e05b22cc7d${String(n).padStart(4, '0')}`;
const CLOSED = person(7);

/** Audit entries by 95 people, a freeze override by one of them ended by another, a ticked issue. */
async function seeded() {
  const docs = memoryStore();
  const kv = memoryKv();
  const actor = (n: number) => ({ accountId: person(n), at: new Date(NOW.getTime() - n * 1000) });
  const entries = Array.from({ length: 95 }, (_, n) => ({
    id: `e${n}`,
    accountId: person(n),
    at: actor(n).at.toISOString(),
    projectKey: 'SHOP',
    change: { kind: 'slo-delete', name: `slo-${n}` },
  }));
  await docs.store.put('planner-audit', 'SHOP.0', { schemaVersion: 1, entries }, 0, actor(94));
  await docs.store.put(
    'gate-overrides',
    'SHOP',
    {
      schemaVersion: 1,
      entries: [
        {
          id: 'o1',
          accountId: CLOSED,
          at: NOW.toISOString(),
          until: NOW.toISOString(),
          reason: 'Hotfix for checkout',
          endedAt: NOW.toISOString(),
          endedBy: person(8),
        },
      ],
    },
    0,
    { accountId: CLOSED, at: NOW },
  );
  await kv.set('sprint-commitment:9', {
    v: 1,
    notEnforcedBecause: `override by ${CLOSED} at 2026-11-19T10:00:00Z: release train`,
  });
  const properties = new Map<string, unknown>([
    [
      'SHOP-1',
      {
        version: 1,
        workType: 'toil',
        workTypeSource: { kind: 'manual', by: CLOSED, at: NOW.toISOString() },
        dod: {
          schemaVersion: 1,
          templateId: 't',
          templateVersion: 1,
          items: {
            tests: { done: true, by: CLOSED, at: NOW.toISOString() },
            docs: { done: true, by: person(70), at: NOW.toISOString() },
          },
        },
      },
    ],
  ]);
  await noteIssuePerson(kv, CLOSED, 'SHOP-1', NOW);
  await noteIssuePerson(kv, person(70), 'SHOP-1', NOW);
  const jira = {
    getIssueProperty: (key: string) => Promise.resolve(structuredClone(properties.get(key))),
    setIssueProperty: (key: string, _p: string, value: unknown) =>
      Promise.resolve(void properties.set(key, value)),
    searchAll: () => Promise.resolve([]),
  } as unknown as JiraPort;
  return { docs, kv, properties, jira };
}

/** Answers like the API: `closed` for the closed account; records each request. */
function reportingApi(closed: Set<string>, refuse?: (call: number) => ReportRefusedError | null) {
  const requests: ReportedAccount[][] = [];
  const reporting: PersonalDataReporting = {
    report(accounts): Promise<AccountUpdate[]> {
      requests.push([...accounts]);
      const refusal = refuse?.(requests.length);
      if (refusal) return Promise.reject(refusal);
      return Promise.resolve(
        accounts
          .filter((a) => closed.has(a.accountId))
          .map((a) => ({ accountId: a.accountId, status: 'closed' as const })),
      );
    },
  };
  return { reporting, requests };
}

const everything = (s: Awaited<ReturnType<typeof seeded>>) =>
  JSON.stringify({
    docs: [...s.docs.docs.entries()],
    kv: [...s.kv.data.entries()].filter(([k]) => !k.startsWith('personal-data-')),
    properties: [...s.properties.entries()],
  });

describe('erasePerson', () => {
  it('replaces the id where it is a field and where free text quotes it, and nothing longer', () => {
    const value = {
      by: 'acc-1',
      other: 'acc-12',
      why: 'override by acc-1 at noon (acc-12 agreed)',
      n: 3,
      list: [{ accountId: 'acc-1' }],
    };
    expect(erasePerson(value, 'acc-1')).toEqual({
      by: FORMER_USER_ID,
      other: 'acc-12',
      why: `override by ${FORMER_USER_ID} at noon (acc-12 agreed)`,
      n: 3,
      list: [{ accountId: FORMER_USER_ID }],
    });
    expect(mentions(value, 'acc-2')).toBe(false);
    expect(mentions(value, 'acc-12')).toBe(true);
  });
});

describe('reportPersonalData', () => {
  it('reports every stored account in requests of at most 90, with its last stored time', async () => {
    const s = await seeded();
    const stored = await storedAccounts({ store: s.docs.store, kv: s.kv });
    expect(stored.size).toBe(95);
    // person 7 recorded the override at NOW, later than their audit entry (NOW − 7 s).
    expect(stored.get(CLOSED)).toBe(NOW.toISOString());
    const api = reportingApi(new Set());
    const deps = { store: s.docs.store, kv: s.kv, jira: s.jira, lock: NO_ISSUE_LOCK };
    const summary = await reportPersonalData({ ...deps, reporting: api.reporting }, NOW);
    expect(api.requests.map((r) => r.length)).toEqual([90, 5]);
    expect(new Set(api.requests.flat().map((a) => a.accountId)).size).toBe(95);
    expect(summary).toMatchObject({ stored: 95, reported: 95, closed: [], deferred: 0 });
    // Not again within the 7-day cycle; again once it has passed.
    await reportPersonalData(
      { ...deps, reporting: api.reporting },
      new Date(NOW.getTime() + 6 * DAY),
    );
    expect(api.requests).toHaveLength(2);
    await reportPersonalData(
      { ...deps, reporting: api.reporting },
      new Date(NOW.getTime() + 7 * DAY),
    );
    expect(api.requests.map((r) => r.length)).toEqual([90, 5, 90, 5]);
  });

  it('erases a closed account from every record, keeping every record and the other people', async () => {
    const s = await seeded();
    const api = reportingApi(new Set([CLOSED]));
    const summary = await reportPersonalData(
      {
        store: s.docs.store,
        kv: s.kv,
        jira: s.jira,
        lock: NO_ISSUE_LOCK,
        reporting: api.reporting,
      },
      NOW,
    );
    expect(summary.closed).toEqual([CLOSED]);
    expect(everything(s)).not.toContain(CLOSED);
    expect([...s.kv.data.keys()].filter((k) => k.includes(CLOSED))).toEqual([]);
    const audit = s.docs.docs.get('planner-audit:SHOP.0')!.value as {
      entries: { accountId: string; change: { name: string } }[];
    };
    expect(audit.entries).toHaveLength(95);
    expect(audit.entries[7]).toMatchObject({
      accountId: FORMER_USER_ID,
      change: { name: 'slo-7' },
    });
    expect(audit.entries[8]!.accountId).toBe(person(8));
    const override = (s.docs.docs.get('gate-overrides:SHOP')!.value as { entries: unknown[] })
      .entries[0];
    expect(override).toMatchObject({
      accountId: FORMER_USER_ID,
      endedBy: person(8),
      reason: 'Hotfix for checkout',
    });
    expect(s.properties.get('SHOP-1')).toMatchObject({
      workTypeSource: { kind: 'manual', by: FORMER_USER_ID },
      dod: {
        items: {
          tests: { done: true, by: FORMER_USER_ID },
          docs: { done: true, by: person(70) },
        },
      },
    });
    expect(await s.kv.get('sprint-commitment:9')).toMatchObject({
      notEnforcedBecause: `override by ${FORMER_USER_ID} at 2026-11-19T10:00:00Z: release train`,
    });
    // A record of an id nobody's record names any more is dropped by the next run.
    await s.kv.set('personal-data-reported:gone-person', {
      schemaVersion: 1,
      reportedAt: NOW.toISOString(),
    });
    await reportPersonalData(
      {
        store: s.docs.store,
        kv: s.kv,
        jira: s.jira,
        lock: NO_ISSUE_LOCK,
        reporting: api.reporting,
      },
      NOW,
    );
    expect(await s.kv.get('personal-data-reported:gone-person')).toBeUndefined();
    expect(await s.kv.get(`personal-data-reported:${person(8)}`)).toBeDefined();
    // Gone from the inventory, so never reported again.
    expect((await storedAccounts({ store: s.docs.store, kv: s.kv })).has(CLOSED)).toBe(false);
  });

  it('a 429 on the second request keeps what the first did and reports the rest next run', async () => {
    const s = await seeded();
    const api = reportingApi(new Set([CLOSED]), (call) =>
      call === 2 ? new ReportRefusedError(429, 'Too many requests', 60) : null,
    );
    const deps = { store: s.docs.store, kv: s.kv, jira: s.jira, lock: NO_ISSUE_LOCK };
    const first = await reportPersonalData({ ...deps, reporting: api.reporting }, NOW);
    expect(first).toMatchObject({ reported: 90, closed: [CLOSED], deferred: 5 });
    expect(first.refusal).toContain('Too many requests');
    const tomorrow = new Date(NOW.getTime() + DAY);
    const second = await reportPersonalData({ ...deps, reporting: api.reporting }, tomorrow);
    expect(second).toMatchObject({ reported: 5, deferred: 0, refusal: null });
    expect(api.requests.map((r) => r.length)).toEqual([90, 5, 5]);
    expect(api.requests[2]).toEqual(api.requests[1]);
  });

  it('a 5xx on the first request changes nothing stored', async () => {
    const s = await seeded();
    const before = everything(s);
    const api = reportingApi(new Set([CLOSED]), () => new ReportRefusedError(503, 'Unavailable'));
    const summary = await reportPersonalData(
      {
        store: s.docs.store,
        kv: s.kv,
        jira: s.jira,
        lock: NO_ISSUE_LOCK,
        reporting: api.reporting,
      },
      NOW,
    );
    expect(summary).toMatchObject({ reported: 0, closed: [], deferred: 95 });
    expect(everything(s)).toBe(before);
    expect([...s.kv.data.keys()].filter((k) => k.startsWith('personal-data-reported:'))).toEqual(
      [],
    );
  });
});
