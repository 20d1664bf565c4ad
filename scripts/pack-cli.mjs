// Packs the `ballast` command as pipelines install it: a fresh build (scripts/build-cli.mjs), then
// `npm pack` of packages/ballast-cli into a tarball that needs nothing from a registry (every
// dependency is bundled). `node scripts/pack-cli.mjs [DIR]` (npm run pack:cli) prints its path;
// test/integration/cli-package.integration.test.ts installs it into an empty prefix and runs the
// README's examples with it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from './build-cli.mjs';

const packageDir = fileURLToPath(new URL('../packages/ballast-cli/', import.meta.url));

/**
 * Builds and packs; resolves to the tarball's absolute path in `destination`. The package is
 * staged in a folder of its own (package.json, README.md, a fresh dist/), so packing never touches
 * the dist/ that bin/ballast.mjs and running tests use.
 */
export async function packCli(destination, { quiet = false } = {}) {
  const staging = mkdtempSync(join(tmpdir(), 'ballast-cli-pack-'));
  try {
    for (const file of ['package.json', 'README.md'])
      copyFileSync(join(packageDir, file), join(staging, file));
    await buildCli({ clean: true, quiet, outDir: join(staging, 'dist') });
    return npmPack(staging, destination);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function npmPack(dir, destination) {
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(destination)], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(out);
  return join(resolve(destination), packed.filename);
}

/**
 * `npm install -g --prefix <prefix> <tarball>`, offline: proof that the tarball installs without
 * dev dependencies or a registry. Resolves to the installed `ballast` binary.
 */
export function installCli(tarball, prefix) {
  execFileSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball],
    { cwd: prefix, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return join(prefix, 'bin', 'ballast');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tarball = await packCli(process.argv[2] ?? packageDir);
  process.stdout.write(`${tarball}\n`);
}
