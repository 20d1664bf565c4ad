/**
 * The `ballast …` commands of src/cli/README.md's "### Examples": every command in a cron line,
 * systemd unit, Kubernetes CronJob, GitHub Actions step, GitLab CI job or shell block, continuation
 * lines joined and variables replaced by sample values. Run in-process by
 * src/cli/readme-examples.test.ts and with the installed package by
 * test/integration/cli-package.integration.test.ts, so the examples cannot rot.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** Every variable or CI expression an example may use, with a sample value. */
export const SAMPLE_VARIABLES: Readonly<Record<string, string>> = {
  BALLAST_DEPLOYMENTS_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-deployment-push',
  BALLAST_GATE_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-gate-check',
  BALLAST_INCIDENTS_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-incident-push',
  BALLAST_PUSH_SECRET: '/builds/tmp/BALLAST_PUSH_SECRET',
  BALLAST_SLI_URL: 'https://example.hello.atlassian-dev.net/x1/ballast-sli-push',
  CI_COMMIT_BEFORE_SHA: 'GIT_BEFORE',
  CI_COMMIT_SHA: 'GIT_HEAD',
  CI_ENVIRONMENT_NAME: 'production',
  ISSUE_KEYS: 'SHOP-7,SHOP-9',
  REPORT_AT: '2026-03-10T12:00:00Z',
  RUNNER_TEMP: '/home/runner/work/_temp',
  'vars.BALLAST_GATE_URL': 'https://example.hello.atlassian-dev.net/x1/ballast-gate-check',
  'github.event.before': 'GIT_BEFORE',
  'github.sha': 'GIT_HEAD',
  'vars.BALLAST_DEPLOYMENTS_URL':
    'https://example.hello.atlassian-dev.net/x1/ballast-deployment-push',
  "job.status == 'success' && 'success' || 'failed'": 'success',
  'inputs.issue_keys': 'SHOP-1,SHOP-2',
};

/** Where an example runs, for the CI variables its default ids read. */
export type ExampleCi = 'github' | 'gitlab' | null;

export interface ReadmeExample {
  /** The code block's language: cron, ini, yaml, sh. */
  readonly lang: string;
  readonly ci: ExampleCi;
  readonly argv: string[];
}

type Lookup = (name: string) => string;

function substitute(text: string, lookup: Lookup): string {
  return text
    .replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, name: string) => lookup(name))
    .replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, name: string) => lookup(name));
}

/** Shell words of one command line, up to a pipe, redirection or separator. */
function words(line: string, lookup: Lookup): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|"((?:[^"\\]|\\.)*)"|(\|\||&&|[|;]|\d?>&?\d?\S*)|(\S+)/g;
  for (const m of line.matchAll(re)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? substitute(m[2] ?? m[4]!, lookup));
  }
  return out;
}

/** `ballast …` invocations in shell text (continuation lines joined). */
function commandsInShell(text: string, lookup: Lookup): string[][] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .flatMap((line) => {
      const m = /(?:^|[\s/=])ballast\s+((?:sli|deploy|incident|slo|gate)\b.*)$/.exec(line);
      return m ? [words(m[1]!, lookup)] : [];
    });
}

/** Kubernetes containers' args, GitHub `run:` scripts and GitLab `script:` lines. */
function commandsInYaml(value: unknown, lookup: Lookup): { argv: string[]; ci: ExampleCi }[] {
  if (Array.isArray(value)) return value.flatMap((v) => commandsInYaml(v, lookup));
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  const found: { argv: string[]; ci: ExampleCi }[] = [];
  if (typeof node.image === 'string' && Array.isArray(node.args))
    found.push({ argv: node.args.map(String), ci: null });
  if (typeof node.run === 'string')
    for (const argv of commandsInShell(node.run, lookup)) found.push({ argv, ci: 'github' });
  if (Array.isArray(node.script))
    for (const line of node.script)
      for (const argv of commandsInShell(String(line), lookup)) found.push({ argv, ci: 'gitlab' });
  for (const [key, child] of Object.entries(node))
    if (key !== 'args' && key !== 'run' && key !== 'script')
      found.push(...commandsInYaml(child, lookup));
  return found;
}

/** The examples of `readme` (default src/cli/README.md), with `variables` substituted. */
export function readmeExamples(
  variables: Readonly<Record<string, string>> = SAMPLE_VARIABLES,
  readme = readFileSync('src/cli/README.md', 'utf8'),
): ReadmeExample[] {
  const lookup: Lookup = (name) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`README example uses ${name}: add a sample value`);
    return value;
  };
  const section = readme.slice(readme.indexOf('### Examples'));
  return [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].flatMap((m) => {
    const lang = m[1]!;
    const body = m[2]!;
    if (lang === 'yaml')
      return commandsInYaml(parseYaml(body), lookup).map((e) => ({ lang, ...e }));
    return commandsInShell(body, lookup).map((argv) => ({ lang, ci: null, argv }));
  });
}

/** SLI intervals as the CSV `slo report --data` reads (src/cli/README.md, "SLI data"). */
export function sliCsv(
  intervals: Readonly<
    Record<string, readonly { start: number; end: number; good: number; total: number }[]>
  >,
): string {
  const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
  const rows = Object.entries(intervals).flatMap(([slo, list]) =>
    list.map((i) => `${slo},${iso(i.start)},${iso(i.end)},${i.good},${i.total}`),
  );
  return `slo,start,end,good,total\n${rows.join('\n')}\n`;
}
