/**
 * `npm start`'s progress (sandbox/main.ts): one line per step, each with the seconds since start,
 * then the URL — never a carriage return that writes every step over one long line (issue #18).
 * Runs the real entry point on a fresh state folder, seeding the demo on the test clock.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testClockChildEnv } from '../support/test-clock';

const stateDir = mkdtempSync(join(tmpdir(), 'ballast-start-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

/** Everything main.ts writes until its URL line, then stops it. */
function outputUntilUrl(): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/main.ts', '--port', '0', '--state-dir', stateDir, '--reset'],
    { env: testClockChildEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/Ctrl-C saves the state and stops\.\n/.test(out)) child.kill('SIGTERM');
    });
    // Resolves once it has saved and stopped, so the state folder is removed after it.
    child.on('exit', (code) => {
      if (out.includes('Ctrl-C')) resolve(out);
      else reject(new Error(`main.ts exited ${code}: ${err}${out}`));
    });
  });
}

describe('npm start', () => {
  it('writes one line per step with its time, then the URL', async () => {
    const out = await outputUntilUrl();
    expect(out).not.toContain('\r');
    const lines = out.split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(120);
    const steps = lines
      .filter((line) => /^ {2}\[ *\d+\.\d s\] /.test(line))
      .map((line) => line.replace(/^ {2}\[ *\d+\.\d s\] /, ''));
    expect(steps).toEqual([
      'Loading the app (src/index.ts, manifest.yml)',
      `Starting the Jira emulator and the shell (state in ${stateDir})`,
      "Seeding Ballast's data: binding the board and importing the demo SLOs",
      "Seeding Ballast's data: pushing 151200 SLI minutes in 78 signed batches",
      "Seeding Ballast's data: pushing 48 deployments",
      "Seeding Ballast's data: seeding PAY and OPS",
      "Seeding Ballast's data: rolling up SLO status",
      "Seeding Ballast's data: opening the checkout incident's postmortem",
      "Seeding Ballast's data: classifying the backlog",
      "Seeding Ballast's data: computing the project page",
    ]);
    // The seconds only grow, and the URL follows the last step.
    const seconds = lines
      .map((line) => /^ {2}\[ *(\d+\.\d) s\]/.exec(line)?.[1])
      .filter((s): s is string => s !== undefined)
      .map(Number);
    expect([...seconds].sort((a, b) => a - b)).toEqual(seconds);
    const url = lines.findIndex((line) =>
      /^Ballast sandbox: http:\/\/127\.0\.0\.1:\d+$/.test(line),
    );
    expect(url).toBeGreaterThan(lines.findIndex((line) => line.includes('computing the project')));
    expect(lines[url + 1]).toMatch(
      /^ {2}App data seeded \(demo\): 5 SLOs, 252000 SLI minutes, 96 deployments in \d+\.\d s$/,
    );
  }, 300_000);
});
