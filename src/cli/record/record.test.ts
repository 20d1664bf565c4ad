/** `ballast deploy record` / `incident record` in-process against a signed receiver. */
import { describe, expect, it } from 'vitest';
import { createReceiver } from '../../../test/fixtures/connector/receiver';
import { main } from '../main';

const SECRET = 'whsec_unit';
const NOW = Date.parse('2026-03-01T12:00:00Z');
const TARGET = 'http://app.test/x1/ballast-deployment-push';

async function run(argv: readonly string[], env: Record<string, string> = {}) {
  const receiver = createReceiver({ secret: SECRET, kind: 'deployments', now: () => NOW });
  let stdout = '';
  let stderr = '';
  let requests = 0;
  const io = {
    readFile: (path: string) => {
      if (path === 'secret.txt') return `${SECRET}\n`;
      throw new Error(`ENOENT: no such file, open '${path}'`);
    },
    stdout: (t: string) => (stdout += t),
    stderr: (t: string) => (stderr += t),
    now: () => NOW,
    sleep: () => Promise.resolve(),
    env,
    fetch: (_: unknown, init?: RequestInit) => {
      requests += 1;
      const answer = receiver.handle(
        init?.method ?? 'GET',
        new Headers(init?.headers),
        init?.body as string,
      );
      return Promise.resolve(new Response(answer.body, { status: answer.status }));
    },
  } as const;
  const first = await main(argv, io);
  return {
    code: first,
    stdout,
    stderr,
    receiver,
    requests,
    again: async () => ({ code: await main(argv, io), stdout }),
  };
}

const deploy = (...extra: string[]) => [
  'deploy',
  'record',
  '--target',
  TARGET,
  '--secret-file',
  'secret.txt',
  '--service',
  'checkout',
  '--environment',
  'production',
  '--status',
  'success',
  ...extra,
];

describe('ballast deploy record', () => {
  it('--dry-run prints the JSON it would send, finished now, and sends nothing', async () => {
    const result = await run(deploy('--id', 'd-1', '--issues', 'SHOP-1, SHOP-22', '--dry-run'));
    expect([result.code, result.requests, JSON.parse(result.stdout)]).toEqual([
      0,
      0,
      {
        id: 'd-1',
        service: 'checkout',
        environment: 'production',
        status: 'success',
        finishedAt: '2026-03-01T12:00:00.000Z',
        issueKeys: ['SHOP-1', 'SHOP-22'],
      },
    ]);
  });

  it('records once; the same id again is a duplicate, still exit 0', async () => {
    const result = await run(deploy('--id', 'd-1', '--finished-at', '2026-03-01T11:58:00Z'));
    expect([result.code, result.stdout]).toEqual([
      0,
      'recorded deployment id=d-1 accepted=1 duplicate=false\n',
    ]);
    expect(await result.again()).toEqual({
      code: 0,
      stdout:
        'recorded deployment id=d-1 accepted=1 duplicate=false\nrecorded deployment id=d-1 accepted=0 duplicate=true\n',
    });
    expect(result.receiver.deployments.size).toBe(1);
  });

  it('takes the id from the GitHub Actions run when --id is absent', async () => {
    const result = await run(deploy('--dry-run'), {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_RUN_ID: '7',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'deploy',
    });
    expect((JSON.parse(result.stdout) as { id: string }).id).toBe(
      'github:acme-shop:7.1:deploy:checkout:production',
    );
  });

  it.each([
    ['no --id outside CI', deploy(), '--id is required outside CI'],
    [
      'a missing --status',
      deploy('--id', 'x').filter((a) => a !== '--status' && a !== 'success'),
      'deploy record needs --status',
    ],
  ])('exits 2 with the usage on %s', async (_, argv, message) => {
    const result = await run(argv);
    expect([
      result.code,
      result.stderr.includes(message),
      result.stderr.includes('Usage:'),
    ]).toEqual([2, true, true]);
  });

  it('exits 2 naming the option of each invalid field', async () => {
    const argv = deploy('--id', 'x', '--issues', 'SHOP-1,shop 2', '--started-at', 'yesterday');
    argv[argv.indexOf('success')] = 'ok';
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').map((l) => l.split(':')[0])).toEqual([
      '--status',
      '--started-at',
      '--issues (item 2)',
      '',
    ]);
  });

  it('exits 5 when the app refuses the signature', async () => {
    const result = await run(deploy('--id', 'd-1', '--secret-file', 'secret.txt'));
    expect(result.code).toBe(0);
    const wrong = await main(deploy('--id', 'd-2', '--secret-file', 'other.txt'), {
      readFile: () => 'wrong-secret',
      stdout: () => undefined,
      stderr: () => undefined,
      now: () => NOW,
      sleep: () => Promise.resolve(),
      env: {},
      fetch: (_, init) => {
        const a = result.receiver.handle('POST', new Headers(init?.headers), init?.body as string);
        return Promise.resolve(new Response(a.body, { status: a.status }));
      },
    });
    expect(wrong).toBe(5);
  });
});

describe('ballast incident record', () => {
  it('--dry-run prints the incident with only the times given', async () => {
    const result = await run([
      'incident',
      'record',
      '--target',
      TARGET,
      '--secret-file',
      'secret.txt',
      '--id',
      'PD-123',
      '--service',
      'checkout',
      '--title',
      'Card payments failing',
      '--started-at',
      '2026-03-01T10:00:00Z',
      '--resolved-at',
      '2026-03-01T10:40:00Z',
      '--deployment-id',
      'd-1',
      '--dry-run',
    ]);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([
      0,
      {
        id: 'PD-123',
        service: 'checkout',
        title: 'Card payments failing',
        startedAt: '2026-03-01T10:00:00Z',
        resolvedAt: '2026-03-01T10:40:00Z',
        deploymentId: 'd-1',
      },
    ]);
  });

  it('exits 2 without --started-at', async () => {
    const result = await run([
      'incident',
      'record',
      '--target',
      TARGET,
      '--secret-file',
      'secret.txt',
      '--id',
      'PD-1',
      '--service',
      'checkout',
      '--title',
      'x',
    ]);
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([
      2,
      'ballast: incident record needs --started-at',
    ]);
  });
});
