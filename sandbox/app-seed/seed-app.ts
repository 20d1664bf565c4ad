/**
 * Seeds the app's own data the way a real team would: an admin imports the demo OpenSLO file and
 * creates the push secret (resolvers), a connector pushes 35 days of SLI data and CI/CD pushes
 * deployments (the signed web triggers), and the fiveMinute job rolls it all up. Every byte goes
 * through the app's real handlers on the sandbox's Forge host — nothing is written behind its back.
 */
import { readFileSync } from 'node:fs';
import type { ForgeHost } from '../forge';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, STORY_POINTS_FIELD } from '../jira';
import { MAX_SLI_POINTS_PER_BATCH } from '../../src/contract/push-api';
import { labelDemoRetroActions } from './retro-actions';
import { linkDemoActions } from './postmortem-actions';
import { openTeamPages, seedTeams, TEAM_KEYS } from './seed-teams';
import { callSigned } from './signed-push';
import {
  generateSli,
  incidentSpan,
  INCIDENTS,
  type AppSeedVariant,
  type SliPointDraft,
} from './sli-traffic';

const SPEC = new URL('./demo.openslo.yaml', import.meta.url);
const PROJECT = { key: 'SHOP', id: '10000' };

export interface AppSeedReport {
  readonly variant: AppSeedVariant;
  readonly sliPoints: number;
  readonly batches: number;
  readonly deployments: number;
  /** The SLOs imported (SHOP's three, and one per further team). */
  readonly slos: number;
  /** The postmortems Ballast opened, each given the demo's actions. */
  readonly postmortems: readonly string[];
  readonly ms: number;
}

async function resolver<T>(
  host: ForgeHost,
  functionKey: string,
  payload: unknown,
  accountId = ADMIN_ACCOUNT_ID,
): Promise<T> {
  const answer = (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey,
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: PROJECT },
  })) as { ok: boolean; data?: T; error?: { message: string } };
  if (!answer.ok) throw new Error(`App seed: ${functionKey} failed: ${answer.error?.message}`);
  return answer.data as T;
}

