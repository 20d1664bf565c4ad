/**
 * Which Node runs the suite. Forge runs the app on the manifest's `nodejs22.x`
 * (developer.atlassian.com/platform/forge/runtime-reference/), package.json's engines let users run
 * the sandbox and the command on Node 20.19+. `npm run test:node22` (scripts/test-node22.mjs) sets
 * BALLAST_EXPECT_NODE_MAJOR=22: then this proves the run really is on Node 22, in this process and in
 * the child processes the integration tests spawn (the installed `ballast` binary's
 * `#!/usr/bin/env node`), so a green Node 22 run cannot be a Node 20 run by mistake.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const expected = process.env.BALLAST_EXPECT_NODE_MAJOR;
const major = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1]);

describe('the Node runtime of this run', () => {
  it.runIf(expected !== undefined)(
    'is the major version test:node22 asked for, here and in children',
    () => {
      expect(major(process.version)).toBe(Number(expected));
      const child = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
      expect(major(child)).toBe(Number(expected));
    },
  );

  it('meets package.json engines (>=20.19)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    const engines = pkg.engines.node;
    expect(engines).toBe('>=20.19');
    const [maj, min] = process.versions.node.split('.').map(Number);
    expect(maj! > 20 || (maj === 20 && min! >= 19)).toBe(true);
  });
});
