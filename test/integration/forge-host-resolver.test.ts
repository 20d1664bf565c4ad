/**
 * The Forge host runs the app's REAL backend: manifest.yml and src/index.ts as they are, the
 * issue panel's resolver invoked the way Forge calls @forge/resolver definitions, as a user, with
 * a Forge-shaped context, against the Jira emulator.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as app from '../../src/index';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';
import { MEMBER_ACCOUNT_ID } from '../../sandbox/jira/seed/people';

let emu: JiraEmulator;
let host: ForgeHost;
let dir: string;

beforeEach(async () => {
  emu = await createJiraEmulator({ seed: { anchor: new Date('2026-03-10T12:00:00Z') } });
  dir = mkdtempSync(join(tmpdir(), 'ballast-host-'));
  host = createForgeHost({
    manifestPath: join(import.meta.dirname, '../../manifest.yml'),
    appModule: app,
    jiraUrl: emu.url,
    stateDir: dir,
  });
});
afterEach(async () => {
  await host.close();
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

it("reads the real manifest's modules and functions", () => {
  expect(host.manifest.modules.map((m) => [m.type, m.key, m.functionKey])).toContainEqual([
    'jira:issuePanel',
    'ballast-issue-panel',
    'resolver',
  ]);
  expect(host.manifest.functions.get('resolver')).toBe('index.resolver');
});

it('invokes the real meta/about resolver of the issue panel as a user', async () => {
  const reply = await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: 'meta/about',
    accountId: MEMBER_ACCOUNT_ID,
    extension: {
      issue: { id: '10001', key: 'SHOP-1', type: 'Story' },
      project: { id: '10000', key: 'SHOP', type: 'software' },
    },
  });
  expect(reply).toMatchObject({ ok: true });
});

it('reports an unknown resolver key as @forge/resolver does', async () => {
  await expect(
    host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: 'no/such-key',
      accountId: MEMBER_ACCOUNT_ID,
    }),
  ).rejects.toThrow("Resolver has no definition for 'no/such-key'.");
});
