/**
 * The retention job on the sandbox (issue #24 item 3, src/domain/retention.ts): records on both
 * sides of each stated retention are written into a fresh sandbox, the daily `ballast-retention`
 * trigger runs, and exactly the expired ones are gone — never a record inside its retention, never
 * an SLI day the SLO's roll-up still reads. The test clock's now is 2026-11-20T12:00Z, so the
 * 400-day cutoff is 2025-10-16T12:00Z and the 730-day cutoff 2024-11-20T12:00Z.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForgeDocumentStore } from '../../src/adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../src/adapters/forge/kvs/key-value-store';
import { appendAuditEntry, listAuditEntries } from '../../src/app/planner/audit-log';
import { enforceRetention } from '../../src/app/retention/enforce-retention';
import type { AuditEntry } from '../../src/contract/planner';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;
const actor = { accountId: 'ballast-app', at: new Date(NOW) };

const inApp = <T>(fn: () => Promise<T>): Promise<T> =>
  sandbox.host.runtime.runInvocation({ moduleKey: 'retention-test' }, fn);

/** Every UTC day from `from` to `to`, inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const keys = (prefix: string): string[] =>
  Object.keys(sandbox.host.kvs.store.state.kv)
    .filter((k) => k.startsWith(prefix))
    .sort();

const auditEntry = (at: string, n: number): AuditEntry => ({
  id: `ret-${n}`,
  accountId: 'acc-ret',
  at,
  projectKey: 'RET',
  change: { kind: 'slo-delete', name: `slo-${n}` },
});

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const slos = JSON.parse(readFileSync('test/fixtures/stored/project-slos.v1.json', 'utf8')) as {
    schemaVersion: 1;
    bundle: { slos: { name: string; window: unknown }[] };
  };
  const [rolling, , long] = slos.bundle.slos;
  // ret-rolling: a 28-day window; ret-long: 366 days, last rolled up 60 days ago.
  const bundle = {
    ...slos,
    bundle: {
      ...slos.bundle,
      slos: [
        { ...rolling!, name: 'ret-rolling' },
        { ...long!, name: 'ret-long', window: { kind: 'rolling', days: 366 } },
      ],
    },
  };
  await inApp(async () => {
    const documents = new ForgeDocumentStore();
    const kv = new ForgeKeyValueStore();
    await documents.put('project-slos', 'RET', bundle, 0, actor);
    await documents.put(
      'slo-directory',
      'site',
      { schemaVersion: 1, projects: { 'ret-rolling': 'RET', 'ret-long': 'RET' } },
      0,
      actor,
    );
    const sliDays = [
      ...days('2025-10-01', '2025-10-31').map((d) => `sli-day:ret-rolling:${d}`),
      'sli-day:ret-rolling:2026-11-19',
      ...days('2025-09-15', '2025-10-20').map((d) => `sli-day:ret-long:${d}`),
      ...days('2025-10-10', '2025-10-20').map((d) => `sli-day:ret-gone:${d}`),
    ];
    for (let i = 0; i < sliDays.length; i += 25)
      await kv.transact(
        sliDays
          .slice(i, i + 25)
          .map((key) => ({ op: 'set' as const, key, value: { v: 1, intervals: [] } })),
      );
    // ret-long's last roll-up stopped 60 days ago; ret-gone was deleted from its project.
    await kv.set('slo-status:ret-long', { v: 1, slo: 'ret-long', evaluatedAt: NOW - 60 * DAY });
    await kv.set('slo-status:ret-gone', { v: 1, slo: 'ret-gone', evaluatedAt: NOW - 60 * DAY });

    for (const [id, finishedAt] of [
      ['d-old', '2025-10-15T00:00:00.000Z'],
      ['d-edge', '2025-10-16T12:05:00.000Z'],
      ['d-new', '2026-11-01T00:00:00.000Z'],
    ] as const) {
      const key = `deploy:${finishedAt}:${id}`;
      await kv.set(key, { id, finishedAt, service: 'shop', status: 'success' });
      await kv.set(`deploy-id:${id}`, { key, digest: 'x', state: 'stored' });
    }
    await kv.set('incident:i-old', {
      id: 'i-old',
      startedAt: '2025-09-30T00:00:00.000Z',
      resolvedAt: '2025-10-01T00:00:00.000Z',
    });
    await kv.set('incident:i-open', { id: 'i-open', startedAt: '2024-01-01T00:00:00.000Z' });
    await kv.set('incident:i-new', {
      id: 'i-new',
      startedAt: '2026-11-01T00:00:00.000Z',
      resolvedAt: '2026-11-01T02:00:00.000Z',
    });
    await kv.set('postmortem:ret-rolling:2025-09-01T10:00:00.000Z', {
      state: 'opened',
      issueKey: 'RET-1',
    });
    await kv.set('postmortem:ret-rolling:2026-11-01T10:00:00.000Z', {
      state: 'opened',
      issueKey: 'RET-2',
    });

    await kv.set('sprint-commitment:901', {
      v: 1,
      sprintId: 901,
      startedAt: '2024-10-01T09:00:00.000Z',
    });
    await kv.set('sprint-outcome:901', {
      v: 1,
      sprintId: 901,
      closedAt: '2024-10-15T09:00:00.000Z',
    });
    await kv.set('sprint-commitment:902', {
      v: 1,
      sprintId: 902,
      startedAt: '2024-11-01T09:00:00.000Z',
    });
    await kv.set('sprint-outcome:902', {
      v: 1,
      sprintId: 902,
      closedAt: '2024-11-25T09:00:00.000Z',
    });
    await kv.set('sprint-commitment:903', {
      v: 1,
      sprintId: 903,
      startedAt: '2024-01-01T09:00:00.000Z',
    });

    // A full audit page: one entry a day from 2024-10-01 (51 of them before the cutoff).
    const page0 = Array.from({ length: 100 }, (_, n) =>
      auditEntry(new Date(Date.parse('2024-10-01T00:00:00Z') + n * DAY).toISOString(), n),
    );
    await documents.put('planner-audit', 'RET.0', { schemaVersion: 1, entries: page0 }, 0, actor);
    await documents.put(
      'planner-audit',
      'RET.1',
      { schemaVersion: 1, entries: [auditEntry('2026-11-01T00:00:00.000Z', 100)] },
      0,
      actor,
    );
  });
});

afterAll(() => sandbox.close());

describe('the retention job', () => {
  it('stops at its key budget and says so; the next run goes on from there', async () => {
    const report = await inApp(() =>
      enforceRetention(
        { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
        new Date(NOW),
        { maxDeletes: 10 },
      ),
    );
    // SLOs in name order: ret-gone's 6 expired days, then 4 of ret-long's 5.
    expect(report).toEqual({
      sliDays: 10,
      deployments: 0,
      incidents: 0,
      postmortemClaims: 0,
      sprintSnapshots: 0,
      auditEntries: 51,
      unfinished: true,
    });
    expect(keys('sli-day:ret-gone:')).toEqual(
      days('2025-10-16', '2025-10-20').map((d) => `sli-day:ret-gone:${d}`),
    );
    expect(keys('sli-day:ret-long:')).toHaveLength(36 - 4);
  });

  it('deletes exactly what is past retention when the daily trigger runs', async () => {
    await sandbox.host.runScheduled('ballast-retention');
    // 400 days: the days ending by 2025-10-16T12:00Z go (2025-10-01…15), the rest stays.
    expect(keys('sli-day:ret-rolling:')).toEqual([
      ...days('2025-10-16', '2025-10-31').map((d) => `sli-day:ret-rolling:${d}`),
      'sli-day:ret-rolling:2026-11-19',
    ]);
    // ret-long's roll-up reads its 366-day window from 60 days ago: from 2025-09-20T12:00Z,
    // 26 days past the 400-day cutoff, so only 2025-09-15…19 go.
    expect(keys('sli-day:ret-long:')).toEqual(
      days('2025-09-20', '2025-10-20').map((d) => `sli-day:ret-long:${d}`),
    );
    expect(keys('sli-day:ret-gone:')).toHaveLength(5);
    // A deployment five minutes inside the retention is kept (the test clock runs on, so not
    // exactly at it); the expired one goes with its id index.
    expect(keys('deploy')).toEqual([
      'deploy-id:d-edge',
      'deploy-id:d-new',
      'deploy:2025-10-16T12:05:00.000Z:d-edge',
      'deploy:2026-11-01T00:00:00.000Z:d-new',
    ]);
    // An open incident is kept however old.
    expect(keys('incident:')).toEqual(['incident:i-new', 'incident:i-open']);
    expect(keys('postmortem:')).toEqual(['postmortem:ret-rolling:2026-11-01T10:00:00.000Z']);
    // Sprint 902 closed after the 730-day cutoff although it started before it.
    expect(keys('sprint-')).toEqual(['sprint-commitment:902', 'sprint-outcome:902']);
  });

  it('removes old audit entries without renumbering pages: the full page stays full', async () => {
    await inApp(async () => {
      const store = new ForgeDocumentStore();
      const listed = await listAuditEntries(store, 'RET', 0, 200);
      expect(listed.total).toBe(50);
      // The oldest entry kept is the first at or after 2024-11-20T12:00Z.
      expect(listed.entries.at(-1)?.at).toBe('2024-11-21T00:00:00.000Z');
      await appendAuditEntry(store, auditEntry('2026-11-20T11:00:00.000Z', 101), actor);
      const page0 = (await store.get('planner-audit', 'RET.0'))?.value as {
        entries: unknown[];
        removed: number;
      };
      const page1 = (await store.get('planner-audit', 'RET.1'))?.value as { entries: unknown[] };
      expect([page0.entries.length, page0.removed, page1.entries.length]).toEqual([49, 51, 2]);
    });
  });

  it('a second run finds nothing more to delete', async () => {
    const report = await inApp(() =>
      enforceRetention(
        { kv: new ForgeKeyValueStore(), store: new ForgeDocumentStore() },
        new Date(NOW),
      ),
    );
    expect(report).toEqual({
      sliDays: 0,
      deployments: 0,
      incidents: 0,
      postmortemClaims: 0,
      sprintSnapshots: 0,
      auditEntries: 0,
      unfinished: false,
    });
  });
});
