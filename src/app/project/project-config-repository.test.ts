import { describe, expect, it } from 'vitest';
import { memoryStore } from '../testing/memory-document-store';
import { DEFAULT_PROJECT_CONFIG } from './project-config';
import { loadProjectConfig, PROJECT_CONFIG_KIND } from './project-config-repository';

const actor = { accountId: 'acc-ada-admin', at: new Date('2026-11-20T12:00:00Z') };

describe('a stored configuration that no longer validates', () => {
  it('keeps only its own parts: keys named like Object.prototype members add nothing', async () => {
    const { store } = memoryStore();
    const stored = JSON.parse(
      '{"constructor":"x","toString":1,"__proto__":{"polluted":true},"teamManagedDod":"sometimes","incidentJql":"type = Bug"}',
    ) as unknown;
    await store.put(PROJECT_CONFIG_KIND, 'SHOP', stored, 0, actor);
    const loaded = await loadProjectConfig(store, 'SHOP');
    expect(loaded.problems.length).toBeGreaterThan(0);
    expect(loaded.config).toEqual({ ...DEFAULT_PROJECT_CONFIG, incidentJql: 'type = Bug' });
    expect(Object.hasOwn(loaded.config, 'constructor')).toBe(false);
    expect(Object.hasOwn(loaded.config, 'toString')).toBe(false);
    expect((loaded.config as unknown as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
