/**
 * `ballast slo report --spec FILE --data FILE --at ISO [--format json|table] [--step 5m]
 * [--forecast-at ISO]`: the status of every SLO in the spec at `at`, its policy state replayed
 * over the data, and the project gate. The JSON is a contract (README: "ballast slo report JSON").
 */
import {
  assessSlo,
  projectGate,
  DEFAULT_REPLAY_STEP,
  type ProjectGate,
  type SloAssessment,
} from '../domain/gate';
import { isoOf, parseDuration, parseOpenSlo, sliSeriesFor, type SloSpec } from '../domain/slo';
import { InputError, UsageError, readInput, readInputChunks, type CliIo } from './io';
import { formatOpenSloIssue } from './slo-validate';
import { parseIsoTime, readSliCsv } from './sli-csv';
import { reportTable } from './report-table';

export interface ReportArgs {
  readonly spec: string;
  readonly data: string;
  readonly at: string;
  readonly format: 'json' | 'table';
  readonly step?: string;
  readonly forecastAt?: string;
}

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** Checks the parsed options of `slo report` (REPORT_OPTIONS); no file is read yet. */
export function reportArgs(values: Values): ReportArgs {
  const s = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const missing = ['spec', 'data', 'at'].filter((key) => s(key) === undefined);
  if (missing.length > 0)
    throw new UsageError(`slo report needs ${missing.map((m) => `--${m}`).join(', ')}`);
  const format = values.json === true ? 'json' : s('format');
  if (format !== 'json' && format !== 'table')
    throw new UsageError(`--format "${format}" is not allowed: json or table`);
  const step = s('step');
  const forecastAt = s('forecast-at');
  return {
    spec: s('spec')!,
    data: s('data')!,
    at: s('at')!,
    format,
    ...(step === undefined ? {} : { step }),
    ...(forecastAt === undefined ? {} : { forecastAt }),
  };
}

export function sloReport(args: ReportArgs, io: CliIo): number {
  const at = parseIsoTime(args.at);
  if (at === null)
    throw new InputError(
      `--at "${args.at}" is not an ISO-8601 time with a zone, e.g. 2026-03-01T00:00:00Z`,
    );
  const forecastAt = args.forecastAt === undefined ? undefined : parseIsoTime(args.forecastAt);
  if (forecastAt === null)
    throw new InputError(`--forecast-at "${args.forecastAt}" is not an ISO-8601 time with a zone`);
  const step = args.step === undefined ? DEFAULT_REPLAY_STEP : parseDuration(args.step);
  if (step === null)
    throw new InputError(`--step "${args.step}" is not allowed: a duration such as 1m, 5m, 1h`);

  const parsed = parseOpenSlo(readInput(io, args.spec, 'OpenSLO spec'));
  if (!parsed.ok)
    throw new InputError(parsed.issues.map((i) => formatOpenSloIssue(args.spec, i)).join('\n'));
  const slos = parsed.bundle.slos;
  if (slos.length === 0)
    throw new InputError(`${args.spec}: has no kind: SLO document to report on`);
  const csv = readSliCsv(
    readInputChunks(io, args.data, 'SLI data'),
    slos.map((s) => s.name),
  );
  if (csv.problems.length > 0) {
    throw new InputError(csv.problems.map((p) => `${args.data}:${p.line}: ${p.reason}`).join('\n'));
  }

  const assessments = slos.map((spec) =>
    assessSlo(spec, sliSeriesFor(spec, csv.bySlo.get(spec.name) ?? []), at, {
      step,
      ...(forecastAt === undefined ? {} : { forecastAt }),
    }),
  );
  const gate = projectGate(
    assessments.map((a) => ({
      slo: a.status.name,
      service: a.status.service,
      state: a.decision.state,
      reasons: a.decision.reasons,
    })),
    [],
    at,
  );
  const report = reportJson(at, slos, assessments, gate);
  io.stdout(args.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : reportTable(report));
  return 0;
}

export type ReportJson = ReturnType<typeof reportJson>;

/** The JSON contract; keys documented in src/cli/README.md. */
export function reportJson(
  at: number,
  specs: readonly SloSpec[],
  assessments: readonly SloAssessment[],
  gate: ProjectGate,
) {
  return {
    at: isoOf(at),
    slos: assessments.map(({ status: s, decision, changes, postmortems }, i) => ({
      name: s.name,
      service: s.service,
      displayName: specs[i]?.displayName ?? null,
      target: s.target,
      window: s.window,
      windowStart: s.windowStart,
      budgetingMethod: s.budgetingMethod,
      sli: s.sli,
      totalEvents: s.totalEvents,
      goodEvents: s.goodEvents,
      allowedBadEvents: s.allowedBadEvents,
      badEvents: s.badEvents,
      budgetRemaining: s.budgetRemaining,
      budget: s.budget,
      budgetMinutes: s.budgetMinutes,
      dataCoverage: s.dataCoverage,
      burnRates: s.burnRates,
      alerts: s.alerts.map((a) => ({
        severity: a.severity,
        longWindow: a.longWindow,
        shortWindow: a.shortWindow,
        factor: a.factor,
        firing: a.firing,
        budgetConsumed: a.budgetConsumed,
        longBurnRate: a.longBurnRate,
        shortBurnRate: a.shortBurnRate,
      })),
      exhaustsInSeconds: s.exhaustsInSeconds,
      exhaustsAt: s.exhaustsAt,
      forecast: s.forecast,
      state: decision.state,
      stateSince: isoOf(decision.since),
      stateReasons: decision.reasons,
      stateChanges: changes,
      postmortems,
    })),
    gate: { state: gate.state, reasons: gate.reasons },
  };
}