/** Pushes one signed body; the seed stops at the first refusal, saying what the app answered. */
async function signedPush(host: ForgeHost, moduleKey: string, secret: string, body: unknown) {
  const answer = await callSigned(host, moduleKey, JSON.stringify(body), secret);
  if (answer.statusCode !== 200) {
    throw new Error(`App seed: ${moduleKey} answered ${answer.statusCode}: ${answer.body ?? ''}`);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function batchesOf(points: readonly SliPointDraft[]): SliPointDraft[][] {
  const bySlo = new Map<string, SliPointDraft[]>();
  for (const p of points) {
    const list = bySlo.get(p.slo);
    if (list === undefined) bySlo.set(p.slo, [p]);
    else list.push(p);
  }
  const batches: SliPointDraft[][] = [];
  for (const list of bySlo.values()) {
    for (let i = 0; i < list.length; i += MAX_SLI_POINTS_PER_BATCH) {
      batches.push(list.slice(i, i + MAX_SLI_POINTS_PER_BATCH));
    }
  }
  return batches;
}

/** A Jira issue a deployment can ship: CI/CD names it from the commit messages. */
export interface ShippableIssue {
  readonly key: string;
  readonly resolutiondate: string | null;
}

/** The push schema's cap on issue keys per deployment (src/contract/push-api.ts). */
const MAX_KEYS_PER_DEPLOYMENT = 100;

/**
 * Which issues each deployment ships: those of the project resolved since the last deployment
 * that reached production, as a CI/CD pipeline lists the commits it deploys. A failed deployment
 * lists them too, and the next one ships them again.
 */
function withIssueKeys<T extends { status: string; finishedAt: string }>(
  list: readonly T[],
  issues: readonly ShippableIssue[],
): (T & { issueKeys: string[] })[] {
  const resolved = issues
    .filter((issue) => issue.key.startsWith(`${PROJECT.key}-`) && issue.resolutiondate !== null)
    .map((issue) => ({ key: issue.key, at: Date.parse(issue.resolutiondate!) }))
    .sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  const ordered = [...list].sort((a, b) => Date.parse(a.finishedAt) - Date.parse(b.finishedAt));
  let shippedUntil = Date.parse(ordered[0]?.finishedAt ?? '') - 7 * 86_400_000;
  return ordered.map((deployment) => {
    const at = Date.parse(deployment.finishedAt);
    const keys = resolved
      .filter((issue) => issue.at > shippedUntil && issue.at <= at)
      .slice(-MAX_KEYS_PER_DEPLOYMENT)
      .map((issue) => issue.key);
    if (deployment.status !== 'failed') shippedUntil = at;
    return { ...deployment, issueKeys: keys };
  });
}

/** The services the demo deploys (both every working day). */
const DEMO_SERVICES = ['checkout', 'search'] as const;

/**
 * The demo's working days with deployments: the last 24 before the seed's day, whatever weekday it
 * is (they always fit in the 34 days before it), so the demo always holds the same number of
 * deployments. README.md and the start line quote DEMO_DEPLOYMENTS.
 */
export const DEMO_DEPLOYMENT_DAYS = 24;
export const DEMO_DEPLOYMENTS = DEMO_DEPLOYMENT_DAYS * DEMO_SERVICES.length;

/** Two production deployments a working day per service, one in twelve failed. */
export function demoDeployments(end: number, issues: readonly ShippableIssue[]) {
  const workingDays: number[] = [];
  for (let day = 1; workingDays.length < DEMO_DEPLOYMENT_DAYS; day += 1) {
    const weekday = new Date(end - day * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workingDays.unshift(day);
  }
  const list = [];
  for (const day of workingDays) {
    const date = new Date(end - day * 86_400_000);
    for (const [n, service] of DEMO_SERVICES.entries()) {
      const finishedAt = Date.UTC(
        date.getUTCFullYear(),
        date.getUTCMonth(),
        date.getUTCDate(),
        10 + 4 * n,
        12,
      );
      const seq = (34 - day) * 2 + n;
      list.push({
        id: `demo-${service}-${seq}`,
        service,
        environment: 'production',
        status: seq % 12 === 5 ? 'failed' : 'success',
        startedAt: iso(finishedAt - 9 * 60_000),
        finishedAt: iso(finishedAt),
      });
    }
  }
  return withIssueKeys(list, issues);
}

export interface AppSeedOptions {
  readonly variant: AppSeedVariant;
  readonly now?: Date;
  readonly onProgress?: (step: string) => void;
  /** The Jira issues the deployments ship (the emulator's); without them deployments list none. */
  readonly issues?: readonly ShippableIssue[];
  /** Run the postmortem job and link the demo's actions (default true); tests of the job say false. */
  readonly postmortems?: boolean;
  /**
   * Also seed the second and third teams (PAY healthy, OPS frozen; seed-teams.ts): needs a Jira
   * seeded with `extraTeams`. Default false.
   */
  readonly teams?: boolean;
}

export function seedApp(host: ForgeHost, options: AppSeedOptions): Promise<AppSeedReport> {
  return host.kvs.deferPersistence(() => seed(host, options));
}

async function seed(host: ForgeHost, options: AppSeedOptions): Promise<AppSeedReport> {
  const started = Date.now();
  const end = Math.floor((options.now ?? new Date()).getTime() / 60_000) * 60_000;
  options.onProgress?.('binding the board and importing the demo SLOs');
  // The admin binds the Scrum board (its story points field), as a team does in the settings.
  const settings = await resolver<{ version: number; config: Record<string, unknown> }>(
    host,
    'settings/get',
    {},
  );
  await resolver(host, 'settings/save', {
    config: { ...settings.config, board: { boardId: 1, estimationFieldId: STORY_POINTS_FIELD } },
    version: settings.version,
  });
  const slos = await resolver<{ version: number }>(host, 'slo/list', {});
  await resolver(host, 'slo/import', {
    yaml: readFileSync(SPEC, 'utf8'),
    version: slos.version,
  });
  const { secret } = await resolver<{ secret: string }>(host, 'push/rotateSecret', {});
  const points = generateSli(end, options.variant);
  const batches = batchesOf(points);
  options.onProgress?.(`pushing ${points.length} SLI minutes in ${batches.length} signed batches`);
  for (const [n, batch] of batches.entries()) {
    await signedPush(host, 'ballast-sli-push', secret, {
      batchId: `demo-seed-${n}`,
      points: batch.map((p) => ({ ...p, start: iso(p.start), end: iso(p.end) })),
    });
  }
  const deploys = demoDeployments(end, options.issues ?? []);
  options.onProgress?.(`pushing ${deploys.length} deployments`);
  for (const deployment of deploys) {
    await signedPush(host, 'ballast-deployment-push', secret, deployment);
  }
  // The checkout incident behind the budget's drop, as the on-call tool reports it (`ballast
  // incident record`): the same minutes the SLI data shows failing, so the Incidents page lists it
  // with its real duration.
  const outage = incidentSpan(end, options.variant);
  await signedPush(host, 'ballast-incident-push', secret, {
    id: `demo-checkout-incident-${options.variant}`,
    service: 'checkout',
    title: `Checkout failing for ${(INCIDENTS[options.variant].errorRate * 100).toFixed(0)}% of requests`,
    startedAt: iso(outage.start),
    resolvedAt: iso(outage.end),
  });
  let teams = { minutes: 0, deployments: 0, slos: 0 };
  if (options.teams === true) {
    options.onProgress?.('seeding PAY and OPS');
    teams = await seedTeams(host, secret, end);
  }
  options.onProgress?.('rolling up SLO status');
  await host.runScheduled('ballast-slo-refresh');
  // The hourly postmortem job opens the checkout incident's postmortem (it spent more than 20% of
  // the budget); the SRE then files its actions and links them to it, as a team would.
  options.onProgress?.("opening the checkout incident's postmortem");
  let postmortems: string[] = [];
  if (options.postmortems ?? true) {
    await host.runScheduled('ballast-postmortems');
    await host.idle();
    postmortems = await linkDemoActions(host.jiraUrl, PROJECT.key);
    await host.idle();
  }
  // The retrospectives' actions, labelled as the team does, for the sprint review.
  await labelDemoRetroActions(host.jiraUrl, PROJECT.key);
  // A member opens the project page (which makes SHOP a known project), the hourly jobs tag every
  // issue the rules can tag, and the metrics consumer computes the page's figures from that.
  options.onProgress?.('classifying the backlog');
  await resolver(host, 'project/overview', {}, MEMBER_ACCOUNT_ID);
  if (options.teams === true) await openTeamPages(host);
  await host.idle();
  await host.runScheduled('ballast-issue-refresh');
  options.onProgress?.('computing the project page');
  await host.deliverEvent('ballast-metrics-refresh', { projectKey: PROJECT.key });
  if (options.teams === true)
    for (const key of TEAM_KEYS)
      await host.deliverEvent('ballast-metrics-refresh', { projectKey: key });
  return {
    variant: options.variant,
    sliPoints: points.length + teams.minutes,
    batches: batches.length,
    deployments: deploys.length + teams.deployments,
    slos: 3 + teams.slos,
    postmortems,
    ms: Date.now() - started,
  };
}
