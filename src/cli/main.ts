/**
 * The `ballast` command. `main` takes the arguments and an IO object and returns the exit code, so
 * tests run it in-process: 0 ok, 1 invalid OpenSLO file (validate), 2 bad usage or bad input.
 */
import { parseArgs } from 'node:util';
import { InputError, type CliIo } from './io';
import { sloReport } from './slo-report';
import { sloValidate } from './slo-validate';

export const USAGE = `Usage:
  ballast slo validate FILE
      Check an OpenSLO v1 file (kinds SLO, SLI, Service). Exit 1 with the problems.
  ballast slo report --spec FILE --data FILE --at ISO [--format json|table] [--step 5m] [--forecast-at ISO]
      Error budgets, burn rates, alerts and policy state of every SLO in FILE at ISO.
      --data is CSV with the header slo,start,end,good,total (ISO-8601 times, whole minutes).
      --step is the policy replay step (default 5m); --forecast-at forecasts the budget then.
`;

function usageError(io: CliIo, message: string): number {
  io.stderr(`ballast: ${message}\n\n${USAGE}`);
  return 2;
}

export function main(argv: readonly string[], io: CliIo): number {
  const [group, command, ...rest] = argv;
  if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
    io.stdout(USAGE);
    return group === undefined ? 2 : 0;
  }
  if (group !== 'slo') return usageError(io, `unknown command "${group}"; allowed: slo`);
  try {
    if (command === 'validate') {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      if (positionals.length !== 1) return usageError(io, 'slo validate takes exactly one FILE');
      return sloValidate(positionals[0]!, io);
    }
    if (command === 'report') {
      const { values } = parseArgs({
        args: rest,
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
        return usageError(io, `slo report needs ${missing.map((m) => `--${m}`).join(', ')}`);
      if (values.format !== 'json' && values.format !== 'table') {
        return usageError(io, `--format "${values.format}" is not allowed: json or table`);
      }
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
    return usageError(io, `unknown slo command "${command ?? ''}"; allowed: validate, report`);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return 2;
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
