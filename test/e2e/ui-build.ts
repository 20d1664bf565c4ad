/** The browser tests frame the real Custom UI bundles: build them once if they are missing. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function ensureUiBuilt(rootDir: string): void {
  if (existsSync(join(rootDir, 'static', 'issue-panel', 'build', 'index.html'))) return;
  execFileSync(process.execPath, [join(rootDir, 'scripts', 'build-ui.mjs')], {
    cwd: rootDir,
    stdio: 'inherit',
  });
}
