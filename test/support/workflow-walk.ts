/**
 * Moving an issue through its project's workflow as a person would: one transition at a time
 * (Jira offers only the transitions from the current status), each through
 * POST /rest/api/3/issue/{key}/transitions, so the validators on each step run.
 */
import type { JiraEmulator } from '../../sandbox/jira';
import { transitionsFrom, workflowOf } from '../../sandbox/jira';

/** The transition ids of a shortest path from the issue's status to the named one. */
export function pathTo(jira: JiraEmulator, issueKey: string, statusName: string): string[] {
  const issue = jira.store.issue(issueKey);
  const target = jira.state.statuses.find((s) => s.name === statusName);
  const project = issue === undefined ? undefined : jira.store.project(issue.projectId);
  if (issue === undefined || target === undefined || project === undefined)
    throw new Error(`No issue ${issueKey} or status ${statusName}.`);
  const workflow = workflowOf(jira.store, project);
  const paths = new Map<string, string[]>([[issue.statusId, []]]);
  const queue = [issue.statusId];
  for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
    if (status === target.id) return paths.get(status)!;
    for (const t of transitionsFrom(workflow, status)) {
      if (paths.has(t.toStatusId)) continue;
      paths.set(t.toStatusId, [...paths.get(status)!, t.id]);
      queue.push(t.toStatusId);
    }
  }
  throw new Error(`${statusName} cannot be reached from ${issueKey}'s status.`);
}

export const transition = (
  jira: JiraEmulator,
  issueKey: string,
  transitionId: string,
  headers: Record<string, string>,
): Promise<Response> =>
  fetch(`${jira.url}/rest/api/3/issue/${issueKey}/transitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ transition: { id: transitionId } }),
  });

/**
 * Walks the issue to the named status; answers the first refused step's response, or the last
 * step's (undefined when it is there already).
 */
export async function walkTo(
  jira: JiraEmulator,
  issueKey: string,
  statusName: string,
  headers: Record<string, string>,
): Promise<Response | undefined> {
  let last: Response | undefined;
  for (const id of pathTo(jira, issueKey, statusName)) {
    last = await transition(jira, issueKey, id, headers);
    if (last.status !== 204) return last;
  }
  return last;
}
