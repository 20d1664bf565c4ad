/**
 * The benchmarks' sandbox: a seeded Jira emulator and the app's real backend on the Forge host,
 * loaded as Forge's bundler sees it (CommonJS interop, like `npm start`), with its storage in a
 * temporary folder removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createForgeHost, type ForgeHost } from '../sandbox/forge/host';
import {
  createJiraEmulator,
  type JiraEmulator,
  type RateLimits,
  type SeedSize,
} from '../sandbox/jira';
import { loadAppModule } from '../sandbox/shell/app-module';

export async function withAppHost<T>(
  fn: (env: { jira: JiraEmulator; host: ForgeHost }) => Promise<T>,
  options: { anchor?: Date; size?: SeedSize; rateLimits?: RateLimits } = {},
): Promise<T> {
  const { anchor, size, rateLimits } = options;
  const seed = {
    ...(anchor === undefined ? {} : { anchor }),
    ...(size === undefined ? {} : { size }),
  };
  const jira = await createJiraEmulator({
    seed,
    ...(anchor === undefined ? {} : { now: () => anchor }),
    ...(rateLimits === undefined ? {} : { rateLimits }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'ballast-bench-'));
  const host = createForgeHost({
    manifestPath: 'manifest.yml',
    appModule: loadAppModule(process.cwd()),
    jiraUrl: jira.url,
    stateDir: dir,
  });
  try {
    return await fn({ jira, host });
  } finally {
    await host.close();
    await jira.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
