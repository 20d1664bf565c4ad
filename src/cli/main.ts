/**
 * The `ballast` command. `main` takes the arguments and an IO object and resolves to the exit
 * code, so tests run it in-process. Exit codes: src/cli/exit-codes.ts and src/cli/README.md.
 */
import { parseArgs } from 'node:util';
import { CliFailure, EXIT } from './exit-codes';
import { InputError, UsageError, type CliIo } from './io';
import {
  DEPLOY_OPTIONS,
  INCIDENT_OPTIONS,
  deploymentBody,
  incidentBody,
  record,
} from './record/record';
import { SLI_SYNC_OPTIONS, sliSync, sliSyncArgs } from './sli-sync/command';
import { sloReport } from './slo-report';
import { sloValidate } from './slo-validate';

export const USAGE = `Usage:
  ballast slo validate FILE
      Check an OpenSLO v1 file (kinds SLO, SLI, Service). Exit 1 with the problems.
  ballast slo report --spec FILE --data FILE --at ISO [--format json|table] [--step 5m] [--forecast-at ISO]
      Error budgets, burn rates, alerts and policy state of every SLO in FILE at ISO.
      --data is CSV with the header slo,start,end,good,total (ISO-8601 times, whole minutes).
      --step is the policy replay step (default 5m); --forecast-at forecasts the budget then.
  ballast sli sync --prometheus URL --spec FILE --target URL --secret-file FILE
                   [--since 35d] [--until ISO] [--once | --every 5m] [--dry-run] [--rate 10]
                   [--slo NAME,NAME] [--basic-auth-file FILE | --bearer-token-file FILE]
      Push per-minute good/total counts of the spec's Prometheus SLIs to Ballast's SLI web trigger,
      resuming where the app's data ends.
  ballast deploy record --target URL --secret-file FILE --service S --environment E
                   --status success|failed|rolled_back [--issues KEY,KEY] [--id ID]
                   [--started-at ISO] [--finished-at ISO] [--dry-run]
  ballast incident record --target URL --secret-file FILE --service S --title T --started-at ISO
                   [--id ID] [--detected-at ISO] [--resolved-at ISO] [--deployment-id ID] [--dry-run]
      Record a deployment or an incident (idempotent by id; in CI the id defaults to the job run).
Exit codes: 0 ok, 1 invalid OpenSLO file, 2 bad usage or input, 3 Prometheus unreachable,
  4 Prometheus refused a query, 5 authentication refused, 6 the app rejected the data,
  7 the app unreachable.
`;

function usageError(io: CliIo, message: string): number {
  io.stderr(`ballast: ${message}\n\n${USAGE}`);
  return EXIT.usage;
}

const COMMANDS: Record<string, readonly string[]> = {
  slo: ['validate', 'report'],
  sli: ['sync'],
  deploy: ['record'],
  incident: ['record'],
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
    io.stdout(USAGE);
    return group === undefined ? EXIT.usage : EXIT.ok;
  }
  // Own keys only: `ballast constructor` is an unknown command, not Object.prototype's member.
  const commands = Object.hasOwn(COMMANDS, group) ? COMMANDS[group] : undefined;
  if (commands === undefined)
    return usageError(
      io,
      `unknown command "${group}"; allowed: ${Object.keys(COMMANDS).join(', ')}`,
    );
  if (command === undefined || !commands.includes(command))
    return usageError(
      io,
      `unknown ${group} command "${command ?? ''}"; allowed: ${commands.join(', ')}`,
    );
  try {
    return await run(group, command, rest, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message);
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof CliFailure) {
      io.stderr(`ballast ${group} ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      return usageError(io, error.message);
    }
    throw error;
  }
}

async function run(group: string, command: string, args: string[], io: CliIo): Promise<number> {
  if (group === 'slo' && command === 'validate') {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new UsageError('slo validate takes exactly one FILE');
    return sloValidate(positionals[0]!, io);
  }
  if (group === 'slo') {
    const { values } = parseArgs({
      args,
      options: {
        spec: { type: 'string' },
        data: { type: 'string' },
        at: { type: 'string' },
        format: { type: 'string', default: 'table' },
        step: { type: 'string' },
        'forecast-at': { type: 'string' },
      },
    });
    const missing = (['spec', 'data', 'at'] as const).filter((key) => values[key] === undefined);
    if (missing.length > 0)
      throw new UsageError(`slo report needs ${missing.map((m) => `--${m}`).join(', ')}`);
    if (values.format !== 'json' && values.format !== 'table')
      throw new UsageError(`--format "${values.format}" is not allowed: json or table`);
    return sloReport(
      {
        spec: values.spec!,
        data: values.data!,
        at: values.at!,
        format: values.format,
        ...(values.step === undefined ? {} : { step: values.step }),
        ...(values['forecast-at'] === undefined ? {} : { forecastAt: values['forecast-at'] }),
      },
      io,
    );
  }
  if (group === 'sli') {
    const { values } = parseArgs({ args, options: SLI_SYNC_OPTIONS });
    return sliSync(sliSyncArgs(values), io);
  }
  if (group === 'deploy') {
    const { values } = parseArgs({ args, options: DEPLOY_OPTIONS });
    return record('deployment', deploymentBody(values, io), values, io);
  }
  const { values } = parseArgs({ args, options: INCIDENT_OPTIONS });
  return record('incident', incidentBody(values, io), values, io);
}
