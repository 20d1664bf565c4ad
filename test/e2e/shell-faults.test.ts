/**
 * With the fault knobs on, the shell's own pages still load: its Jira reads retry 429s and 5xx
 * as Jira's UI does (the app's calls get no such help). Plain HTTP, no browser needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppModule } from '../../sandbox/shell/app-module';
import { startSandbox, type Sandbox } from '../../sandbox/shell/sandbox';

describe('shell pages under the fault knobs', () => {
  let dir: string;
  let sandbox: Sandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-faults-'));
    sandbox = await startSandbox({
      port: 0,
      stateDir: dir,
      reset: false,
      rootDir: process.cwd(),
      appModule: loadAppModule(process.cwd()),
      anchor: new Date('2026-03-10T12:00:00Z'),
      faults: { rate429: 0.2, rate5xx: 0.1, retryAfterSeconds: 0 },
      autosaveMs: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the backlog and an issue despite injected 429s and 5xx', async () => {
    for (const path of ['/projects/SHOP/backlog', '/browse/SHOP-12', '/projects/SHOP/settings']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(response.status, path).toBe(200);
    }
    // The knobs were really on: plain calls to the emulator meet them.
    const statuses = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${sandbox.jira.url}/rest/api/3/myself`, {
          headers: { 'x-sandbox-account-id': 'acc-ada-admin' },
        }).then((r) => r.status),
      ),
    );
    expect(statuses.some((status) => status === 429 || status >= 500)).toBe(true);
  });
});
