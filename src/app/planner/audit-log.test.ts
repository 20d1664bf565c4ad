import { describe, expect, it } from 'vitest';
import type { OverrideEntry } from '../../contract/planner';
import { memoryStore } from '../testing/memory-document-store';
import {
  appendAuditEntry,
  AUDIT_KIND,
  latestOverrideFor,
  listAuditEntries,
  PAGE_CAPACITY,
} from './audit-log';

const actor = { accountId: 'acc-ada-admin', at: new Date('2026-11-21T10:00:00Z') };

function entry(n: number, sprintId = 9): OverrideEntry {
  return {
    id: `e${n}`,
    accountId: 'acc-ada-admin',
    at: new Date(Date.UTC(2026, 10, 21, 10, 0, n)).toISOString(),
    projectKey: 'SHOP',
    sprint: { id: sprintId, name: `SHOP Sprint ${sprintId}` },
    overridden: {
      gateState: 'NO_DATA',
      headline: '1 violation',
      violations: ['x'],
      fingerprint: 'f',
    },
    reason: `reason ${n}`,
  };
}

describe('override audit log', () => {
  it('keeps both entries when another override lands between the read and the write (one retry)', async () => {
    let raced = false;
    const memory = memoryStore(async () => {
      if (raced) return;
      raced = true;
      // Someone else appends first: this writer's version is now stale.
      await appendAuditEntry(memory.store, entry(1), actor);
    });
    await appendAuditEntry(memory.store, entry(2), actor);
    const { entries, total } = await listAuditEntries(memory.store, 'SHOP', 0, 50);
    expect(total).toBe(2);
    expect(entries.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(memory.puts()).toBe(3);
  });

  it('gives up after one retry with a retryable CONFLICT that says to record it again', async () => {
    const memory = memoryStore((kind, id) => {
      // Every write of ours loses the race: another writer bumps the page just before it.
      const key = `${kind}:${id}`;
      const current = memory.docs.get(key);
      memory.docs.set(key, {
        value: { schemaVersion: 1, entries: [] },
        version: (current?.version ?? 0) + 1,
        updatedAt: actor.at.toISOString(),
        updatedBy: 'acc-someone-else',
      });
      return Promise.resolve();
    });
    await expect(appendAuditEntry(memory.store, entry(1), actor)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Several overrides were being recorded at the same moment and yours was not stored. Record it again.',
      options: { retryable: true },
    });
    expect(memory.puts()).toBe(2);
  });

  it(`starts a new page after ${PAGE_CAPACITY} entries and lists newest first across pages`, async () => {
    const memory = memoryStore();
    for (let n = 0; n < 120; n += 1) await appendAuditEntry(memory.store, entry(n), actor);
    expect(
      (memory.docs.get(`${AUDIT_KIND}:SHOP.0`)?.value as { entries: unknown[] }).entries,
    ).toHaveLength(100);
    expect(
      (memory.docs.get(`${AUDIT_KIND}:SHOP.1`)?.value as { entries: unknown[] }).entries,
    ).toHaveLength(20);
    const first = await listAuditEntries(memory.store, 'SHOP', 0, 50);
    expect(first.total).toBe(120);
    expect(first.entries.map((e) => e.id).slice(0, 2)).toEqual(['e119', 'e118']);
    expect(first.entries).toHaveLength(50);
    const last = await listAuditEntries(memory.store, 'SHOP', 100, 50);
    expect(last.entries.map((e) => e.id)).toHaveLength(20);
    expect(last.entries.at(-1)?.id).toBe('e0');
  });

  it('finds the newest override of a sprint', async () => {
    const memory = memoryStore();
    await appendAuditEntry(memory.store, entry(1, 9), actor);
    await appendAuditEntry(memory.store, entry(2, 10), actor);
    await appendAuditEntry(memory.store, entry(3, 9), actor);
    expect((await latestOverrideFor(memory.store, 'SHOP', 9))?.id).toBe('e3');
    expect((await latestOverrideFor(memory.store, 'SHOP', 10))?.id).toBe('e2');
    expect(await latestOverrideFor(memory.store, 'SHOP', 11)).toBeNull();
  });

  it('refuses to write over a page it cannot read, so no entry is lost', async () => {
    const memory = memoryStore();
    await memory.store.put(AUDIT_KIND, 'SHOP.0', { garbage: true }, 0, actor);
    await expect(appendAuditEntry(memory.store, entry(1), actor)).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(memory.docs.get(`${AUDIT_KIND}:SHOP.0`)?.value).toEqual({ garbage: true });
  });
});
