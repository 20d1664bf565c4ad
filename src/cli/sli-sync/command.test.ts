/**
 * `ballast sli sync` in-process against a fake Prometheus (closed-form counters) and a signed
 * receiver standing in for the app: what it pushes, resuming, retries, and each exit code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createReceiver, type Receiver } from '../../../test/fixtures/connector/receiver';
import { fakePrometheusAnswer, type SeriesFn } from '../../../test/fixtures/prometheus/fake';
import { main } from '../main';

const SPEC = 'test/fixtures/connector/shop.openslo.yaml';
const SECRET = 'whsec_unit';
const PROM = 'http://prom.test:9090';
const TARGET = 'http://app.test/x1/ballast-sli-push';
const DAY0 = Date.parse('2026-03-01T00:00:00Z');
const NOW = DAY0 + 2 * 86_400_000 + 30 * 60_000 + 17_000; // 2026-03-03T00:30:17Z
const M = 60_000;
const minuteIndex = (t: number): number => (t - DAY0) / M;

/** Per minute: 100 checkout requests (1 failing), 50 searches (2 slow); counters from DAY0. */
const SERIES: Record<string, SeriesFn> = {
  'sum(shop_checkout_requests_total{code!~"5.."})': (t) => 99 * minuteIndex(t),
  'sum(shop_checkout_requests_total)': (t) => 100 * minuteIndex(t),
  'sum(shop_search_requests_slow_total)': (t) => 2 * minuteIndex(t),
  'sum(shop_search_requests_total)': (t) => 50 * minuteIndex(t),
  'sum(shop:checkout_requests:increase1m{code_class!="5xx"})': () => 99,
  'sum(shop:checkout_requests:increase1m)': () => 100,
};

interface World {
  receiver: Receiver;
  now: number;
  series: Record<string, SeriesFn>;
  /** Replaces the answer to a request (by URL) when it returns a Response or throws. */
  intercept?: (url: URL, init: RequestInit | undefined) => Response | undefined;
  promRequests: Request[];
  slept: number[];
  files: Record<string, string>;
  /** Ends an --every loop at its n-th wait for the next cycle (waits over a minute). */
  stopAfterCycles?: number;
}

function world(overrides: Partial<World> = {}): World {
  const w: World = {
    receiver: createReceiver({
      secret: SECRET,
      kind: 'sli',
      now: () => w.now,
      slos: ['shop-checkout-availability', 'shop-search-latency', 'shop-checkout-minutes'],
    }),
    now: NOW,
    series: SERIES,
    promRequests: [],
    slept: [],
    files: { 'secret.txt': `${SECRET}\n` },
    ...overrides,
  };
  return w;
}

async function run(w: World, argv: readonly string[], tty = false) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: (path) => w.files[path] ?? readFileSync(path, 'utf8'),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => w.now,
    sleep: (ms) => {
      w.slept.push(ms);
      if (ms > M && w.slept.filter((x) => x > M).length >= (w.stopAfterCycles ?? Infinity))
        return Promise.reject(new Error('stop the loop'));
      w.now += ms;
      return Promise.resolve();
    },
    env: {},
    stderrIsTTY: tty,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const replaced = w.intercept?.(url, init);
      if (replaced) return Promise.resolve(replaced);
      if (url.origin === PROM) {
        w.promRequests.push(new Request(url, init));
        return Promise.resolve(fakePrometheusAnswer(url, w.series));
      }
      const headers = new Headers(init?.headers);
      const body = typeof init?.body === 'string' ? init.body : '';
      const answer = w.receiver.handle(init?.method ?? 'GET', headers, body);
      return Promise.resolve(new Response(answer.body, { status: answer.status }));
    },
  }).catch((error: unknown) => {
    if (error instanceof Error && error.message === 'stop the loop') return -1;
    throw error;
  });
  return { code, stdout, stderr };
}

const sync = (...extra: string[]) => [
  'sli',
  'sync',
  '--prometheus',
  PROM,
  '--spec',
  SPEC,
  '--target',
  TARGET,
  '--secret-file',
  'secret.txt',
  '--since',
  '2d',
  ...extra,
];

const stored = (w: World, slo: string) => [...(w.receiver.minutes.get(slo)?.entries() ?? [])];

