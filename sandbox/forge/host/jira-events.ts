/**
 * Wires the Jira emulator's change notifications (sandbox/jira/events.ts) to the app, as Jira and
 * Forge do: issue and sprint changes raise product events for the subscribed `trigger` modules
 * (`avi:jira:created|updated|commented:issue`, `avi:jira-software:created|started|closed:sprint`),
 * and each transition first asks the app's function-based workflow validators that an admin added
 * to that transition (the emulator's workflow configuration names them; Forge invokes a validator
 * for the transitions it was added to only,
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-workflow-validator/).
 */
import { AS_APP_HEADER, type JiraEvents } from '../../jira/index';
import type { IssueRef } from '../../jira/events';
import type { SprintRecord } from '../../jira/state/types';
import { runProductEvent, type Outcome } from './background';
import type { HostCore } from './invoke';
import { runValidator, validatorKeys } from './validator';

/**
 * The issue fields Forge's issue events carry: the `Issue` type of the issue events
 * (developer.atlassian.com/platform/forge/events-reference/jira, "Issue created") lists summary,
 * issue type, creator, created, project, reporter, assignee, updated and status — no others.
 */
const EVENT_FIELDS = 'summary,issuetype,creator,created,project,reporter,assignee,updated,status';

export interface JiraWiring {
  jiraUrl: string;
  appAccountId: string;
  /** Keeps the trigger runs, so callers can wait for them (ForgeHost.idle). */
  track: (run: Promise<Outcome[]>) => void;
}

const listens = (core: HostCore, eventType: string): boolean =>
  core.manifest.modules.some((m) => m.type === 'trigger' && m.events.includes(eventType));

/** The documented `User` of the issue events: `{ accountId }` and nothing else. */
const eventUser = (user: unknown): { accountId: string } | null =>
  typeof user === 'object' && user !== null && 'accountId' in user
    ? { accountId: String(user.accountId) }
    : null;

async function issuePayload(wiring: JiraWiring, issue: IssueRef): Promise<Record<string, unknown>> {
  const response = await fetch(
    `${wiring.jiraUrl}/rest/api/3/issue/${encodeURIComponent(issue.key)}?fields=${EVENT_FIELDS}`,
    {
      headers: { [AS_APP_HEADER]: 'true' },
    },
  );
  if (!response.ok)
    return {
      id: issue.id,
      key: issue.key,
      fields: { project: { id: issue.projectId, key: issue.projectKey } },
    };
  const body = (await response.json()) as { fields?: Record<string, unknown> };
  const fields = { ...body.fields };
  for (const name of ['creator', 'reporter', 'assignee'] as const)
    if (name in fields) fields[name] = eventUser(fields[name]);
  return { id: issue.id, key: issue.key, fields };
}

/** Jira's timestamp form in event payloads ("2024-10-05T00:00:00.000+0200"), from ISO-8601 UTC. */
const jiraTimestamp = (iso: string): string => iso.replace(/Z$/, '+0000');

/**
 * The documented `Sprint` of the sprint events (events-reference/jira-software, "Sprint events"):
 * ids as strings, `createDate` (not the REST API's `createdDate`), no `self`; the dates that are
 * unset are left out, as the type marks them optional.
 */
const sprintPayload = (sprint: SprintRecord) => ({
  id: String(sprint.id),
  originBoardId: String(sprint.boardId),
  name: sprint.name,
  ...(sprint.goal ? { goal: sprint.goal } : {}),
  state: sprint.state,
  createDate: jiraTimestamp(sprint.createdDate),
  ...(sprint.startDate === null ? {} : { startDate: jiraTimestamp(sprint.startDate) }),
  ...(sprint.endDate === null ? {} : { endDate: jiraTimestamp(sprint.endDate) }),
  ...(sprint.completeDate === null ? {} : { completeDate: jiraTimestamp(sprint.completeDate) }),
});

export function connectJiraEvents(
  core: HostCore,
  events: JiraEvents,
  wiring: JiraWiring,
): () => void {
  const raise = (eventType: string, build: () => Promise<Record<string, unknown>>) => {
    if (!listens(core, eventType)) return;
    wiring.track(
      build().then((event) => runProductEvent(core, wiring.appAccountId, eventType, event)),
    );
  };
  // The common fields of every Jira event (`timestamp`: epoch milliseconds as a string) and the
  // issue events' `selfGenerated` (events-reference/jira, "Common fields", "Issue created").
  // `associatedUsers` is left out: optional, and its shape is unclear (test/fixtures/forge README, risk 2).
  const issueEvent = async (issue: IssueRef, actor: string, extra: Record<string, unknown>) => ({
    timestamp: String(Date.now()),
    selfGenerated: actor === wiring.appAccountId,
    atlassianId: actor,
    issue: await issuePayload(wiring, issue),
    ...extra,
  });
  const offs = [
    events.on('issue:created', ({ issue, actorAccountId }) =>
      raise('avi:jira:created:issue', () => issueEvent(issue, actorAccountId, {})),
    ),
    events.on('issue:updated', ({ issue, actorAccountId, changelog }) =>
      raise('avi:jira:updated:issue', () => issueEvent(issue, actorAccountId, { changelog })),
    ),
    events.on('issue:commented', ({ issue, actorAccountId, commentId }) =>
      raise('avi:jira:commented:issue', () =>
        issueEvent(issue, actorAccountId, { comment: { id: commentId } }),
      ),
    ),
    ...(['created', 'started', 'closed'] as const).map((what) =>
      events.on(`sprint:${what}`, ({ sprint }) =>
        raise(`avi:jira-software:${what}:sprint`, () =>
          Promise.resolve({ sprint: sprintPayload(sprint) }),
        ),
      ),
    ),
    events.addValidator(async (request) => {
      // A key this app's manifest does not declare belongs to another app; none is installed here.
      const ours = new Set(validatorKeys(core));
      for (const key of request.validators.filter((k) => ours.has(k))) {
        const answer = await runValidator(core, key, {
          issueKey: request.issue.key,
          fromStatusId: request.from.id,
          toStatusId: request.to.id,
        });
        if (!answer.result) return answer;
      }
      return { result: true };
    }),
  ];
  return () => offs.forEach((off) => off());
}
