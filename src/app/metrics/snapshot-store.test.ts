import { describe, expect, it } from 'vitest';
import type { MetricsSnapshot } from '../../contract/project-page';
import { headKey, loadSnapshot, loadStatus, saveSnapshot, statusKey } from './snapshot-store';
import { memoryKv } from '../testing/memory-key-value-store';

const snapshot = (schemaVersion: number) =>
  ({
    schemaVersion,
    projectKey: 'SHOP',
    computedAt: '2026-11-22T08:00:00.000Z',
  }) as unknown as MetricsSnapshot;

describe('stored project page snapshots, by version', () => {
  it('reads a snapshot of the shape before basis units (version 1) as missing, so it is recomputed', async () => {
    const kv = memoryKv();
    await saveSnapshot(kv, snapshot(1), 'g1');
    expect(await loadSnapshot(kv, 'SHOP')).toBeUndefined();
  });

  it('writes the head with its schema version and reads the snapshot back', async () => {
    const kv = memoryKv();
    await saveSnapshot(kv, snapshot(2), 'g1');
    expect(kv.data.get(headKey('SHOP'))).toEqual({
      schemaVersion: 1,
      generation: 'g1',
      chunks: 1,
      computedAt: '2026-11-22T08:00:00.000Z',
    });
    expect(await loadSnapshot(kv, 'SHOP')).toEqual(snapshot(2));
  });

  it('reads a head written before versions as version 1', async () => {
    const kv = memoryKv();
    await saveSnapshot(kv, snapshot(2), 'g1');
    kv.data.set(headKey('SHOP'), { generation: 'g1', chunks: 1, computedAt: 'x' });
    expect(await loadSnapshot(kv, 'SHOP')).toEqual(snapshot(2));
  });

  it('reads a head or snapshot of another version as absent (recomputed, never misread)', async () => {
    const kv = memoryKv();
    await saveSnapshot(kv, snapshot(3), 'g1');
    expect(await loadSnapshot(kv, 'SHOP')).toBeUndefined();
    await saveSnapshot(kv, snapshot(2), 'g2');
    kv.data.set(headKey('SHOP'), { schemaVersion: 2, generation: 'g2', chunks: 1 });
    expect(await loadSnapshot(kv, 'SHOP')).toBeUndefined();
  });

  it('reads a status of another version as none, and a legacy one as it is', async () => {
    const kv = memoryKv();
    kv.data.set(statusKey('SHOP'), { requestedAt: 'r', lastAttemptAt: null, lastError: null });
    expect(await loadStatus(kv, 'SHOP')).toMatchObject({ requestedAt: 'r' });
    kv.data.set(statusKey('SHOP'), { schemaVersion: 9, requestedAt: 'r' });
    expect(await loadStatus(kv, 'SHOP')).toEqual({
      schemaVersion: 1,
      requestedAt: null,
      lastAttemptAt: null,
      lastError: null,
    });
  });
});
