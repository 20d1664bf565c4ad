/**
 * A Forge host running a test's own handlers from a fixture manifest, on a seeded Jira emulator
 * wired to it (events and validators), with its storage in a temporary folder: for tests of the
 * host itself and of the payloads it hands to a handler.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createForgeHost, type ForgeHost } from '../../sandbox/forge/host';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';

export interface FixtureHost {
  readonly emu: JiraEmulator;
  readonly host: ForgeHost;
  close(): Promise<void>;
}

export async function startFixtureHost(options: {
  /** The manifest.yml text. */
  manifest: string;
  /** The handlers the manifest's functions name (`index.<name>`). */
  handlers: Record<string, unknown>;
  /** Names the temporary folder. */
  name: string;
}): Promise<FixtureHost> {
  const emu = await createJiraEmulator({ seed: { anchor: new Date('2026-03-10T12:00:00Z') } });
  const dir = mkdtempSync(join(tmpdir(), `ballast-${options.name}-`));
  writeFileSync(join(dir, 'manifest.yml'), options.manifest);
  const host = createForgeHost({
    manifestPath: join(dir, 'manifest.yml'),
    appModule: options.handlers,
    jiraUrl: emu.url,
    stateDir: join(dir, 'state'),
  });
  host.connectJira(emu.events);
  return {
    emu,
    host,
    close: async () => {
      await host.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
