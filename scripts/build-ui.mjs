// Builds every Custom UI app in static/ (each folder with an index.html) to static/<app>/build.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const staticDir = new URL('../static/', import.meta.url).pathname;
const only = process.argv.slice(2);
const apps = readdirSync(staticDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(staticDir, entry.name, 'index.html')))
  .map((entry) => entry.name)
  .filter((name) => only.length === 0 || only.includes(name));

const { customUiConfig } = await import('../static/vite.config.base.ts').catch(async () => {
  // Node without TypeScript loading: go through tsx.
  const { tsImport } = await import('tsx/esm/api');
  return tsImport('../static/vite.config.base.ts', import.meta.url);
});
for (const app of apps) {
  await build(customUiConfig(join(staticDir, app)));
  process.stdout.write(`built static/${app}/build\n`);
}
