#!/usr/bin/env node
// The `ballast` command of this repository (package.json "bin", `npx ballast …`): runs the compiled
// command, packages/ballast-cli/dist/ballast.mjs, building it first (scripts/build-cli.mjs, a few
// seconds) when it is missing — straight after `npm ci` — or older than a file it was built from.
// The package that pipelines install (packages/ballast-cli) runs the compiled file directly.
import { readFileSync, statSync } from 'node:fs';

const dist = new URL('../packages/ballast-cli/dist/', import.meta.url);
const entry = new URL('ballast.mjs', dist);

function upToDate() {
  try {
    const built = statSync(entry).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('inputs.json', dist), 'utf8'));
    return inputs.every(
      (path) => statSync(new URL(`../${path}`, import.meta.url)).mtimeMs <= built,
    );
  } catch {
    return false; // not built, or a source is gone: build again
  }
}

if (!upToDate()) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli({ quiet: true });
}
await import(entry.href);
