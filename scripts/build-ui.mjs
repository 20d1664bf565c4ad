// Builds every Custom UI app in static/ (each folder with an index.html) to static/<app>/build.
//
//   node scripts/build-ui.mjs                 # npm run build:ui: every app, afresh
//   node scripts/build-ui.mjs issue-panel     # only the apps named
//   node scripts/build-ui.mjs --if-changed    # npm start: skip an app whose inputs are unchanged
//
// After each build the files it was made from (the bundle's modules outside node_modules, the
// sources the token stylesheet scans, the build's own configuration and package-lock.json) are
// recorded with their SHA-256 in node_modules/.cache/ballast-ui/<app>.json; --if-changed rebuilds
// an app only when its build is missing or one of those files changed or is gone.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './ds-tokens.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'static');
const stampDir = join(root, 'node_modules', '.cache', 'ballast-ui');
const CONFIG_INPUTS = [
  'package-lock.json',
  'scripts/build-ui.mjs',
  'scripts/ds-tokens.mjs',
  'static/vite.config.base.ts',
];

const args = process.argv.slice(2);
const ifChanged = args.includes('--if-changed');
const only = args.filter((arg) => !arg.startsWith('--'));
const apps = readdirSync(staticDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'index.html')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name));

const sha256 = (path) => {
  try {
    return createHash('sha256')
      .update(readFileSync(join(root, path)))
      .digest('hex');
  } catch {
    return null; // gone: differs from any recorded hash
  }
};

function stampFile(app) {
  return join(stampDir, `${app}.json`);
}

/** Whether static/<app>/build exists and every file it was built from is as it was then. */
function upToDate(app) {
  if (!existsSync(join(staticDir, app, 'build', 'index.html'))) return false;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile(app), 'utf8'));
  } catch {
    return false;
  }
  // A source added to static/ changes the token stylesheet's input (a removed one has no hash).
  if (fixedInputs(app).some((path) => !(path in recorded))) return false;
  return Object.entries(recorded).every(([path, hash]) => sha256(path) === hash);
}

/** What every build of `app` reads besides its modules: configuration and the token scan. */
function fixedInputs(app) {
  const tokenSources = sourceFiles(staticDir).map((path) => relative(root, path));
  return [...CONFIG_INPUTS, `static/${app}/index.html`, ...tokenSources];
}

function recordInputs(app, moduleIds) {
  const inputs = new Set(fixedInputs(app));
  for (const id of moduleIds) {
    if (id.startsWith(root) && !id.includes('/node_modules/')) inputs.add(relative(root, id));
  }
  const recorded = Object.fromEntries([...inputs].sort().map((path) => [path, sha256(path)]));
  mkdirSync(stampDir, { recursive: true });
  writeFileSync(stampFile(app), `${JSON.stringify(recorded, null, 1)}\n`);
}

const stale = apps.filter((app) => {
  if (!ifChanged || !upToDate(app)) return true;
  process.stdout.write(`static/${app}/build is up to date (its sources did not change)\n`);
  return false;
});
// Vite and the configuration load only when something is to be built (a second or two).
const { build } = stale.length > 0 ? await import('vite') : { build: null };
const { customUiConfig } =
  stale.length === 0
    ? { customUiConfig: null }
    : await import('../static/vite.config.base.ts').catch(async () => {
        // Node without TypeScript loading: go through tsx.
        const { tsImport } = await import('tsx/esm/api');
        return tsImport('../static/vite.config.base.ts', import.meta.url);
      });
for (const app of stale) {
  const started = Date.now();
  const output = await build(customUiConfig(join(staticDir, app)));
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output ?? []);
  recordInputs(
    app,
    chunks.flatMap((chunk) => chunk.moduleIds ?? []),
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`built static/${app}/build in ${seconds} s\n`);
}
