/**
 * `ballast sli sync`: options, the SLOs it can sync, and the `--once` / `--every` loop. With
 * `--every`, an unreachable Prometheus or app (exit 3/7) is reported and retried next cycle; any
 * other failure stops the loop with its exit code.
 */
import { parseDuration, parseOpenSlo } from '../../domain/slo';
import { CliFailure, EXIT } from '../exit-codes';
import {
  InputError,
  UsageError,
  httpUrl,
  netIo,
  readInput,
  readSecretFile,
  type CliIo,
} from '../io';
import { parseIsoTime } from '../sli-csv';
import { formatOpenSloIssue } from '../slo-validate';
import type { PrometheusAuth } from './prometheus';
import { prometheusQueries, type SyncQueries } from './promql';
import { summaryLine, syncOnce } from './sync';

export interface SliSyncArgs {
  readonly prometheus: string;
  readonly spec: string;
  readonly target: string;
  readonly secretFile: string;
  readonly sinceMs: number;
  readonly untilMs?: number;
  /** null: once. */
  readonly everyMs: number | null;
  readonly dryRun: boolean;
  readonly basicAuthFile?: string;
  readonly bearerTokenFile?: string;
  readonly rate: number;
  readonly slos?: readonly string[];
}

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** Checks the options (no files read): what `--help`-level mistakes are, exit 2. */
export function sliSyncArgs(values: Values): SliSyncArgs {
  const s = (key: string) => (typeof values[key] === 'string' ? values[key] : undefined);
  const missing = ['prometheus', 'spec', 'target', 'secret-file'].filter((k) => !s(k));
  if (missing.length > 0)
    throw new UsageError(`sli sync needs ${missing.map((m) => `--${m}`).join(', ')}`);
  const sinceMs = parseDuration(s('since')!);
  if (sinceMs === null)
    throw new UsageError(`--since "${s('since')}" is not a duration such as 35d, 12h`);
  const every = s('every');
  if (every !== undefined && values.once === true)
    throw new UsageError('--once and --every exclude each other');
  const everyMs = every === undefined ? null : parseDuration(every);
  if (everyMs === null && every !== undefined)
    throw new UsageError(`--every "${every}" is not a duration such as 5m, 1h`);
  const until = s('until');
  const untilMs = until === undefined ? undefined : parseIsoTime(until);
  if (untilMs === null || (untilMs !== undefined && untilMs % 60_000 !== 0))
    throw new UsageError(
      `--until "${until}" is not an ISO-8601 time on a whole minute, e.g. 2026-03-01T00:00:00Z`,
    );
  if (s('basic-auth-file') && s('bearer-token-file'))
    throw new UsageError('--basic-auth-file and --bearer-token-file exclude each other');
  const rate = Number(s('rate'));
  if (!Number.isFinite(rate) || rate <= 0)
    throw new UsageError(`--rate "${s('rate')}" must be a positive number of requests per second`);
  const slos = s('slo')
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return {
    prometheus: httpUrl(s('prometheus')!, '--prometheus'),
    spec: s('spec')!,
    target: httpUrl(s('target')!, '--target'),
    secretFile: s('secret-file')!,
    sinceMs,
    ...(untilMs === undefined ? {} : { untilMs }),
    everyMs,
    dryRun: values['dry-run'] === true,
    ...(s('basic-auth-file') ? { basicAuthFile: s('basic-auth-file')! } : {}),
    ...(s('bearer-token-file') ? { bearerTokenFile: s('bearer-token-file')! } : {}),
    rate,
    ...(slos ? { slos } : {}),
  };
}

/** The spec's SLOs the connector can sync; the others are named on stderr. */
export function syncableSlos(args: SliSyncArgs, io: CliIo): SyncQueries[] {
  const parsed = parseOpenSlo(readInput(io, args.spec, 'OpenSLO spec'));
  if (!parsed.ok)
    throw new InputError(parsed.issues.map((i) => formatOpenSloIssue(args.spec, i)).join('\n'));
  const names = parsed.bundle.slos.map((s) => s.name);
  const unknown = (args.slos ?? []).filter((n) => !names.includes(n));
  if (unknown.length > 0)
    throw new UsageError(
      `--slo ${unknown.join(', ')}: not in ${args.spec}; it has ${names.join(', ')}`,
    );
  const out: SyncQueries[] = [];
  for (const spec of parsed.bundle.slos) {
    if (args.slos && !args.slos.includes(spec.name)) continue;
    const result = prometheusQueries(spec);
    if (result.ok) out.push(result.queries);
    else io.stderr(`skipping SLO ${spec.name}: ${result.reason}\n`);
  }
  if (out.length === 0)
    throw new InputError(
      `${args.spec}: no SLO to sync: none has Prometheus good/bad and total queries, or a Prometheus threshold query`,
    );
  return out;
}

function prometheusAuth(args: SliSyncArgs, io: CliIo): PrometheusAuth {
  if (args.bearerTokenFile)
    return { kind: 'bearer', token: readSecretFile(io, args.bearerTokenFile, 'bearer token') };
  if (!args.basicAuthFile) return { kind: 'none' };
  const line = readSecretFile(io, args.basicAuthFile, 'basic auth');
  const colon = line.indexOf(':');
  if (colon <= 0)
    throw new InputError(`${args.basicAuthFile}: must hold "user:password" on one line`);
  return { kind: 'basic', user: line.slice(0, colon), password: line.slice(colon + 1) };
}

const TRANSIENT: readonly number[] = [EXIT.prometheusUnavailable, EXIT.appUnavailable];

export async function sliSync(args: SliSyncArgs, io: CliIo): Promise<number> {
  const slos = syncableSlos(args, io);
  const secret = readSecretFile(io, args.secretFile, 'signing secret');
  const net = netIo(io);
  const config = {
    prometheus: { url: args.prometheus, auth: prometheusAuth(args, io) },
    target: { url: args.target, secret },
    slos,
    sinceMs: args.sinceMs,
    ...(args.untilMs === undefined ? {} : { untilMs: args.untilMs }),
    dryRun: args.dryRun,
    ratePerSecond: args.rate,
  };
  for (;;) {
    const started = net.now();
    try {
      net.stdout(summaryLine(await syncOnce(net, config), args.dryRun));
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      net.stderr(`ballast sli sync: ${error.message}\n`);
      if (args.everyMs === null || !TRANSIENT.includes(error.exitCode)) return error.exitCode;
      net.stderr(`trying again in the next cycle (--every)\n`);
    }
    if (args.everyMs === null) return EXIT.ok;
    await net.sleep(Math.max(0, started + args.everyMs - net.now()));
  }
}
