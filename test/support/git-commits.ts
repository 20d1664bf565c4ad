/**
 * A throw-away git repository with the commits a release carries, for `ballast gate check
 * --commits-from`: `git(args)` runs git in it, as the CLI's run.ts runs git in the working folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommitsRepo {
  readonly dir: string;
  /** The commit before the release's commits, and the release's head. */
  readonly before: string;
  readonly head: string;
  readonly git: (args: readonly string[]) => string;
  remove(): void;
}

export function commitsRepo(messages: readonly string[]): CommitsRepo {
  const dir = mkdtempSync(join(tmpdir(), 'ballast-gate-commits-'));
  const git = (args: readonly string[]): string =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=CI',
        '-c',
        'user.email=ci@example.org',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  git(['init', '-q']);
  const commit = (message: string, n: number) => {
    writeFileSync(join(dir, 'change.txt'), `${n}\n`);
    git(['add', 'change.txt']);
    git(['commit', '-q', '-m', message]);
    return git(['rev-parse', 'HEAD']).trim();
  };
  const before = commit('Release 1.4.0 (SHOP-1 shipped long ago)', 0);
  let head = before;
  messages.forEach((message, i) => (head = commit(message, i + 1)));
  return { dir, before, head, git, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
