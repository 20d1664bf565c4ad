/**
 * Projects added and deleted while the emulator runs, for reliability tests: a second project only
 * some people may browse (cross-project permission checks), and a project deleted in Jira while the
 * app still holds data about it. Deletion is Jira Cloud's end state after the trash is emptied: the
 * project, its issues, boards and sprints are gone, so every look-up answers 404 and JQL naming the
 * project is a 400 ("The value 'X' does not exist for the field 'project'.").
 */
import type { JiraStore } from './store';
import type { IssueRecord, ProjectRole } from './types';

export interface NewProject {
  readonly key: string;
  readonly name: string;
  /** accountId → role; nobody else may browse it. */
  readonly roles: Record<string, ProjectRole>;
  /** How many issues to copy (summaries, types, statuses) from the source project. */
  readonly issueCount: number;
}

/** A company-managed project whose issues copy the first `issueCount` issues of `fromKey`. */
export function addProjectLike(store: JiraStore, fromKey: string, project: NewProject): string[] {
  const source = store.project(fromKey);
  if (source === undefined) throw new Error(`No project ${fromKey} to copy.`);
  if (store.project(project.key) !== undefined)
    throw new Error(`Project ${project.key} exists already.`);
  const id = String(Math.max(...store.state.projects.map((p) => Number(p.id))) + 1);
  store.state.projects.push({
    id,
    key: project.key,
    name: project.name,
    leadAccountId: Object.keys(project.roles)[0] ?? source.leadAccountId,
    simplified: false,
    roles: { ...project.roles },
    // Jira's "create with shared configuration": the new project uses the source's workflow.
    workflowId: source.workflowId,
  });
  const copied = store.state.issues
    .filter((i) => i.projectId === source.id && i.parentId === null)
    .slice(0, project.issueCount);
  const keys: string[] = [];
  for (const from of copied) {
    const issue: IssueRecord = {
      ...structuredClone(from),
      id: String(store.nextCounter('issue')),
      key: store.nextKey(project.key),
      projectId: id,
      summary: `${project.name}: ${from.summary}`,
      parentId: null,
      sprintIds: [],
      properties: {},
      changelog: [],
      comments: [],
    };
    store.addIssue(issue);
    keys.push(issue.key);
  }
  return keys;
}

/** Deletes a project with its issues, boards, sprints and links, as Jira does once it is purged. */
export function deleteProject(store: JiraStore, key: string): void {
  const project = store.project(key);
  if (project === undefined) throw new Error(`No project ${key} to delete.`);
  const issueIds = new Set(
    store.state.issues.filter((i) => i.projectId === project.id).map((i) => i.id),
  );
  const boardIds = new Set(
    store.state.boards.filter((b) => b.projectId === project.id).map((b) => b.id),
  );
  store.state.projects = store.state.projects.filter((p) => p.id !== project.id);
  store.state.issues = store.state.issues.filter((i) => !issueIds.has(i.id));
  store.state.boards = store.state.boards.filter((b) => !boardIds.has(b.id));
  store.state.sprints = store.state.sprints.filter((s) => !boardIds.has(s.boardId));
  store.state.links = store.state.links.filter(
    (l) => !issueIds.has(l.inwardIssueId) && !issueIds.has(l.outwardIssueId),
  );
  store.reindex();
}