describe('ballast sli sync --once', () => {
  it('pushes every minute from the UTC day --since back up to two minutes ago, one batch per SLO-day', async () => {
    const w = world();
    const result = await run(w, sync('--once'));
    expect(result.code).toBe(0);
    // 2026-03-01T00:00 … 2026-03-03T00:28 (now 00:30:17 less the two settling minutes).
    const minutes = 2 * 1440 + 28;
    for (const slo of [
      'shop-checkout-availability',
      'shop-search-latency',
      'shop-checkout-minutes',
    ])
      expect(stored(w, slo).length, slo).toBe(minutes);
    expect(stored(w, 'shop-checkout-availability')[0]).toEqual([
      '2026-03-01T00:00:00.000Z',
      { good: 99, total: 100 },
    ]);
    expect(stored(w, 'shop-search-latency').at(-1)).toEqual([
      '2026-03-03T00:27:00.000Z',
      { good: 48, total: 50 },
    ]);
    expect(result.stdout.split('\n').filter((l) => l.startsWith('pushed '))).toHaveLength(9);
    expect(result.stdout).toContain(
      'pushed slo=shop-checkout-availability start=2026-03-01T00:00:00Z end=2026-03-02T00:00:00Z points=1440 accepted=1440 duplicate=false id=shop-checkout-availability.20260301T0000Z-20260302T0000Z\n',
    );
    expect(
      result.stdout.endsWith(
        `synced slos=3 batches=9 points=${3 * minutes} accepted=${3 * minutes} duplicates=0 missing-minutes=0 gaps=0 resets=0 inconsistent=0\n`,
      ),
    ).toBe(true);
    expect(w.receiver.doubleCounted).toEqual([]);
  });

  it('resumes from the app’s dataUntil: a later run pushes only the new minutes', async () => {
    const w = world();
    await run(w, sync('--once'));
    w.now += 10 * M;
    const again = await run(w, sync('--once'));
    expect(again.stdout.split('\n').filter((l) => l.startsWith('pushed '))).toEqual([
      'pushed slo=shop-checkout-availability start=2026-03-03T00:28:00Z end=2026-03-03T00:38:00Z points=10 accepted=10 duplicate=false id=shop-checkout-availability.20260303T0028Z-20260303T0038Z',
      'pushed slo=shop-search-latency start=2026-03-03T00:28:00Z end=2026-03-03T00:38:00Z points=10 accepted=10 duplicate=false id=shop-search-latency.20260303T0028Z-20260303T0038Z',
      'pushed slo=shop-checkout-minutes start=2026-03-03T00:28:00Z end=2026-03-03T00:38:00Z points=10 accepted=10 duplicate=false id=shop-checkout-minutes.20260303T0028Z-20260303T0038Z',
    ]);
    expect(w.receiver.doubleCounted).toEqual([]);
  });

  it('retries a batch whose answer was lost: the app says duplicate, nothing counts twice', async () => {
    const w = world();
    let lost = false;
    w.intercept = (url, init) => {
      if (url.origin === PROM || init?.method !== 'POST' || lost) return undefined;
      lost = true;
      w.receiver.handle('POST', new Headers(init.headers), init.body as string);
      return new Response('upstream timeout', { status: 504 });
    };
    const result = await run(w, sync('--once', '--slo', 'shop-search-latency'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('points=1440 accepted=0 duplicate=true');
    expect(result.stderr).toContain('HTTP 504 upstream timeout; retrying in 1 s');
    expect(result.stdout).toContain('duplicates=1');
    expect(stored(w, 'shop-search-latency')).toHaveLength(2 * 1440 + 28);
    expect(w.receiver.doubleCounted).toEqual([]);
  });

  it('does not push minutes Prometheus has no data for, and says how many were missing', async () => {
    const w = world();
    const gap = (t: number) => minuteIndex(t) >= 60 && minuteIndex(t) < 120;
    w.series = {
      ...SERIES,
      'sum(shop_search_requests_total)': (t) => (gap(t) ? undefined : 50 * minuteIndex(t)),
    };
    const result = await run(w, sync('--once', '--slo', 'shop-search-latency'));
    // Minutes 59…119 lack a sample at their start or end: 61 missing.
    expect(stored(w, 'shop-search-latency')).toHaveLength(2 * 1440 + 28 - 61);
    expect(result.stdout).toContain('missing-minutes=61 gaps=61 resets=0');
  });

  it('--dry-run queries and prints the batches but pushes nothing', async () => {
    const w = world();
    const result = await run(w, sync('--dry-run', '--slo', 'shop-checkout-minutes'));
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(
      /^would-push slo=shop-checkout-minutes start=2026-03-01T00:00:00Z end=2026-03-02T00:00:00Z points=1440 bytes=\d+ id=shop-checkout-minutes\.20260301T0000Z-20260302T0000Z$/,
    );
    expect(w.receiver.log.map((r) => r.method)).toEqual(['GET']);
  });

  it('runs each query as written over query_range, with the basic-auth credentials', async () => {
    const w = world();
    w.files['prom-auth'] = 'reader:s3cret\n';
    await run(
      w,
      sync('--once', '--slo', 'shop-checkout-availability', '--basic-auth-file', 'prom-auth'),
    );
    const first = w.promRequests[0]!;
    expect(new URL(first.url).searchParams.get('query')).toBe(
      'sum(shop_checkout_requests_total{code!~"5.."})',
    );
    expect(first.headers.get('authorization')).toBe(`Basic ${btoa('reader:s3cret')}`);
  });

  it('sends a bearer token from --bearer-token-file, and nothing without credentials', async () => {
    const w = world();
    w.files['prom-token'] = 'tok-123\n';
    await run(
      w,
      sync('--once', '--slo', 'shop-search-latency', '--bearer-token-file', 'prom-token'),
    );
    const plain = world();
    await run(plain, sync('--once', '--slo', 'shop-search-latency'));
    expect([
      w.promRequests[0]!.headers.get('authorization'),
      plain.promRequests[0]!.headers.get('authorization'),
    ]).toEqual(['Bearer tok-123', null]);
  });

  it('stops at --until, and exits 2 for an --until not on a whole minute', async () => {
    const w = world();
    const result = await run(
      w,
      sync('--once', '--slo', 'shop-search-latency', '--until', '2026-03-01T06:00:00Z'),
    );
    expect(stored(w, 'shop-search-latency').at(-1)![0]).toBe('2026-03-01T05:59:00.000Z');
    expect(result.stdout).toContain('synced slos=1 batches=1 points=360 ');
    const bad = await run(world(), sync('--until', '2026-03-01T06:00:30Z'));
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([
      2,
      'ballast: --until "2026-03-01T06:00:30Z" is not an ISO-8601 time on a whole minute, e.g. 2026-03-01T00:00:00Z',
    ]);
  });

  it('draws one progress line on a terminal and writes tenths to a log', async () => {
    const tty = await run(world(), sync('--once'), true);
    expect(tty.stderr).toContain(
      '\r\x1b[2Ksli sync [########################] 100% 8,724/8,724 min',
    );
    const log = await run(world(), sync('--once'));
    expect(log.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(10);
    expect(log.stderr).not.toContain('\r');
  });
});

const prometheusDown = (url: URL) => {
  if (url.origin === PROM) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
  return undefined;
};

describe('ballast sli sync failures and exit codes', () => {
  it.each<[string, (w: World) => void, number, string]>([
    [
      'an unreachable Prometheus',
      (w) => (w.intercept = prometheusDown),
      3,
      `${PROM}: Prometheus unreachable after 5 tries: fetch failed (ECONNREFUSED)`,
    ],
    [
      'a bad query, with Prometheus’s message',
      (w) => (w.series = {}),
      4,
      'bad_data: 1:1: parse error: unknown query sum(shop_checkout_requests_total{code!~"5.."})',
    ],
    [
      'a query returning several series',
      (w) =>
        (w.intercept = (url) =>
          url.origin === PROM
            ? Response.json({
                status: 'success',
                data: {
                  resultType: 'matrix',
                  result: [
                    { metric: { code: '200' }, values: [] },
                    { metric: { code: '500' }, values: [] },
                  ],
                },
              })
            : undefined),
      4,
      'the query returns 2 series ({"code":"200"}, {"code":"500"}…), not one: aggregate it',
    ],
    [
      'a --prometheus URL without the Prometheus API (404)',
      (w) =>
        (w.intercept = (url) =>
          url.origin === PROM ? new Response('404 page not found', { status: 404 }) : undefined),
      3,
      `${PROM}: no Prometheus query API there (HTTP 404 for /api/v1/query_range); check --prometheus`,
    ],
    [
      'an answer that is not Prometheus JSON (a login page)',
      (w) =>
        (w.intercept = (url) =>
          url.origin === PROM ? new Response('<html>Sign in</html>', { status: 200 }) : undefined),
      4,
      'no Prometheus query API there (HTTP 200',
    ],
    [
      'Prometheus refusing the credentials',
      (w) =>
        (w.intercept = (url) =>
          url.origin === PROM ? new Response('Unauthorized', { status: 401 }) : undefined),
      5,
      'Prometheus refused the credentials (HTTP 401)',
    ],
    [
      'a wrong signing secret',
      (w) => (w.files['secret.txt'] = 'not-the-secret'),
      5,
      'the app refused the SLI status request (HTTP 401): {"ok":false,"error":{"code":"UNAUTHORIZED","message":"The signature does not match the body."}}',
    ],
    [
      'a batch the app rejects, with its error JSON',
      (w) =>
        (w.receiver = createReceiver({
          secret: SECRET,
          kind: 'sli',
          now: () => w.now,
          slos: ['other'],
        })),
      6,
      'the app rejected batch shop-checkout-availability.20260301T0000Z-20260302T0000Z (HTTP 404): {"ok":false,"error":{"code":"UNKNOWN_SLO","message":"No SLO named shop-checkout-availability."}}',
    ],
    [
      'an app failing with 5xx',
      (w) =>
        (w.intercept = (url) =>
          url.origin === PROM ? undefined : new Response('{"message":"boom"}', { status: 500 })),
      7,
      'the SLI status request failed after 5 tries: HTTP 500 {"message":"boom"}',
    ],
  ])('stops on %s', async (_, setup, code, message) => {
    const w = world();
    setup(w);
    const result = await run(w, sync('--once'));
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
  });

  it.each([
    [
      'a missing option',
      ['sli', 'sync', '--prometheus', PROM],
      'sli sync needs --spec, --target, --secret-file',
    ],
    [
      '--once with --every',
      sync('--once', '--every', '5m'),
      '--once and --every exclude each other',
    ],
    ['a bad --since', sync('--since', '35 days'), '--since "35 days" is not a duration'],
    [
      'two kinds of auth',
      sync('--basic-auth-file', 'a', '--bearer-token-file', 'b'),
      'exclude each other',
    ],
    [
      'a target that is no URL',
      [...sync(), '--target', 'ballast'],
      '--target "ballast" is not a URL',
    ],
    ['an SLO not in the spec', sync('--slo', 'nope'), '--slo nope: not in'],
  ])('exits 2 with the usage on %s', async (_, argv, message) => {
    const result = await run(world(), argv);
    expect([
      result.code,
      result.stderr.includes(message),
      result.stderr.includes('Usage:'),
    ]).toEqual([2, true, true]);
  });

  it('exits 2 naming the file when the secret file is empty', async () => {
    const w = world();
    w.files['secret.txt'] = '\n';
    expect(await run(w, sync('--once'))).toMatchObject({
      code: 2,
      stderr: 'secret.txt: the signing secret file is empty\n',
    });
  });

  it('with --every keeps going after an unreachable Prometheus and pushes in the next cycle', async () => {
    const w = world();
    let refused = 0;
    w.intercept = (url) => (url.origin === PROM && refused++ < 5 ? prometheusDown(url) : undefined);
    w.stopAfterCycles = 2;
    const result = await run(w, sync('--every', '5m', '--slo', 'shop-search-latency'));
    expect(result.stderr).toContain('Prometheus unreachable after 5 tries');
    expect(result.stderr).toContain('trying again in the next cycle (--every)');
    expect(result.stdout).toContain('synced slos=1 batches=3');
    expect(stored(w, 'shop-search-latency').length).toBeGreaterThan(2 * 1440);
  });
});
