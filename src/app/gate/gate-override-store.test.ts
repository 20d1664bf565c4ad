import { describe, expect, it } from 'vitest';
import { activeOverride } from '../../domain/gate';
import { memoryStore } from '../testing/memory-document-store';
import {
  GATE_OVERRIDES_KIND,
  endOf,
  loadGateOverrideEntries,
  loadGateOverrides,
  type GateOverrideEntry,
} from './gate-override-store';

const actor = { accountId: 'acc-ada-admin', at: new Date('2026-11-21T10:00:00Z') };

function entry(id: string, at: string, until: string, endedAt: string | null = null) {
  return {
    id,
    accountId: 'acc-ada-admin',
    at,
    until,
    reason: 'launch agreed with the CTO',
    endedAt,
    endedBy: endedAt === null ? null : 'acc-ada-admin',
  } satisfies GateOverrideEntry;
}

describe('stored gate overrides', () => {
  it('are none for a project that never recorded one', async () => {
    const { store } = memoryStore();
    expect(await loadGateOverrides(store, 'SHOP')).toEqual([]);
    expect(await loadGateOverrideEntries(store, 'SHOP')).toEqual({ entries: [], version: 0 });
  });

  it('end at their recorded end, or when someone ended them early', async () => {
    const { store } = memoryStore();
    await store.put(
      GATE_OVERRIDES_KIND,
      'SHOP',
      {
        schemaVersion: 1,
        entries: [
          entry('a', '2026-11-21T08:00:00.000Z', '2026-11-21T12:00:00.000Z'),
          entry(
            'b',
            '2026-11-21T09:00:00.000Z',
            '2026-11-22T09:00:00.000Z',
            '2026-11-21T09:30:00.000Z',
          ),
        ],
      },
      0,
      actor,
    );
    const overrides = await loadGateOverrides(store, 'SHOP');
    expect(overrides.map((o) => o.until)).toEqual([
      Date.parse('2026-11-21T12:00:00Z'),
      Date.parse('2026-11-21T09:30:00Z'),
    ]);
    // At 09:15 the later-recorded one is in force; at 10:00 it was ended, so the first applies.
    expect(activeOverride(overrides, Date.parse('2026-11-21T09:15:00Z'))?.at).toBe(
      Date.parse('2026-11-21T09:00:00Z'),
    );
    expect(activeOverride(overrides, Date.parse('2026-11-21T10:00:00Z'))?.at).toBe(
      Date.parse('2026-11-21T08:00:00Z'),
    );
    expect(activeOverride(overrides, Date.parse('2026-11-21T12:00:00Z'))).toBeNull();
  });

  it('never treats an unreadable record as empty (that would lose the audit trail)', async () => {
    const { store } = memoryStore();
    await store.put(GATE_OVERRIDES_KIND, 'SHOP', { schemaVersion: 99, entries: 'x' }, 0, actor);
    await expect(loadGateOverrides(store, 'SHOP')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('computes the end of an entry as the earlier of until and endedAt', () => {
    expect(endOf(entry('c', '2026-11-21T08:00:00.000Z', '2026-11-21T09:00:00.000Z'))).toBe(
      Date.parse('2026-11-21T09:00:00Z'),
    );
    expect(
      endOf(
        entry(
          'd',
          '2026-11-21T08:00:00.000Z',
          '2026-11-21T09:00:00.000Z',
          '2026-11-21T10:00:00.000Z',
        ),
      ),
    ).toBe(Date.parse('2026-11-21T09:00:00Z'));
  });
});
