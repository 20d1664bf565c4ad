/**
 * Shapes the emulator's large seed into the planner benchmark's state: one sprint holding exactly
 * `sprintItems` issues and a backlog (open, in no sprint) of exactly `backlogItems`. Issues move
 * between the two; a backlog still too small gets copies of its own items (new ids and keys, no
 * history); extra backlog items go into `overflowSprintId` (the active sprint).
 */
import type { JiraEmulator } from '../sandbox/jira';

export function shapePlannerState(
  jira: JiraEmulator,
  target: {
    projectKey: string;
    sprintId: number;
    overflowSprintId: number;
    sprintItems: number;
    backlogItems: number;
  },
): void {
  const { store } = jira;
  const projectId = store.project(target.projectKey)!.id;
  const mine = store.state.issues.filter((i) => i.projectId === projectId);
  const open = mine.filter((i) => !store.isDone(i));
  const inSprint = mine.filter((i) => i.sprintIds.includes(target.sprintId));
  const backlog = open.filter((i) => i.sprintIds.length === 0);
  while (inSprint.length > target.sprintItems) {
    const issue = inSprint.pop()!;
    issue.sprintIds = [];
    if (!store.isDone(issue)) backlog.push(issue);
  }
  while (inSprint.length < target.sprintItems) {
    const issue = backlog.pop();
    if (issue === undefined) throw new Error('not enough backlog items to fill the sprint');
    issue.sprintIds = [target.sprintId];
    inSprint.push(issue);
  }
  while (backlog.length > target.backlogItems) backlog.pop()!.sprintIds = [target.overflowSprintId];
  const originals = [...backlog];
  for (let i = 0; backlog.length < target.backlogItems; i += 1) {
    const source = originals[i % originals.length]!;
    const copy = structuredClone(source);
    copy.id = String(store.nextCounter('issue'));
    copy.key = store.nextKey(target.projectKey);
    copy.parentId = null;
    copy.changelog = [];
    copy.comments = [];
    // Ranks stay unique and after the original's, so ORDER BY rank is well defined.
    copy.rank = `${source.rank}|${String(i).padStart(6, '0')}`;
    store.addIssue(copy);
    backlog.push(copy);
  }
}
