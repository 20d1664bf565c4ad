import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../testing/memory-document-store';
import { importProjectSlos, loadSloDirectory, SLO_DIRECTORY_KIND } from './slo-catalog';

const actor = { accountId: 'acc-ada-admin', at: new Date('2026-11-20T12:00:00Z') };
const fixture = (file: string): unknown =>
  JSON.parse(readFileSync(`test/fixtures/stored/${file}`, 'utf8'));
const BOTH = { 'checkout-availability': 'SHOP', 'search-latency': 'SHOP' };

describe('the site SLO directory, by stored version', () => {
  it.each(['slo-directory.v1.json', 'slo-directory.legacy.json'])('reads %s', async (file) => {
    const { store } = memoryStore();
    await store.put(SLO_DIRECTORY_KIND, 'site', fixture(file), 0, actor);
    expect(await loadSloDirectory(store)).toEqual({
      entries: new Map(Object.entries(BOTH)),
      version: 1,
      readable: true,
    });
  });

  it('reads a newer version as empty and never overwrites it', async () => {
    const { store } = memoryStore();
    const newer = { schemaVersion: 2, owners: { x: 'SHOP' } };
    await store.put(SLO_DIRECTORY_KIND, 'site', newer, 0, actor);
    expect(await loadSloDirectory(store)).toMatchObject({ entries: new Map(), readable: false });
    const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
    await expect(
      importProjectSlos(store, { projectKey: 'SHOP', yaml, version: 0, actor }),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect((await store.get(SLO_DIRECTORY_KIND, 'site'))?.value).toEqual(newer);
  });
});
