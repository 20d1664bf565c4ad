import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string): string => `test/fixtures/slo/${name}`;
const SPEC = fixture('checkout.openslo.yaml');
const DATA = fixture('checkout-data.csv');

/** Runs the CLI in-process; `files` replaces or adds file contents by path. */
async function run(argv: readonly string[], files: Readonly<Record<string, string>> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: (path) => files[path] ?? readFileSync(`${root}${path}`, 'utf8'),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

const report = (...extra: string[]) => [
  'slo',
  'report',
  '--spec',
  SPEC,
  '--data',
  DATA,
  '--at',
  '2026-03-04T00:00:00Z',
  ...extra,
];

describe('ballast slo validate', () => {
  it('accepts the fixture and says what it holds', async () => {
    expect(await run(['slo', 'validate', SPEC])).toEqual({
      code: 0,
      stdout: `${SPEC}: valid OpenSLO v1 — 3 SLO, 1 SLI, 2 Service\n`,
      stderr: '',
    });
  });

  it('exits 1 listing each problem with file, line, document and field', async () => {
    const broken = readFileSync(`${root}${SPEC}`, 'utf8').replace('target: 0.999', 'target: 1.5');
    const result = await run(['slo', 'validate', 'broken.yaml'], { 'broken.yaml': broken });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'broken.yaml:50: document 4 (SLO checkout-availability): spec.objectives[0].target: number 1.5 is not allowed: a number from 0 up to but excluding 1, e.g. 0.999\nbroken.yaml: 1 problem\n',
    );
  });

  it('exits 2 when the file cannot be read', async () => {
    const result = await run(['slo', 'validate', 'nope.yaml']);
    expect([
      result.code,
      result.stderr.startsWith('nope.yaml: cannot read the OpenSLO file: ENOENT'),
    ]).toEqual([2, true]);
  });
});

