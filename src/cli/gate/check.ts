/**
 * `ballast gate check`: one signed, read-only POST to the app's release gate
 * (src/contract/gate-check.ts), which answers with the error-budget gate's own decision for the
 * items the release carries. Exit 0 when the release may go, 8 when the gate holds it, 7 when the
 * app cannot be reached (0 then with --fail-open), 5 and 6 as for every push (src/cli/README.md).
 */
import { z } from 'zod';
import type { GateCheckResponse, ProjectReleaseView } from '../../contract/gate-check';
import { MAX_RELEASE_KEYS } from '../../contract/gate-check';
import { CliFailure, EXIT } from '../exit-codes';
import { InputError, UsageError, httpUrl, netIo, readSecretFile, type CliIo } from '../io';
import { postSignedForAnswer } from '../push/client';
import { issueKeysIn, listedKeys } from './issue-keys';

type Values = Readonly<Record<string, string | boolean | undefined>>;

export interface GateCheckArgs {
  readonly target: string;
  readonly secretFile: string;
  readonly projects: readonly string[];
  readonly services: readonly string[];
  readonly issueKeys: readonly string[];
  readonly failOpen: boolean;
  readonly json: boolean;
}

const str = (values: Values, key: string): string | undefined => {
  const v = values[key];
  return typeof v === 'string' ? v : undefined;
};

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * `REV` is the commits after REV up to HEAD; `A..B` and `A...B` are git's own ranges. CI gives an
 * all-zero start on a branch's first push (GitHub's `github.event.before`, GitLab's
 * `CI_COMMIT_BEFORE_SHA`: docs.gitlab.com/ci/variables/predefined_variables/): then the head
 * commit alone is read.
 */
function commitMessages(io: CliIo, range: string): string {
  const [start, end] = range.split(/\.{2,3}/);
  const firstPush = end !== undefined && /^0+$/.test(start ?? '');
  const revisions = range.includes('..') ? range : `${range}..HEAD`;
  if (revisions.startsWith('-') || (end ?? '').startsWith('-'))
    throw new UsageError(`--commits-from "${range}" must be a git revision or range`);
  if (io.git === undefined)
    throw new InputError('--commits-from needs git, which is not available here');
  try {
    return firstPush
      ? io.git(['log', '--format=%B', '-1', end || 'HEAD', '--'])
      : io.git(['log', '--format=%B', revisions, '--']);
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const reason =
      typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : String(error);
    throw new InputError(
      `--commits-from ${range}: git log ${revisions} failed: ${reason}\n(in CI, fetch the history the range needs, e.g. actions/checkout with fetch-depth: 0)`,
    );
  }
}

export function gateCheckArgs(values: Values, io: CliIo): GateCheckArgs {
  const missing = ['target', 'secret-file'].filter((k) => str(values, k) === undefined);
  if (missing.length > 0)
    throw new UsageError(`gate check needs ${missing.map((m) => `--${m}`).join(', ')}`);
  const projects = list(str(values, 'project'));
  const services = list(str(values, 'service'));
  if (projects.length + services.length === 0)
    throw new UsageError('gate check needs --project KEY or --service NAME: whose gate to ask');
  if (values['fail-open'] === true && values['fail-closed'] === true)
    throw new UsageError('--fail-open and --fail-closed exclude each other');
  const listed = listedKeys(str(values, 'keys') ?? '');
  if (listed.invalid.length > 0)
    throw new InputError(
      `--keys: not a Jira issue key: ${listed.invalid.join(', ')} (expected keys like SHOP-42)`,
    );
  const range = str(values, 'commits-from');
  const fromCommits = range === undefined ? [] : issueKeysIn(commitMessages(io, range));
  let fromStdin: string[] = [];
  if (values.stdin === true) {
    if (io.readStdin === undefined)
      throw new InputError('--stdin: standard input is not available');
    fromStdin = issueKeysIn(io.readStdin());
  }
  const issueKeys = [...new Set([...listed.keys, ...fromCommits, ...fromStdin])];
  if (issueKeys.length > MAX_RELEASE_KEYS)
    throw new InputError(
      `the release carries ${issueKeys.length} Jira keys; one check takes at most ${MAX_RELEASE_KEYS}: check a smaller range, or pass --keys`,
    );
  return {
    target: httpUrl(str(values, 'target')!, '--target'),
    secretFile: str(values, 'secret-file')!,
    projects,
    services,
    issueKeys,
    failOpen: values['fail-open'] === true,
    json: values.json === true,
  };
}

