// Compiles the `ballast` command (src/cli/run.ts) to plain JavaScript in packages/ballast-cli/dist,
// with Vite's library build (rolldown; the bundler that already builds the Custom UI). Its runtime
// dependencies (yaml, zod, date-fns) are bundled in, so the package needs nothing installed; each
// command is a chunk of its own, loaded when it runs, so `ballast --help` parses almost nothing.
//
// `node scripts/build-cli.mjs` (npm run build:cli) builds afresh; bin/ballast.mjs calls buildCli()
// when the build is missing or older than a file it came from (dist/inputs.json).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageDir = join(root, 'packages/ballast-cli');
export const distDir = join(packageDir, 'dist');

/**
 * Builds into a scratch folder, then moves it into `outDir` (default packages/ballast-cli/dist),
 * the entry last: a concurrent run sees either build. `clean` empties `outDir` first.
 */
export async function buildCli({ clean = false, quiet = false, outDir = distDir } = {}) {
  const scratch = mkdtempSync(join(packageDir, '.build-'));
  try {
    const output = await build({
      configFile: false,
      root,
      logLevel: quiet ? 'silent' : 'info',
      build: {
        ssr: 'src/cli/run.ts',
        outDir: scratch,
        emptyOutDir: false,
        // Node 20.19 is the oldest the package supports (package.json engines).
        target: 'node20',
        minify: false,
        reportCompressedSize: false,
        rolldownOptions: {
          output: {
            format: 'es',
            entryFileNames: 'ballast.mjs',
            chunkFileNames: 'chunks/[name]-[hash].mjs',
            banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
          },
        },
      },
      // Bundle every dependency: the installed package has no node_modules of its own.
      ssr: { noExternal: true, target: 'node' },
    });
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
    const inputs = new Set(['package-lock.json', 'scripts/build-cli.mjs']);
    for (const chunk of chunks)
      for (const id of chunk.moduleIds ?? [])
        if (id.startsWith(root) && !id.includes('/node_modules/')) inputs.add(relative(root, id));
    writeFileSync(join(scratch, 'inputs.json'), `${JSON.stringify([...inputs].sort(), null, 1)}\n`);
    if (clean) rmSync(outDir, { recursive: true, force: true });
    mkdirSync(join(outDir, 'chunks'), { recursive: true });
    // Chunk names carry a content hash: an older build's process still running keeps its chunks.
    for (const file of readdirSync(join(scratch, 'chunks'))) {
      const target = join(outDir, 'chunks', file);
      if (!existsSync(target)) copyFileSync(join(scratch, 'chunks', file), target);
    }
    // Across file systems (outDir in a temporary folder) a rename fails: copy, then rename in place.
    copyFileSync(join(scratch, 'inputs.json'), join(outDir, 'inputs.json'));
    copyFileSync(join(scratch, 'ballast.mjs'), join(outDir, '.ballast.mjs.new'));
    renameSync(join(outDir, '.ballast.mjs.new'), join(outDir, 'ballast.mjs'));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildCli({ clean: true });
  process.stdout.write(`built ${relative(root, distDir)}/ballast.mjs\n`);
}
