/**
 * `npm run bench`: runs every `bench/*.bench.ts` suite (or those named on the command line), each
 * in a process of its own (bench/run-suite.ts), and writes bench/RESULTS.md with the machine, Node
 * version and date, so changes in performance show up in review.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { previousRows, resultsTable } from './results-table';
import type { SuiteOutput } from './run-suite';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

// Sections already recorded, keyed by their file, so running one suite keeps the others' figures.
const resultsPath = join(here, 'RESULTS.md');
// Other work on a shared machine skews wall-clock figures: the header says how busy it was.
const loadAtStart = loadavg()[0]!;
const sections = new Map<string, string>();
if (existsSync(resultsPath)) {
  for (const part of readFileSync(resultsPath, 'utf8')
    .split(/^(?=## )/m)
    .slice(1)) {
    const key = /`bench\/([^`]+)`/.exec(part)?.[1];
    if (key) sections.set(key, part.trimEnd() + '\n');
  }
}
const failed: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'ballast-bench-run-'));
for (const file of files) {
  const output = join(scratch, `${file}.json`);
  process.stdout.write(`bench: ${file}\n`);
  const loadBefore = loadavg()[0]!;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'run-suite.ts'), join(here, file), output],
    { stdio: 'inherit' },
  );
  if (child.status !== 0 || !existsSync(output)) {
    // One failing suite must not cost the others' figures: its previous section stays, the run fails.
    process.stderr.write(
      `bench: ${file} FAILED (exit ${child.status}), its previous figures are kept\n`,
    );
    failed.push(file);
    continue;
  }
  const suite = JSON.parse(readFileSync(output, 'utf8')) as SuiteOutput;
  const notes = suite.notes === undefined ? '' : `${suite.notes.trim()}\n\n`;
  // The figures this run replaces, read before the section is rewritten: each row shows them.
  const previousSection = sections.get(file) ?? '';
  const previousRun = /^Measured (\S+?),/m.exec(previousSection)?.[1] ?? 'an earlier run';
  const measured =
    `Measured ${new Date().toISOString().slice(0, 16)}Z, load average (1 min) ${loadBefore.toFixed(1)} ` +
    `at the suite's start; previous figures from ${previousSection === '' ? 'no earlier run' : previousRun}. ` +
    'Each row’s load is the 1-minute average when its samples were taken.';
  sections.set(
    file,
    `## ${suite.title}\n\n\`bench/${basename(file)}\`\n\n${measured}\n\n${notes}${resultsTable(
      suite.results,
      previousRows(previousSection),
      loadBefore,
    )}\n`,
  );
}
rmSync(scratch, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = [
  '# Benchmark results',
  '',
  'Written by `npm run bench`; do not edit by hand. Figures are wall-clock medians over the stated runs',
  'after warm-up; read them against the aim in each row. Every row carries the machine’s 1-minute load',
  'average when it was measured, the figure the previous run recorded and new ÷ previous (for the',
  'median and for each other figure given in the same unit), so a change shows in review and a busy',
  'machine is visible beside the figure it skewed.',
  '',
  `- Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  `- Node: ${process.version}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  `- Load average (1 min) of this run: ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (${only.length === 0 ? 'all suites' : `suites matching ${only.join(', ')}`}; rows may give their own)`,
  '',
].join('\n');

const ordered = [...sections.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, text]) => text);
writeFileSync(resultsPath, `${header}\n${ordered.join('\n')}`);
process.stdout.write(
  `bench: wrote bench/RESULTS.md (${files.length} suites run, ${sections.size} recorded)\n`,
);
if (failed.length > 0) {
  process.stderr.write(`bench: ${failed.length} suites failed: ${failed.join(', ')}\n`);
  process.exitCode = 1;
}
