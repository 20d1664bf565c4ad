/**
 * Complete sprint, as the selected user, the way Jira's dialog does it: count the sprint's done
 * and open issues, close the sprint (`POST /rest/agile/1.0/sprint/{id}` with `state: closed`),
 * then put the open issues where the person chose — the backlog (`POST /backlog/issue`), a future
 * sprint (`POST /sprint/{id}/issue`) or a new sprint created for them (`POST /sprint`). The API
 * documents closing but not what happens to unfinished issues, so the shell moves them itself,
 * after the close: they keep the closed sprint in their Sprint field, as Jira's dialog leaves it.
 * Moves go 50 at a time (the API's limit); sub-tasks follow their parent.
 */
import { agileIssues, type IssueBean } from './backlog-data';
import type { JiraClient } from './jira-client';
import type { OpenIssuesTarget } from './sprint-form';
import { refusalOf, type SprintActionOutcome } from './sprint-start';

const MOVE_MAX = 50;
const TALLY_FIELDS = ['status', 'issuetype', 'parent'];

export interface SprintTally {
  /** Top-level issues (sub-tasks follow their parent), in rank order. */
  done: string[];
  open: string[];
  /** Done issues with sub-tasks still open: Jira will not complete the sprint while there are any. */
  doneWithOpenSubtasks: string[];
}

const isDone = (issue: IssueBean) =>
  (issue.fields?.status as { statusCategory?: { key?: string } } | undefined)?.statusCategory
    ?.key === 'done';
const isSubtask = (issue: IssueBean) =>
  (issue.fields?.issuetype as { subtask?: boolean } | undefined)?.subtask === true;
const parentKey = (issue: IssueBean) => (issue.fields?.parent as { key?: string } | undefined)?.key;

export async function sprintTally(jira: JiraClient, sprintId: number): Promise<SprintTally> {
  const issues = await agileIssues(jira, `/rest/agile/1.0/sprint/${sprintId}/issue`, TALLY_FIELDS);
  const topLevel = issues.filter((i) => !isSubtask(i));
  const done = topLevel.filter(isDone).map((i) => i.key);
  const doneKeys = new Set(done);
  const blocked = new Set(
    issues
      .filter((i) => isSubtask(i) && !isDone(i))
      .map(parentKey)
      .filter((key): key is string => key !== undefined && doneKeys.has(key)),
  );
  return {
    done,
    open: topLevel.filter((i) => !isDone(i)).map((i) => i.key),
    doneWithOpenSubtasks: done.filter((key) => blocked.has(key)),
  };
}

/** The name Jira proposes for the next sprint: the completed one's number plus one. */
export function nextSprintName(completedName: string, otherNames: readonly string[]): string {
  const numbered = /^(.*?)(\d+)$/.exec(completedName);
  if (numbered === null) return `${completedName} (next)`;
  const prefix = numbered[1] ?? '';
  const numbers = [completedName, ...otherNames]
    .map((name) => (name.startsWith(prefix) ? Number(name.slice(prefix.length)) : NaN))
    .filter((n) => Number.isInteger(n));
  return `${prefix}${Math.max(...numbers) + 1}`;
}

async function moveAll(jira: JiraClient, path: string, keys: readonly string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += MOVE_MAX)
    await jira.post(path, { issues: keys.slice(i, i + MOVE_MAX) });
}

export interface CompleteSprintRequest {
  boardId: number;
  sprint: { id: number; name: string };
  target: OpenIssuesTarget;
  /** The board's other open sprints' names, to name a new sprint after the last one. */
  otherSprintNames: readonly string[];
}

/** `closed`: Jira closed the sprint, though a later step (moving the open issues) failed. */
export type CompleteOutcome =
  SprintActionOutcome | { ok: false; status: number; message: string; closed: true };

export async function completeSprint(
  jira: JiraClient,
  request: CompleteSprintRequest,
): Promise<CompleteOutcome> {
  const { sprint, target } = request;
  let tally: SprintTally | undefined;
  const read = await refusalOf(async () => {
    tally = await sprintTally(jira, sprint.id);
  });
  if (!read.ok || tally === undefined) return read;
  if (tally.doneWithOpenSubtasks.length > 0)
    return {
      ok: false,
      status: 400,
      message: `${sprint.name} cannot be completed: ${tally.doneWithOpenSubtasks.join(', ')} ${tally.doneWithOpenSubtasks.length === 1 ? 'is' : 'are'} done but ${tally.doneWithOpenSubtasks.length === 1 ? 'has' : 'have'} open sub-tasks. Finish the sub-tasks or reopen the parent first.`,
    };
  const closed = await refusalOf(() =>
    jira.post(`/rest/agile/1.0/sprint/${sprint.id}`, { state: 'closed' }),
  );
  if (!closed.ok || tally.open.length === 0) return closed;
  const open = tally.open;
  const moved = await refusalOf(async () => {
    if (target.kind === 'backlog') return moveAll(jira, '/rest/agile/1.0/backlog/issue', open);
    let sprintId = target.kind === 'sprint' ? target.sprintId : undefined;
    if (sprintId === undefined) {
      const created = await jira.post<{ id: number }>('/rest/agile/1.0/sprint', {
        name: nextSprintName(sprint.name, request.otherSprintNames),
        originBoardId: request.boardId,
      });
      sprintId = created.id;
    }
    return moveAll(jira, `/rest/agile/1.0/sprint/${sprintId}/issue`, open);
  });
  if (moved.ok) return moved;
  return {
    ...moved,
    closed: true,
    message: `${sprint.name} was completed, but its open issues could not all be moved: ${moved.message}`,
  };
}
