/**
 * Every `ballast` command: its usage text and options. The one table that the top-level help,
 * `<command> --help`, the argument parser and shell completion read, so they cannot disagree.
 * It imports no command code: each command's module is loaded only when that command runs.
 */
import {
  DEPLOY_OPTIONS,
  GATE_CHECK_OPTIONS,
  INCIDENT_OPTIONS,
  REPORT_OPTIONS,
  SLI_SYNC_OPTIONS,
  VALIDATE_OPTIONS,
} from './options';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly default?: string | boolean;
}

export interface CommandSpec {
  readonly group: string;
  /** The sub-command; null when the group itself is the command (`completion bash`). */
  readonly name: string | null;
  /** Synopsis lines, without the leading "ballast". */
  readonly synopsis: string;
  /** What it does, for `ballast <command> --help`. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Whether it takes FILE arguments (completion offers files). */
  readonly positionals: boolean;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    group: 'slo',
    name: 'validate',
    synopsis: 'slo validate FILE [--json]',
    description:
      'Check an OpenSLO v1 file (kinds SLO, SLI, Service). Exit 1 with the problems.\n' +
      '--json prints { file, valid, slos, slis, services, problems[] } on stdout.',
    options: VALIDATE_OPTIONS,
    positionals: true,
  },
  {
    group: 'slo',
    name: 'report',
    synopsis:
      'slo report --spec FILE --data FILE --at ISO [--format json|table] [--json] [--step 5m] [--forecast-at ISO]',
    description:
      'Error budgets, burn rates, alerts and policy state of every SLO in FILE at ISO.\n' +
      '--data is CSV with the header slo,start,end,good,total (ISO-8601 times, whole minutes).\n' +
      '--step is the policy replay step (default 5m); --forecast-at forecasts the budget then.\n' +
      '--json is --format json (the JSON contract in src/cli/README.md).',
    options: REPORT_OPTIONS,
    positionals: false,
  },
  {
    group: 'sli',
    name: 'sync',
    synopsis:
      'sli sync --prometheus URL --spec FILE --target URL --secret-file FILE\n' +
      '         [--since 35d] [--until ISO] [--once | --every 5m] [--dry-run] [--rate 10]\n' +
      '         [--slo NAME,NAME] [--basic-auth-file FILE | --bearer-token-file FILE] [--json]',
    description:
      "Push per-minute good/total counts of the spec's Prometheus SLIs to Ballast's SLI web trigger,\n" +
      "resuming where the app's data ends. --json prints each stdout line as a JSON object.",
    options: SLI_SYNC_OPTIONS,
    positionals: false,
  },
  {
    group: 'deploy',
    name: 'record',
    synopsis:
      'deploy record --target URL --secret-file FILE --service S --environment E\n' +
      '         --status success|failed|rolled_back [--issues KEY,KEY] [--id ID]\n' +
      '         [--started-at ISO] [--finished-at ISO] [--dry-run] [--json]',
    description:
      'Record a deployment (idempotent by id; in CI the id defaults to the job run).\n' +
      '--json prints { kind, id, accepted, duplicate } on stdout.',
    options: DEPLOY_OPTIONS,
    positionals: false,
  },
  {
    group: 'incident',
    name: 'record',
    synopsis:
      'incident record --target URL --secret-file FILE --service S --title T --started-at ISO\n' +
      '         [--id ID] [--detected-at ISO] [--resolved-at ISO] [--deployment-id ID] [--dry-run] [--json]',
    description:
      'Record an incident (idempotent by id; in CI the id defaults to the job run).\n' +
      '--json prints { kind, id, accepted, duplicate } on stdout.',
    options: INCIDENT_OPTIONS,
    positionals: false,
  },
  {
    group: 'gate',
    name: 'check',
    synopsis:
      'gate check --target URL --secret-file FILE (--project KEY,KEY | --service S,S)\n' +
      '         [--keys KEY,KEY] [--commits-from REV|A..B] [--stdin] [--fail-open | --fail-closed] [--json]',
    description:
      'Ask the error-budget gate whether a release carrying these Jira items may go (CI/CD).\n' +
      'Keys come from --keys, the commit messages of --commits-from (git log), and --stdin.\n' +
      'Exit 0 allowed, 8 held by a freeze (the SLOs, the rule, the way out are printed), 7 the app\n' +
      'unreachable (0 with --fail-open; --fail-closed is the default). --json prints the decision.',
    options: GATE_CHECK_OPTIONS,
    positionals: false,
  },
  {
    group: 'completion',
    name: null,
    synopsis: 'completion bash|zsh',
    description:
      'Print a shell completion script: `source <(ballast completion bash)` in ~/.bashrc,\n' +
      '`source <(ballast completion zsh)` in ~/.zshrc.',
    options: {},
    positionals: true,
  },
];

export const GROUPS: readonly string[] = [...new Set(COMMANDS.map((c) => c.group))];

export function commandsOf(group: string): readonly CommandSpec[] {
  return COMMANDS.filter((c) => c.group === group);
}

const EXIT_CODES = `Exit codes: 0 ok, 1 invalid OpenSLO file, 2 bad usage or input, 3 Prometheus unreachable,
  4 Prometheus refused a query, 5 authentication refused, 6 the app rejected the data,
  7 the app unreachable, 8 the release held by the error-budget gate.
`;

const indent = (text: string, by: string): string =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

/** The help of `commands`: each synopsis with what it does. */
function entriesOf(commands: readonly CommandSpec[]): string {
  return commands
    .map((c) => `${indent(`ballast ${c.synopsis}`, '  ')}\n${indent(c.description, '      ')}`)
    .join('\n');
}

/** `ballast <group> --help` (e.g. `ballast sli --help`): the group's commands. */
export function groupUsage(group: string): string {
  return `Usage:\n${entriesOf(commandsOf(group))}\n${EXIT_CODES}`;
}

/** The top-level help: every command with what it does. */
export function usage(): string {
  const entries = COMMANDS.map(
    (c) => `${indent(`ballast ${c.synopsis}`, '  ')}\n${indent(c.description, '      ')}`,
  );
  return `Usage:\n${entries.join('\n')}\n  ballast --version | --help | <command> --help\n${EXIT_CODES}`;
}

/** `ballast <command> --help`. */
export function commandUsage(command: CommandSpec): string {
  return `Usage:\n${indent(`ballast ${command.synopsis}`, '  ')}\n\n${command.description}\n\n${EXIT_CODES}`;
}
