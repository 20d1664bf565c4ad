/**
 * Helpers shared by the planner's integration tests: invoke a `planner/*` resolver as a person from
 * the sprint action (project SHOP, board 1), read where the emulator keeps an issue, and move issues
 * as someone else would on the board (through Jira's REST API, not the app).
 */
import type { ForgeHost } from '../../sandbox/forge/host';
import { ACCOUNT_HEADER, type JiraEmulator } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RequestOf, ResolverKey, ResponseOf } from '../../src/contract/resolvers';

export const ACTIVE_SPRINT = 9;

/** Invokes a settings resolver as a person on the project settings page; throws on a refusal. */
export function settingsCaller(host: ForgeHost, accountId: string) {
  return async <T>(functionKey: string, payload: unknown): Promise<T> => {
    const envelope = (await host.invokeResolver({
      moduleKey: 'ballast-project-settings',
      functionKey,
      payload,
      accountId,
      extension: { project: { key: 'SHOP' } },
    })) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${functionKey}: ${envelope.error.message}`);
    return envelope.data;
  };
}

/**
 * The `skip`-th open, untagged, unlabelled, parentless Story (feature by the Story rule) in a To
 * Do-category status, and the id of an In Progress-category status to start it with.
 */
export function storyToStart(
  jira: JiraEmulator,
  skip = 0,
): { key: string; from: string; to: string } {
  const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
  const fresh = new Set(jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id));
  const issue = jira.state.issues.filter(
    (i) =>
      i.issueTypeId === story.id &&
      fresh.has(i.statusId) &&
      !i.properties.ballast &&
      !i.parentId &&
      i.labels.length === 0,
  )[skip]!;
  const inProgress = jira.state.statuses.find((s) => s.category === 'indeterminate')!;
  return { key: issue.key, from: issue.statusId, to: inProgress.id };
}
export const FUTURE_SPRINT = 10;

/**
 * A team of 80 points that plans 40% feature, 15% each debt, toil and reliability, with a 15%
 * buffer. On the seeded sprint 9 its rebalance moves To Do items out (SHOP-207, -187, -195) and
 * pulls SHOP-261 and SHOP-255 in, passing over SHOP-202 (Done). Under the default policy sprint 9 has no
 * rebalance: it is over its capacity and its only To Do work is feature, already under its minimum.
 */
export const TEAM_POLICY = {
  capacity: { kind: 'fixed', amount: 80 },
  targets: { feature: 40, debt: 15, toil: 15, reliability: 15 },
  buffer: 15,
} as const;

/** The project admin saves TEAM_POLICY through the app's settings resolver. */
export async function useTeamPolicy(host: ForgeHost, adminAccountId: string): Promise<void> {
  const call = plannerCaller(host);
  const current = dataOf(await call('settings/get', {}, adminAccountId));
  dataOf(
    await call(
      'settings/save',
      { config: { capacity: TEAM_POLICY }, version: current.version },
      adminAccountId,
    ),
  );
}

export function plannerCaller(host: ForgeHost) {
  return async <K extends ResolverKey>(
    key: K,
    payload: RequestOf<K> | Record<string, unknown>,
    accountId: string,
  ): Promise<Envelope<ResponseOf<K>>> =>
    (await host.invokeResolver({
      moduleKey: 'ballast-planner-sprint',
      functionKey: key,
      payload,
      accountId,
      // Ids as strings, as Jira hands them over (test/fixtures/forge/contexts.ts).
      extension: {
        type: 'jira:sprintAction',
        project: { id: '10000', key: 'SHOP', type: 'software' },
        board: { id: '1', type: 'scrum' },
        sprint: { id: String(ACTIVE_SPRINT) },
      },
    })) as Envelope<ResponseOf<K>>;
}

export function dataOf<T>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

/** The open sprint an issue is in now (null: the backlog), as the emulator stores it. */
export function sprintOf(jira: JiraEmulator, key: string): number | null {
  const issue = jira.state.issues.find((i) => i.key === key);
  if (!issue) throw new Error(`no issue ${key}`);
  const open = issue.sprintIds.filter(
    (id) => jira.state.sprints.find((s) => s.id === id)?.state !== 'closed',
  );
  return open.at(-1) ?? null;
}

/** Someone else moves issues on the board: into a sprint, or (sprintId null) to the backlog. */
export async function moveByHand(
  jira: JiraEmulator,
  keys: readonly string[],
  sprintId: number | null,
  accountId: string,
): Promise<void> {
  const path =
    sprintId === null
      ? '/rest/agile/1.0/backlog/issue'
      : `/rest/agile/1.0/sprint/${sprintId}/issue`;
  const response = await fetch(`${jira.url}${path}`, {
    method: 'POST',
    headers: { [ACCOUNT_HEADER]: accountId, 'content-type': 'application/json' },
    body: JSON.stringify({ issues: keys }),
  });
  if (response.status !== 204)
    throw new Error(`move failed: ${response.status} ${await response.text()}`);
}
