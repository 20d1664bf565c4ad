/**
 * `ballast deploy record` and `ballast incident record`: build the event from options, check it
 * against the contract's schema (so a typo is exit 2 here, not a rejection there), and send it
 * signed. `--dry-run` prints the JSON that would be sent and touches neither network nor secret.
 */
import type { z } from 'zod';
import { deploymentSchema, incidentSchema } from '../../contract/push-api';
import { EXIT } from '../exit-codes';
import { InputError, UsageError, httpUrl, netIo, readSecretFile, type CliIo } from '../io';
import { postSigned } from '../push/client';
import { ciDefaultId } from './ci-id';

type Values = Readonly<Record<string, string | boolean | undefined>>;

/** Contract field → the option that sets it, for error messages. */
const OPTION_OF: Record<string, string> = {
  id: '--id',
  service: '--service',
  environment: '--environment',
  status: '--status',
  issueKeys: '--issues',
  startedAt: '--started-at',
  finishedAt: '--finished-at',
  title: '--title',
  detectedAt: '--detected-at',
  resolvedAt: '--resolved-at',
  deploymentId: '--deployment-id',
};

const str = (values: Values, key: string): string | undefined => {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
};

function required(values: Values, keys: readonly string[], command: string): void {
  const missing = keys.filter((k) => str(values, k) === undefined);
  if (missing.length > 0)
    throw new UsageError(`${command} needs ${missing.map((m) => `--${m}`).join(', ')}`);
}

function idOf(values: Values, env: CliIo['env'], parts: readonly string[]): string {
  const id = str(values, 'id') ?? ciDefaultId(env ?? {}, parts);
  if (id === null)
    throw new UsageError(
      '--id is required outside CI (in GitHub Actions, GitLab CI, Jenkins and CircleCI it defaults to the job run; see src/cli/README.md)',
    );
  return id;
}

function checked<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const option = OPTION_OF[field] ?? field;
    const index = issue.path.length > 1 ? ` (item ${Number(issue.path[1]) + 1})` : '';
    return `${option}${index}: ${issue.message}`;
  });
  throw new InputError(problems.join('\n'));
}

export function deploymentBody(values: Values, io: CliIo) {
  required(values, ['service', 'environment', 'status'], 'deploy record');
  const service = str(values, 'service')!;
  const environment = str(values, 'environment')!;
  const issues = str(values, 'issues');
  const startedAt = str(values, 'started-at');
  return checked(deploymentSchema, {
    id: idOf(values, io.env, [service, environment]),
    service,
    environment,
    status: str(values, 'status'),
    ...(startedAt === undefined ? {} : { startedAt }),
    finishedAt: str(values, 'finished-at') ?? new Date((io.now ?? Date.now)()).toISOString(),
    issueKeys:
      issues === undefined
        ? []
        : issues
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
  });
}

export function incidentBody(values: Values, io: CliIo) {
  required(values, ['service', 'title', 'started-at'], 'incident record');
  const service = str(values, 'service')!;
  const optional = (key: string, field: string) => {
    const v = str(values, key);
    return v === undefined ? {} : { [field]: v };
  };
  return checked(incidentSchema, {
    id: idOf(values, io.env, [service]),
    service,
    title: str(values, 'title'),
    startedAt: str(values, 'started-at'),
    ...optional('detected-at', 'detectedAt'),
    ...optional('resolved-at', 'resolvedAt'),
    ...optional('deployment-id', 'deploymentId'),
  });
}

/** Sends a checked body; prints `recorded <kind> id=… accepted=… duplicate=…`. */
export async function record(
  kind: 'deployment' | 'incident',
  body: { readonly id: string },
  values: Values,
  io: CliIo,
): Promise<number> {
  const json = JSON.stringify(body);
  required(
    values,
    ['target', 'secret-file'],
    `${kind === 'deployment' ? 'deploy' : 'incident'} record`,
  );
  const url = httpUrl(str(values, 'target')!, '--target');
  if (values['dry-run'] === true) {
    io.stdout(`${json}\n`);
    return EXIT.ok;
  }
  const secret = readSecretFile(io, str(values, 'secret-file')!, 'signing secret');
  const net = netIo(io);
  const answer = await postSigned(net, { url, secret }, json, `${kind} ${body.id}`, {
    onRetry: (reason) => net.stderr(`${reason}\n`),
  });
  io.stdout(
    values.json === true
      ? `${JSON.stringify({ kind, id: body.id, accepted: answer.accepted, duplicate: answer.duplicate })}\n`
      : `recorded ${kind} id=${body.id} accepted=${answer.accepted} duplicate=${answer.duplicate}\n`,
  );
  return EXIT.ok;
}
