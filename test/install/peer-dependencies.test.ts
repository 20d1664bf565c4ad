/**
 * `npm ci` installs without a peer-dependency warning (issue #18, "the first ten minutes").
 *
 * npm warns "ERESOLVE overriding peer dependency" when the tree it builds from package-lock.json
 * holds a package whose declared peer range the installed version does not meet. `npm ls --all
 * --package-lock-only` checks the same tree from the lockfile alone, offline, and reports each such
 * package as "invalid" (exit code 1, `problems` in --json); https://docs.npmjs.com/cli/v10/commands/npm-ls
 * documents --package-lock-only. The app runs on React 18 because @forge/bridge's
 * @atlaskit/adf-schema → @atlaskit/tmp-editor-statsig → @atlaskit/react-ufo (and its
 * browser-apis, interaction-context) declare `react: ^18.2.0`, and every other React peer in the
 * tree accepts 18; see package.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LsReport {
  readonly status: number | null;
  readonly problems: readonly string[];
}

/** `npm ls` over the lockfile of `dir` only: no node_modules and no registry needed. */
function lockfileProblems(dir: string): LsReport {
  const run = spawnSync(
    'npm',
    ['ls', '--all', '--package-lock-only', '--offline', '--json', '--loglevel=error'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false' } },
  );
  const report = JSON.parse(run.stdout) as { problems?: string[] };
  return { status: run.status, problems: report.problems ?? [] };
}

/** A copy of the project's package.json and lockfile, with `edit` applied to the lockfile. */
function lockfileCopy(edit: (lock: LockFile) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-lock-'));
  cpSync('package.json', join(dir, 'package.json'));
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as LockFile;
  edit(lock);
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
  return dir;
}

interface LockFile {
  packages: Record<string, { version?: string; peerDependencies?: Record<string, string> }>;
}

describe('the dependency tree of package-lock.json', () => {
  it('meets every declared peer range, so npm ci prints no peer warning', () => {
    expect(lockfileProblems('.')).toEqual({ status: 0, problems: [] });
  });

  it('is caught when a peer range is broken (React 19 under @atlaskit/react-ufo ^18.2.0)', () => {
    const dir = lockfileCopy((lock) => {
      const react = lock.packages['node_modules/react'];
      if (!react) throw new Error('package-lock.json has no node_modules/react');
      react.version = '19.3.1';
    });
    try {
      const report = lockfileProblems(dir);
      expect(report.status).toBe(1);
      expect(report.problems).toContain(`invalid: react@19.3.1 ${join(dir, 'node_modules/react')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