describe('ballast slo report', () => {
  let json: { at: string; slos: Record<string, unknown>[]; gate: { state: string } };
  beforeAll(async () => {
    json = JSON.parse((await run(report('--format', 'json'))).stdout) as typeof json;
  });

  it('keeps the contract keys for every SLO', () => {
    const keys = [
      'name',
      'service',
      'target',
      'window',
      'sli',
      'allowedBadEvents',
      'badEvents',
      'budgetRemaining',
      'burnRates',
      'alerts',
      'exhaustsInSeconds',
      'state',
    ];
    expect(json.at).toBe('2026-03-04T00:00:00.000Z');
    for (const slo of json.slos) expect(Object.keys(slo)).toEqual(expect.arrayContaining(keys));
    expect(Object.keys(json.slos[0]!.burnRates as object)).toEqual([
      '5m',
      '30m',
      '1h',
      '2h',
      '6h',
      '1d',
      '3d',
      'window',
    ]);
    expect(Object.keys((json.slos[0]!.alerts as object[])[0]!)).toEqual(
      expect.arrayContaining(['severity', 'longWindow', 'shortWindow', 'factor', 'firing']),
    );
  });

  it.each([
    ['checkout-availability', 'FROZEN', 0.999, '28d', 4320, 6060],
    ['checkout-minutes', 'FROZEN', 0.995, 'month', 21600, 8130],
    ['search-latency', 'HEALTHY', 0.99, '30d', 7920, 2640],
  ])(
    'reports %s as %s with target %d over %s, %d bad events allowed and %d spent',
    (name, state, target, window, allowed, bad) => {
      const slo = json.slos.find((s) => s.name === name)!;
      expect([slo.state, slo.target, slo.window, slo.badEvents]).toEqual([
        state,
        target,
        window,
        bad,
      ]);
      expect(slo.allowedBadEvents).toBeCloseTo(allowed, 6);
    },
  );

  it('writes null, not 0, for SLOs without data, and calls them NO_DATA', async () => {
    const csv =
      'slo,start,end,good,total\ncheckout-availability,2026-03-01T00:00:00Z,2026-03-01T01:00:00Z,60000,60000\n';
    const result = await run(
      [
        'slo',
        'report',
        '--spec',
        SPEC,
        '--data',
        'data.csv',
        '--at',
        '2026-03-01T01:00:00Z',
        '--format',
        'json',
      ],
      { 'data.csv': csv },
    );
    const slo = (JSON.parse(result.stdout) as typeof json).slos.find(
      (s) => s.name === 'search-latency',
    )!;
    expect([slo.sli, slo.budgetRemaining, slo.exhaustsInSeconds, slo.state]).toEqual([
      null,
      null,
      null,
      'NO_DATA',
    ]);
    expect(Object.values(slo.burnRates as object).every((v) => v === null)).toBe(true);
  });

  it('forecasts the budget at --forecast-at from the current 1h burn rate', async () => {
    const out = JSON.parse(
      (await run(report('--format', 'json', '--forecast-at', '2026-03-11T00:00:00Z'))).stdout,
    ) as typeof json;
    const slo = out.slos.find((s) => s.name === 'search-latency')!;
    const forecast = slo.forecast as { at: string; budgetRemaining: number };
    // 40 bad of 12,000 an hour is burn rate 1/3; a week at 1/3 over a 30-day window spends 7/90.
    expect(forecast.at).toBe('2026-03-11T00:00:00.000Z');
    expect(forecast.budgetRemaining).toBeCloseTo((slo.budgetRemaining as number) - 7 / 90, 9);
  });

  it('gives the project gate as the worst state', () => {
    expect(json.gate.state).toBe('FROZEN');
  });

  it('prints a table for people by default', async () => {
    const { code, stdout } = await run(report());
    expect(code).toBe(0);
    expect(stdout).toContain('search-latency         search    99.00%  30d');
    expect(stdout).toContain('Project gate: FROZEN');
  });

  it.each([
    [
      'a data line with a bad time',
      'slo,start,end,good,total\ncheckout-availability,yesterday,2026-03-01T00:01:00Z,1,1\n',
      'data.csv:2: start "yesterday" is not an ISO-8601 time with a zone, e.g. 2026-01-01T00:00:00Z',
    ],
    [
      'an unknown SLO',
      'slo,start,end,good,total\nnope,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,1,1\n',
      'data.csv:2: slo "nope" is not in the spec; allowed: checkout-availability, checkout-minutes, search-latency',
    ],
    [
      'more good than total',
      'slo,start,end,good,total\n\nsearch-latency,2026-03-01T00:00:00Z,2026-03-01T00:01:00Z,5,1\n',
      'data.csv:3: search-latency: good (5) must not exceed total (1)',
    ],
    [
      'a wrong header',
      'slo,from,to,good,total\n',
      'data.csv:1: the header must be "slo,start,end,good,total", got "slo,from,to,good,total"',
    ],
    [
      'overlapping rows',
      'slo,start,end,good,total\nsearch-latency,2026-03-01T00:00:00Z,2026-03-01T00:05:00Z,5,5\nsearch-latency,2026-03-01T00:03:00Z,2026-03-01T00:04:00Z,5,5\n',
      'data.csv:3: search-latency: overlaps the interval starting 2026-03-01T00:00:00.000Z',
    ],
  ])('exits 2 on %s, naming the file and line', async (_, csv, message) => {
    const result = await run(
      ['slo', 'report', '--spec', SPEC, '--data', 'data.csv', '--at', '2026-03-04T00:00:00Z'],
      { 'data.csv': csv },
    );
    expect([result.code, result.stderr]).toEqual([2, `${message}\n`]);
  });

  it.each([
    ['a missing --at', ['slo', 'report', '--spec', SPEC, '--data', DATA], 'slo report needs --at'],
    [
      'an unknown format',
      report('--format', 'xml'),
      '--format "xml" is not allowed: json or table',
    ],
    ['an unknown option', report('--verbose'), "Unknown option '--verbose'"],
    [
      'an unknown command',
      ['slo', 'export'],
      'unknown slo command "export"; allowed: validate, report',
    ],
    ['the command constructor', ['constructor', 'x'], 'unknown command "constructor"; allowed:'],
    ['the command toString', ['toString', 'x'], 'unknown command "toString"; allowed:'],
    ['the command __proto__', ['__proto__', 'x'], 'unknown command "__proto__"; allowed:'],
  ])('exits 2 with usage on %s', async (_, argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage:');
  });

  it('exits 2 on a bad --at', async () => {
    expect(
      (await run(['slo', 'report', '--spec', SPEC, '--data', DATA, '--at', '2026-03-04'])).stderr,
    ).toBe('--at "2026-03-04" is not an ISO-8601 time with a zone, e.g. 2026-03-01T00:00:00Z\n');
  });
});

describe('bin/ballast.mjs', () => {
  it('runs for real under node: validate passes and a broken report exits 2', () => {
    const ok = spawnSync(process.execPath, ['bin/ballast.mjs', 'slo', 'validate', SPEC], {
      cwd: root,
      encoding: 'utf8',
    });
    expect([ok.status, ok.stdout]).toEqual([
      0,
      `${SPEC}: valid OpenSLO v1 — 3 SLO, 1 SLI, 2 Service\n`,
    ]);
    const bad = spawnSync(
      process.execPath,
      [
        'bin/ballast.mjs',
        'slo',
        'report',
        '--spec',
        SPEC,
        '--data',
        SPEC,
        '--at',
        '2026-03-04T00:00:00Z',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([
      2,
      `${SPEC}:1: the header must be "slo,start,end,good,total", got "# Two services, a shared SLI, and three SLOs: rolling Occurrences, calendar Timeslices, inline SLI."`,
    ]);
  });
});
