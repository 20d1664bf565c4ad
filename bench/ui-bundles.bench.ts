/**
 * Custom UI bundle sizes: the JavaScript each app ships, gzipped (level 9), against issue #21's
 * aim of ≤ 100 KB per app. Two rows per app, counted from the build's own manifest
 * (static/<app>/build/.vite/manifest.json, Vite's `build.manifest`):
 *
 * - **before the first render**: the entry chunk (index.html's module script) and every chunk it
 *   imports statically, transitively — what the browser must fetch and run before the app can
 *   render (Vite also names these in index.html as `modulepreload`). Chunks reached only through
 *   `import()` (the project page's other subpages) are not counted.
 * - **all**: every `.js` file of the build, whether or not a first render loads it.
 *
 * CSS is not counted (it is in the head either way; under 8 KB gzipped per app). Build first:
 * `npm run build:ui`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { time, type BenchResult, type BenchSuite } from './harness';

const staticDir = join(import.meta.dirname, '..', 'static');
const AIM = '≤ 100 KB gzipped (issue #21)';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
}

function buildDir(app: string): string {
  const dir = join(staticDir, app, 'build');
  if (!existsSync(join(dir, '.vite', 'manifest.json')))
    throw new Error(
      `static/${app} is not built (no build/.vite/manifest.json): run npm run build:ui first`,
    );
  return dir;
}

/** The entry's file and the files of every chunk it imports statically, transitively. */
export function firstRenderFiles(manifest: Readonly<Record<string, ManifestChunk>>): string[] {
  const entries = Object.keys(manifest).filter((key) => manifest[key]!.isEntry === true);
  if (entries.length !== 1) throw new Error(`expected one entry chunk, found ${entries.length}`);
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the manifest names ${key} but has no entry for it`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entries[0]!);
  return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(dir: string, files: readonly string[]) {
  let raw = 0;
  let gzipped = 0;
  const timing = await time(
    () => {
      raw = 0;
      gzipped = 0;
      for (const file of files) {
        const content = readFileSync(join(dir, file));
        raw += content.length;
        gzipped += gzipSync(content, { level: 9 }).length;
      }
    },
    { runs: 3, warmup: 0 },
  );
  return { timing, raw, gzipped };
}

const suite: BenchSuite = {
  title: 'Custom UI bundles',
  notes: [
    'The median is the time to read and gzip the files (a harness figure); the sizes are the figures to read against the aim.',
    '“Before the first render” is the entry chunk and its static imports, from the build manifest; “all” is every `.js` file of the build.',
    'Issue #21 took them from 95–127 KB: `@forge/bridge` is now bundled from the modules the apps call (static/shared/forge-bridge.ts: no ADF renderer with iframe-resizer, permissions, i18n with lodash), and the project page’s subpages other than the overview are chunks loaded with their figures (subpage-views.tsx).',
  ].join(' '),
  async run() {
    const apps = readdirSync(staticDir, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'index.html')),
      )
      .map((entry) => entry.name)
      .sort();
    const results: BenchResult[] = [];
    for (const app of apps) {
      const dir = buildDir(app);
      const manifest = JSON.parse(
        readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8'),
      ) as Record<string, ManifestChunk>;
      const first = firstRenderFiles(manifest);
      const all = readdirSync(join(dir, 'assets'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => `assets/${file}`);
      const before = await measure(dir, first);
      results.push({
        name: `${app}: JavaScript loaded before the first render (entry and its static imports), read and gzipped`,
        aim: AIM,
        timing: before.timing,
        extra: { gzipped: kb(before.gzipped), raw: kb(before.raw), files: first.length },
      });
      const everything = await measure(dir, all);
      results.push({
        name: `${app}: all JavaScript of the build, read and gzipped`,
        // Before issue #21 the row was named with its file count.
        formerNames: [1, 2, 3].map((n) => `${app}: all JavaScript (${n} files), read and gzipped`),
        aim: AIM,
        timing: everything.timing,
        extra: { gzipped: kb(everything.gzipped), raw: kb(everything.raw), files: all.length },
      });
    }
    return results;
  },
};
export default suite;
