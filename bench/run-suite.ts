/**
 * Runs one benchmark suite in a process of its own and writes its results as JSON to the file
 * named second: `tsx bench/run-suite.ts <suite file> <output.json>` (bench/run.ts calls it).
 * A process per suite keeps suites from sharing module state — the app loaded as CommonJS by
 * bench/app-host.ts and as ESM by test/support/app-sandbox.ts get two copies of @forge/api, and
 * the second's routes fail the first's `route` check — and gives each its own memory figures.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchResult, BenchSuite } from './harness';

export interface SuiteOutput {
  readonly title: string;
  readonly notes?: string;
  readonly results: readonly BenchResult[];
}

const [suitePath, outputPath] = process.argv.slice(2);
if (suitePath === undefined || outputPath === undefined) {
  throw new Error('usage: tsx bench/run-suite.ts <suite file> <output.json>');
}
const suite = ((await import(pathToFileURL(suitePath).href)) as { default: BenchSuite }).default;
process.stdout.write(`bench: ${suite.title}\n`);
const results = await suite.run();
const output: SuiteOutput = {
  title: suite.title,
  ...(suite.notes === undefined ? {} : { notes: suite.notes }),
  results,
};
writeFileSync(outputPath, JSON.stringify(output));
// Servers or timers a suite left behind must not keep the process (and the run) waiting.
process.exit(0);
