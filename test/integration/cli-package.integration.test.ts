/**
 * The `ballast` package as a pipeline installs it (issue #25): scripts/pack-cli.mjs builds and packs
 * packages/ballast-cli, the tarball is installed with `npm install -g --offline` into an empty
 * prefix (nothing from a registry, no dev dependency), and every example of src/cli/README.md runs
 * with the installed binary against the app on the sandbox: the syncs from a real Prometheus, the
 * deployment and incident records through the signed web triggers, `slo validate` and `slo report`
 * on the same data. Paths, URLs and secrets of the examples are replaced by this test's own.
 *
 * Skips with a message when promtool/prometheus are absent (on CI the connector test fails then).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView, SloListView } from '../../src/contract/slo';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/domain/slo';
import { installCli, packCli } from '../../scripts/pack-cli.mjs';
import { shopData } from '../fixtures/connector/shop-data';
import {
  prometheusAvailable,
  startLocalPrometheus,
  type LocalPrometheus,
} from '../fixtures/prometheus/local-prometheus';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { commitsRepo } from '../support/git-commits';
import {
  SAMPLE_VARIABLES,
  readmeExamples,
  sliCsv,
  type ReadmeExample,
} from '../support/readme-examples';
import { testClockChildEnv } from '../support/test-clock';

const SPEC_PATH = 'test/fixtures/connector/shop.openslo.yaml';
const YAML = readFileSync(SPEC_PATH, 'utf8');
const available = prometheusAvailable();
if (!available)
  console.warn('Installed-package test skipped: promtool/prometheus are not installed');

// Three days of history (the least shopData makes) up to the last whole hour, so --since 35d holds it.
const NOW = Date.now();
const END = Math.floor(NOW / HOUR_MS) * HOUR_MS - HOUR_MS;
const START = END - 3 * DAY_MS;
const DATA = shopData(START, 3 * 1440);
const REPORT_AT = new Date(END).toISOString();

const CI_ENV = {
  github: {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '41',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'deploy',
  },
  gitlab: { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/shop', CI_JOB_ID: '907' },
} as const;
/** The CI variables ci-id.ts reads: none may leak in from the machine running the test. */
const CI_KEYS = ['GITHUB_ACTIONS', 'GITLAB_CI', 'JENKINS_URL', 'CIRCLECI'];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(!available)('the packed ballast command, installed into an empty prefix', () => {
  let dir: string;
  let binary: string;
  let prometheus: LocalPrometheus;
  let sandbox: AppSandbox;
  let closeListener: () => Promise<void>;
  let rotated: RotatedSecretView;
  // The commits a release carries, for the gate examples' --commits-from (git runs in this repo).
  const repo = commitsRepo(['SHOP-3: coupons', 'SHOP-4: basket total']);
  const file = (name: string) => join(dir, 'files', name);

  async function call<T>(key: string, payload: unknown = {}): Promise<T> {
    const envelope = (await sandbox.host.invokeResolver({
      moduleKey: 'ballast-issue-panel',
      functionKey: key,
      payload,
      accountId: ADMIN_ACCOUNT_ID,
      extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP', id: '10000' } },
    })) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${key}: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }

  /** The example's argv with this test's Prometheus, app URLs and files in place of the README's. */
  function localArgv(example: ReadmeExample): string[] {
    const [group] = example.argv;
    const target = {
      sli: rotated.urls.sli!,
      deploy: rotated.urls.deployments!,
      incident: rotated.urls.incidents!,
      gate: rotated.urls.gateCheck!,
    }[group as 'sli'];
    const replace: Record<string, string> = {
      '--prometheus': prometheus.url,
      '--target': target,
      '--spec': SPEC_PATH,
      '--data': file('sli.csv'),
      '--secret-file': file('push-secret'),
      '--bearer-token-file': file('prometheus-token'),
      '--basic-auth-file': file('prometheus-auth'),
      // The release gate's examples: this test's service, and a range of the throw-away repo.
      ...(group === 'gate'
        ? { '--service': 'shop-checkout', '--commits-from': `${repo.before}..${repo.head}` }
        : {}),
    };
    return example.argv.map((arg, i) => {
      const option = example.argv[i - 1] ?? '';
      if (option in replace) return replace[option]!;
      return arg.endsWith('.yaml') ? SPEC_PATH : arg;
    });
  }

  /** Runs the installed binary on the test clock; `stopAt` ends a long-running one on that line. */
  function ballast(
    argv: readonly string[],
    ci: ReadmeExample['ci'],
    stopAt?: RegExp,
    cwd?: string,
  ) {
    const env = testClockChildEnv();
    for (const key of CI_KEYS) delete env[key];
    return new Promise<Run>((resolve, reject) => {
      const child = spawn(binary, argv, {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...env, ...(ci === null ? {} : CI_ENV[ci]) },
        ...(cwd === undefined ? {} : { cwd }),
      });
      const out: Run = { code: null, stdout: '', stderr: '' };
      child.stdout.on('data', (chunk: Buffer) => {
        out.stdout += chunk.toString();
        if (stopAt?.test(out.stdout)) child.kill('SIGTERM');
      });
      child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ ...out, code }));
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ballast-cli-package-'));
    mkdirSync(join(dir, 'prefix'));
    mkdirSync(join(dir, 'files'));
    const tarball = await packCli(dir, { quiet: true });
    binary = installCli(tarball, join(dir, 'prefix'));
    prometheus = await startLocalPrometheus(DATA.openMetrics);
    sandbox = await startAppSandbox();
    const listener = await sandbox.host.listen();
    closeListener = () => listener.close();
    const { version } = await call<SloListView>('slo/list');
    await call<SloListView>('slo/import', { yaml: YAML, version });
    rotated = await call<RotatedSecretView>('push/rotateSecret');
    writeFileSync(file('push-secret'), `${rotated.secret}\n`, { mode: 0o600 });
    writeFileSync(file('prometheus-token'), 'unused-by-a-local-prometheus\n');
    writeFileSync(file('prometheus-auth'), 'ballast:unused\n');
    writeFileSync(file('sli.csv'), sliCsv(DATA.expected));
  }, 180_000);

  afterAll(async () => {
    prometheus?.stop();
    await closeListener?.();
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    repo.remove();
  });

  it('installs a binary that needs nothing but node: --version and --help', async () => {
    const version = (
      JSON.parse(readFileSync('packages/ballast-cli/package.json', 'utf8')) as {
        version: string;
      }
    ).version;
    expect(await ballast(['--version'], null)).toEqual({
      code: 0,
      stdout: `ballast ${version}\n`,
      stderr: '',
    });
    const help = await ballast(['deploy', 'record', '--help'], null);
    expect([help.code, help.stdout.split('\n')[0]]).toEqual([0, 'Usage:']);
  });

  const examples = readmeExamples({ ...SAMPLE_VARIABLES, REPORT_AT });
  it.each(examples.map((e) => [`${e.lang}: ballast ${e.argv.slice(0, 2).join(' ')}`, e] as const))(
    'runs the README example %s with the installed binary against the sandbox',
    async (_, example) => {
      const [group, command] = example.argv;
      const every = example.argv.includes('--every');
      const run = await ballast(
        localArgv(example),
        example.ci,
        every ? /^synced /m : undefined,
        group === 'gate' ? repo.dir : undefined,
      );
      // stderr holds the progress lines only: no retry, no warning.
      expect(run.stderr.split('\n').filter((l) => l && !l.startsWith('sli sync ['))).toEqual([]);
      // A --every loop runs until stopped: it ends on the signal after its first pass.
      expect(run.code).toBe(every ? null : 0);
      if (group === 'sli') expect(run.stdout).toMatch(/^synced slos=3 batches=\d+ /m);
      if (group === 'deploy' || group === 'incident')
        expect(run.stdout).toMatch(/^recorded (deployment|incident) id=\S+ accepted=[01] /);
      // Nothing froze SHOP here: the gate lets the release go.
      if (group === 'gate') expect(run.stdout).toMatch(/^ballast gate check: ALLOWED/);
      if (group === 'slo' && command === 'validate')
        expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, slos: 3 });
      if (group === 'slo' && command === 'report') {
        const report = JSON.parse(run.stdout) as { at: string; slos: { name: string }[] };
        expect([report.at, report.slos.map((s) => s.name)]).toEqual([
          REPORT_AT,
          ['shop-checkout-availability', 'shop-search-latency', 'shop-checkout-minutes'],
        ]);
      }
    },
    120_000,
  );

  it('has pushed the history to the app, through the end of the backfill', async () => {
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const list = await call<SloListView>('slo/list');
    // The backfilled samples stop without a stale marker, so Prometheus's 5-minute lookback
    // answers 5 more minutes, as 0 events (src/cli/README.md, "Missing data is missing").
    const until = new Date(END + 5 * MINUTE_MS).toISOString();
    expect(list.slos.map((s) => [s.name, s.dataUntil])).toEqual(
      Object.keys(DATA.expected).map((name) => [name, until]),
    );
  });
});
