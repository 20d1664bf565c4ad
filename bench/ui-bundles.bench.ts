/**
 * Custom UI bundle sizes: the JavaScript each app ships, raw and gzipped, against the aim of 250 KB
 * of gzipped JS per app (issue #8). Build first: `npm run build:ui`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { time, type BenchResult, type BenchSuite } from './harness';

const staticDir = join(import.meta.dirname, '..', 'static');

function jsFiles(app: string): string[] {
  const assets = join(staticDir, app, 'build', 'assets');
  if (!existsSync(assets))
    throw new Error(`static/${app} is not built: run npm run build:ui first`);
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(assets, file));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const suite: BenchSuite = {
  title: 'Custom UI bundles',
  async run() {
    const apps = readdirSync(staticDir, { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'index.html')),
      )
      .map((entry) => entry.name)
      .sort();
    const results: BenchResult[] = [];
    for (const app of apps) {
      const files = jsFiles(app);
      let raw = 0;
      let gzipped = 0;
      const timing = await time(
        () => {
          raw = 0;
          gzipped = 0;
          for (const file of files) {
            const content = readFileSync(file);
            raw += content.length;
            gzipped += gzipSync(content, { level: 9 }).length;
          }
        },
        { runs: 3, warmup: 0 },
      );
      results.push({
        name: `${app}: all JavaScript (${files.length} files), read and gzipped`,
        aim: 'below 250 KB gzipped per app (issue #8)',
        timing,
        extra: { raw: kb(raw), gzipped: kb(gzipped) },
      });
    }
    return results;
  },
};
export default suite;
