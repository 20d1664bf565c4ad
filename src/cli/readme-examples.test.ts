/**
 * The examples in src/cli/README.md ("### Examples") are run through the CLI so they cannot rot:
 * every `ballast …` command in a cron line, systemd unit, Kubernetes CronJob, GitHub Actions step,
 * GitLab CI job or shell block is extracted, its variables replaced by the sample values below,
 * and it is run in-process with `--dry-run` against a fake Prometheus and a signed receiver
 * (`--every` loops are only parsed, by the same parser main uses).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createReceiver } from '../../test/fixtures/connector/receiver';
import { fakePrometheusAnswer } from '../../test/fixtures/prometheus/fake';
import { deploymentSchema, incidentSchema } from '../contract/push-api';
import { main } from './main';
import { SLI_SYNC_OPTIONS } from './options';
import { sliSyncArgs } from './sli-sync/command';

const README = readFileSync('src/cli/README.md', 'utf8');
const EXAMPLES = README.slice(README.indexOf('### Examples'));

/** Every variable or CI expression an example may use, with a sample value. */
const VARIABLES: Record<string, string> = {
  BALLAST_DEPLOYMENTS_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-deployment-push',
  BALLAST_INCIDENTS_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-incident-push',
  BALLAST_PUSH_SECRET: '/builds/tmp/BALLAST_PUSH_SECRET',
  BALLAST_SLI_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-sli-push',
  CI_ENVIRONMENT_NAME: 'production',
  ISSUE_KEYS: 'SHOP-7,SHOP-9',
  RUNNER_TEMP: '/home/runner/work/_temp',
  'vars.BALLAST_DEPLOYMENTS_URL':
    'https://example.hello.atlassian-dev.net/x1/ballast-deployment-push',
  "job.status == 'success' && 'success' || 'failed'": 'success',
  'inputs.issue_keys': 'SHOP-1,SHOP-2',
};

const substitute = (text: string): string =>
  text
    .replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => lookup(name))
    .replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, name: string) => lookup(name));

function lookup(name: string): string {
  const value = VARIABLES[name];
  if (value === undefined) throw new Error(`README example uses ${name}: add a sample value`);
  return value;
}

/** Shell words of one command line, up to a pipe, redirection or separator. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\|\||&&|[|;]|\d?>&?\d?\S*)|(\S+)/g;
  for (const m of line.matchAll(re)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? substitute(m[2] ?? m[4]!));
  }
  return out;
}

/** `ballast …` invocations in shell text (continuation lines joined). */
function commandsInShell(text: string): string[][] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const m = /(?:^|[\s/=])ballast\s+((?:sli|deploy|incident|slo)\b.*)$/.exec(line);
      return m ? [words(m[1]!)] : [];
    });
}

/** Kubernetes containers' args, GitHub `run:` scripts and GitLab `script:` lines. */
function commandsInYaml(value: unknown): string[][] {
  if (Array.isArray(value)) return value.flatMap(commandsInYaml);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const found: string[][] = [];
  if (typeof node.image === 'string' && Array.isArray(node.args)) found.push(node.args.map(String));
  if (typeof node.run === 'string') found.push(...commandsInShell(node.run));
  if (Array.isArray(node.script))
    for (const line of node.script) found.push(...commandsInShell(String(line)));
  for (const [key, child] of Object.entries(node))
    if (key !== 'args' && key !== 'run' && key !== 'script') found.push(...commandsInYaml(child));
  return found;
}

interface Example {
  readonly lang: string;
  readonly argv: string[];
}

const examples: Example[] = [...EXAMPLES.matchAll(/```(\w*)\n([\s\S]*?)```/g)].flatMap((m) => {
  const lang = m[1]!;
  const body = m[2]!;
  const argvs = lang === 'yaml' ? commandsInYaml(parseYaml(body)) : commandsInShell(body);
  return argvs.map((argv) => ({ lang, argv }));
});

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
  yaml: {
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '1',
    GITHUB_JOB: 'deploy',
  },
};

async function dryRun(example: Example) {
  let stdout = '';
  let stderr = '';
  const receiver = createReceiver({ secret: SECRET, kind: 'sli', now: () => NOW });
  const code = await main([...example.argv, '--dry-run'], {
    readFile: (path) =>
      /\.ya?ml$/.test(path) ? SHOP_SPEC : path.includes('token') ? 't0k' : SECRET,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => NOW,
    sleep: () => Promise.resolve(),
    env: CI_ENV[example.lang] ?? {},
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
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
      'sh incident record',
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
      const schema = group === 'deploy' ? deploymentSchema : incidentSchema;
      expect(schema.safeParse(JSON.parse(result.stdout)).success).toBe(true);
    },
  );
});
