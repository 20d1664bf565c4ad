/**
 * The examples in src/cli/README.md ("### Examples") are run through the CLI so they cannot rot:
 * every `ballast …` command in a cron line, systemd unit, Kubernetes CronJob, GitHub Actions step,
 * GitLab CI job or shell block is extracted (test/support/readme-examples.ts), its variables
 * replaced by sample values, and it is run in-process: the network commands with `--dry-run`
 * against a fake Prometheus and a signed receiver, `slo` on the shop spec and three days of data
 * (`--every` loops are only parsed, by the same parser main uses). The installed package runs them
 * for real in test/integration/cli-package.integration.test.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createReceiver } from '../../test/fixtures/connector/receiver';
import { shopData } from '../../test/fixtures/connector/shop-data';
import { fakePrometheusAnswer } from '../../test/fixtures/prometheus/fake';
import { readmeExamples, sliCsv, type ReadmeExample } from '../../test/support/readme-examples';
import { gateCheckSchema } from '../contract/gate-check';
import { deploymentSchema, incidentSchema } from '../contract/push-api';
import { signature } from './push/sign';
import { main } from './main';
import { SLI_SYNC_OPTIONS } from './options';
import { sliSyncArgs } from './sli-sync/command';

const examples = readmeExamples();

const SECRET = 'whsec_readme';
const SHOP_SPEC = readFileSync('test/fixtures/connector/shop.openslo.yaml', 'utf8');
const NOW = Date.parse('2026-03-10T12:00:00Z');
/** Closed-form counters for the shop spec's queries: 100 requests a minute, 1 failing. */
const minute = (t: number) => t / 60_000;
const SERIES = {
  'sum(shop_checkout_requests_total{code!~"5.."})': (t: number) => 99 * minute(t),
  'sum(shop_checkout_requests_total)': (t: number) => 100 * minute(t),
  'sum(shop_search_requests_slow_total)': (t: number) => minute(t),
  'sum(shop_search_requests_total)': (t: number) => 50 * minute(t),
  'sum(shop:checkout_requests:increase1m{code_class!="5xx"})': () => 99,
  'sum(shop:checkout_requests:increase1m)': () => 100,
};
const CI_ENV: Record<string, Record<string, string>> = {
  github: {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '1',
    GITHUB_JOB: 'deploy',
  },
  gitlab: { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/shop', CI_JOB_ID: '7' },
};
/** SLI data for `slo report`: three days of every shop SLO up to the sample REPORT_AT. */
const SHOP_CSV = sliCsv(shopData(NOW - 3 * 86_400_000, 3 * 1440).expected);

/** What the gate examples sent: the signed body, checked against the contract. */
const gateBodies: unknown[] = [];
const gitCalls: string[][] = [];

/**
 * The app's release gate as far as this test goes: the signature must verify and the body match
 * the contract; it answers that the release may go. The real app answers in
 * test/integration/gate-check.integration.test.ts, which runs these examples against the sandbox.
 */
function gateAnswer(init: RequestInit | undefined): Response {
  const headers = new Headers(init?.headers);
  const body = (init?.body as string | undefined) ?? '';
  const timestamp = Number(headers.get('x-ballast-timestamp'));
  if (headers.get('x-ballast-signature') !== signature(SECRET, timestamp, body))
    return new Response('{"ok":false}', { status: 401 });
  gateBodies.push(gateCheckSchema.parse(JSON.parse(body)));
  const answer = { ok: true, allowed: true, projects: [], unknownKeys: [], otherKeys: [] };
  return new Response(JSON.stringify(answer), { status: 200 });
}

/** The record and sync commands run with `--dry-run`; the slo commands read files only. */
const NETWORK = new Set(['sli', 'deploy', 'incident']);

async function dryRun(example: ReadmeExample) {
  let stdout = '';
  let stderr = '';
  const receiver = createReceiver({ secret: SECRET, kind: 'sli', now: () => NOW });
  const dry = NETWORK.has(example.argv[0]!) ? ['--dry-run'] : [];
  const code = await main([...example.argv, ...dry], {
    readFile: (path) =>
      /\.ya?ml$/.test(path)
        ? SHOP_SPEC
        : path.endsWith('.csv')
          ? SHOP_CSV
          : path.includes('token')
            ? 't0k'
            : SECRET,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => NOW,
    sleep: () => Promise.resolve(),
    env: (example.ci && CI_ENV[example.ci]) ?? {},
    git: (args) => {
      gitCalls.push([...args]);
      return 'SHOP-7: coupons\n\nSHOP-9 fix (UTF-8)\n';
    },
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname.endsWith('/ballast-gate-check')) return Promise.resolve(gateAnswer(init));
      if (url.pathname.endsWith('/api/v1/query_range'))
        return Promise.resolve(fakePrometheusAnswer(url, SERIES));
      const answer = receiver.handle(init?.method ?? 'GET', new Headers(init?.headers), '');
      return Promise.resolve(new Response(answer.body, { status: answer.status }));
    },
  });
  return { code, stdout, stderr };
}

describe('src/cli/README.md examples', () => {
  it('has a ballast command in each example: cron, systemd, Kubernetes, GitHub, GitLab, shell', () => {
    expect(examples.map((e) => `${e.lang} ${e.argv.slice(0, 2).join(' ')}`)).toEqual([
      'cron sli sync',
      'ini sli sync',
      'yaml sli sync',
      'sh sli sync',
      'yaml deploy record',
      'yaml deploy record',
      'yaml gate check',
      'yaml gate check',
      'sh incident record',
      'sh slo validate',
      'sh slo report',
    ]);
  });

  it.each(examples.map((e) => [`${e.lang}: ballast ${e.argv.join(' ')}`, e] as const))(
    'runs %s',
    async (_, example) => {
      const [group] = example.argv;
      if (group === 'sli' && example.argv.includes('--every')) {
        const { values } = parseArgs({ args: example.argv.slice(2), options: SLI_SYNC_OPTIONS });
        expect(() => sliSyncArgs(values)).not.toThrow();
        return;
      }
      const result = await dryRun(example);
      // stderr holds progress lines only: no warning, no retry.
      expect(result.stderr.split('\n').filter((l) => l && !l.startsWith('sli sync ['))).toEqual([]);
      expect(result.code).toBe(0);
      if (group === 'sli') {
        expect(result.stdout).toMatch(/^dry-run slos=3 batches=\d+ points=\d+ /m);
        return;
      }
      if (group === 'slo') {
        const [, command] = example.argv;
        const out = JSON.parse(result.stdout) as { valid?: boolean; slos: unknown[] | number };
        expect(command === 'validate' ? out.valid : (out.slos as unknown[]).length).toBe(
          command === 'validate' ? true : 3,
        );
        return;
      }
      if (group === 'gate') {
        // The keys of the commit messages in the documented range, signed to the documented URL.
        expect(gitCalls.at(-1)).toEqual(['log', '--format=%B', 'GIT_BEFORE..GIT_HEAD', '--']);
        expect(gateBodies.at(-1)).toMatchObject({ issueKeys: ['SHOP-7', 'SHOP-9', 'UTF-8'] });
        expect(result.stdout).toBe('ballast gate check: ALLOWED — the release may go.\n');
        return;
      }
      const schema = group === 'deploy' ? deploymentSchema : incidentSchema;
      expect(schema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
    },
  );
});