const answerSchema = z.object({
  ok: z.literal(true),
  allowed: z.boolean(),
  projects: z.array(z.object({ projectKey: z.string(), allowed: z.boolean() }).passthrough()),
  unknownKeys: z.array(z.string()),
  otherKeys: z.array(z.string()),
});

const indent = (lines: readonly string[]): string => lines.map((l) => `  ${l}\n`).join('');

/** One project's part of the answer, for people. */
function projectText(p: ProjectReleaseView): string {
  const since = p.statement.since === null ? '' : ` since ${p.statement.since}`;
  const head = {
    'not-frozen': `${p.projectKey}: ${p.state}${since} — not frozen, the gate holds no release.`,
    override: `${p.projectKey}: FROZEN${since} — allowed by a freeze override.`,
    'all-exempt': `${p.projectKey}: FROZEN${since} — allowed: every item it carries is exempt or not feature work.`,
    frozen: `${p.projectKey}: FROZEN${since} — the release is held.`,
  }[p.rule];
  const lines: string[] = [];
  for (const slo of p.frozenBy)
    lines.push(`Frozen by: ${slo.slo}${slo.service ? ` (${slo.service})` : ''}: ${slo.message}`);
  for (const sentence of p.statement.sentences) lines.push(`Policy: ${sentence}`);
  lines.push(`Effect: ${p.statement.effect}`);
  if (p.override)
    lines.push(
      `Override in force: by ${p.override.by} until ${p.override.until}: “${p.override.reason}”`,
    );
  for (const item of p.items)
    lines.push(
      `${item.allowed ? 'allowed' : 'HELD   '} ${item.key} (${item.category}): ${item.message}`,
    );
  if (p.wayOut) lines.push(`Way out: ${p.wayOut}`);
  return `${head}\n${indent(lines)}`;
}

function text(answer: GateCheckResponse): string {
  const verdict = answer.allowed
    ? 'ballast gate check: ALLOWED — the release may go.'
    : `ballast gate check: BLOCKED by the error-budget gate (exit ${EXIT.releaseBlocked}).`;
  const notes: string[] = [];
  if (answer.unknownKeys.length > 0)
    notes.push(`Unknown keys (Jira has no such item): ${answer.unknownKeys.join(', ')}`);
  if (answer.otherKeys.length > 0)
    notes.push(`Not checked (not a key of the checked projects): ${answer.otherKeys.join(', ')}`);
  return `${verdict}\n${answer.projects.map(projectText).join('')}${notes.map((n) => `${n}\n`).join('')}`;
}

export async function gateCheck(args: GateCheckArgs, io: CliIo): Promise<number> {
  const secret = readSecretFile(io, args.secretFile, 'signing secret');
  const net = netIo(io);
  const body = JSON.stringify({
    projects: args.projects,
    services: args.services,
    issueKeys: args.issueKeys,
  });
  let raw: unknown;
  try {
    raw = await postSignedForAnswer(net, { url: args.target, secret }, body, 'the gate check', {
      onRetry: (reason) => net.stderr(`${reason}\n`),
    });
  } catch (error) {
    if (!(error instanceof CliFailure) || error.exitCode !== EXIT.appUnavailable) throw error;
    // Unreachable: the pipeline chose what that means (default: closed, the release waits).
    const verdict = args.failOpen
      ? 'the app could not be reached; --fail-open lets the release go unchecked'
      : 'the app could not be reached; the release waits (--fail-closed, the default)';
    net.stderr(`ballast gate check: ${error.message}\n${verdict}\n`);
    if (args.json)
      io.stdout(
        `${JSON.stringify({ ok: false, unreachable: true, allowed: args.failOpen, reason: error.message })}\n`,
      );
    return args.failOpen ? EXIT.ok : EXIT.appUnavailable;
  }
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success)
    throw new CliFailure(
      EXIT.rejected,
      `${args.target}: unexpected answer to the gate check: ${JSON.stringify(raw).slice(0, 300)}\ncheck --target: it must be the release gate's web-trigger URL (ballast-gate-check)`,
    );
  const answer = raw as GateCheckResponse;
  io.stdout(args.json ? `${JSON.stringify(answer)}\n` : text(answer));
  return answer.allowed ? EXIT.ok : EXIT.releaseBlocked;
}
