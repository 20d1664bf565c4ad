/**
 * `ballast gate check` before any request: what it needs, the keys it reads and refuses, and the
 * git range it asks for. The decisions themselves come from the app
 * (test/integration/gate-check.integration.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { main } from '../main';

const TARGET = 'https://example.hello.atlassian-dev.net/x1/ballast-gate-check';

async function run(argv: readonly string[], git?: (args: readonly string[]) => string) {
  let stdout = '';
  let stderr = '';
  const requests: unknown[] = [];
  const code = await main(['gate', 'check', '--target', TARGET, '--secret-file', 's', ...argv], {
    readFile: () => 'whsec_test',
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    sleep: () => Promise.resolve(),
    env: {},
    ...(git ? { git } : {}),
    fetch: (_url, init) => {
      requests.push(JSON.parse(init?.body as string));
      const answer = { ok: true, allowed: true, projects: [], unknownKeys: [], otherKeys: [] };
      return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
    },
  });
  return { code, stdout, stderr, requests };
}

describe('ballast gate check, before asking the app', () => {
  it('needs whose gate to ask', async () => {
    const result = await run(['--keys', 'SHOP-1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('gate check needs --project KEY or --service NAME');
    expect(result.requests).toEqual([]);
  });

  it('names what in --keys is not a Jira key, and sends nothing', async () => {
    const result = await run(['--project', 'SHOP', '--keys', 'SHOP-1,shop-2']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '--keys: not a Jira issue key: shop-2 (expected keys like SHOP-42)\n',
    );
    expect(result.requests).toEqual([]);
  });

  it('refuses more than 100 keys in one check', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `SHOP-${i + 1}`).join(',');
    const result = await run(['--project', 'SHOP', '--keys', keys]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'the release carries 101 Jira keys; one check takes at most 100',
    );
  });

  it('reads REV as REV..HEAD, and only the head commit after an all-zero start', async () => {
    const calls: string[][] = [];
    const git = (args: readonly string[]) => {
      calls.push([...args]);
      return 'SHOP-3 basket\n';
    };
    expect((await run(['--project', 'SHOP', '--commits-from', 'v1.4.0'], git)).code).toBe(0);
    const zero = '0'.repeat(40);
    const first = await run(['--project', 'SHOP', '--commits-from', `${zero}..abc123`], git);
    expect(calls).toEqual([
      ['log', '--format=%B', 'v1.4.0..HEAD', '--'],
      ['log', '--format=%B', '-1', 'abc123', '--'],
    ]);
    expect(first.requests).toEqual([{ projects: ['SHOP'], services: [], issueKeys: ['SHOP-3'] }]);
  });

  it('joins the keys of --keys, the commits and stdin once each, in that order', async () => {
    let stdout = '';
    const requests: unknown[] = [];
    const code = await main(
      ['gate', 'check', '--target', TARGET, '--secret-file', 's', '--service', 'checkout'].concat([
        '--keys',
        'SHOP-2',
        '--commits-from',
        'a..b',
        '--stdin',
      ]),
      {
        readFile: () => 'whsec_test',
        stdout: (t) => (stdout += t),
        stderr: () => undefined,
        env: {},
        git: () => 'SHOP-1 and SHOP-2\n',
        readStdin: () => 'OPS-9 SHOP-1',
        fetch: (_url, init) => {
          requests.push(JSON.parse(init?.body as string));
          const answer = { ok: true, allowed: false, projects: [], unknownKeys: [], otherKeys: [] };
          return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
        },
      },
    );
    expect(code).toBe(8);
    expect(stdout).toBe('ballast gate check: BLOCKED by the error-budget gate (exit 8).\n');
    expect(requests).toEqual([
      { projects: [], services: ['checkout'], issueKeys: ['SHOP-2', 'SHOP-1', 'OPS-9'] },
    ]);
  });

  it('says what is wrong with a range git cannot read', async () => {
    const git = () => {
      throw Object.assign(new Error('git failed'), {
        stderr: "fatal: bad revision 'nope..HEAD'\n",
      });
    };
    const result = await run(['--project', 'SHOP', '--commits-from', 'nope..HEAD'], git);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "--commits-from nope..HEAD: git log nope..HEAD failed: fatal: bad revision 'nope..HEAD'",
    );
  });
});
