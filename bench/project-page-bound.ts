/**
 * The fewest Jira calls a project-page recompute could make for the data it needs, computed from
 * the emulator's state (the bench holds the app's call count against it; aim: calls/bound ≤ 1.1).
 *
 * bound = 1                                   board configuration (estimation field; none is set)
 *       + 1                                   the board itself (its project: the boundary check,
 *                                             src/app/project/board-binding.ts)
 *       + ceil(sprints of the board / 50)     GET …/board/{id}/sprint pages (Agile API: 50 a page)
 *       + ceil(U / 100)                       the unique issues of the 8 closed + the active sprint,
 *                                             at /search/jql's 100 a page when fields are asked
 *       + Σ per 1,000 of those issues max(1, ceil(H / 10,000))
 *                                             changelog bulk fetch (≤ 1,000 issues a request, ≤
 *                                             10,000 histories a page; H = their histories that
 *                                             change the status or the Sprint field)
 *       + 1                                   Jira's JQL parser on the incident JQL (the project
 *                                             boundary check, src/app/project/incident-jql.ts)
 *       + max(1, ceil(I / 100))               the incident search (I = incidents)
 *       + ceil(A / 100)                       their postmortem actions, read by key (A = actions)
 *       + 1                                   the retrospective actions (one search of at most 101,
 *                                             src/app/metrics/retro-actions.ts; issue #23)
 * Page sizes: sandbox/jira/routes/search.ts and changelog.ts, from ../shared/jira-openapi.
 */
import type { JiraState } from '../sandbox/jira';

/** What the metrics read (src/app/metrics/recompute-snapshot.ts CLOSED_SPRINTS). */
const CLOSED_SPRINTS = 8;
const SEARCH_PAGE = 100;
const SPRINT_PAGE = 50;
const CHANGELOG_ISSUES = 1000;
const CHANGELOG_PAGE = 10_000;

export interface CallBound {
  readonly total: number;
  readonly uniqueIssues: number;
  readonly sprintMemberships: number;
  readonly incidents: number;
  readonly actions: number;
}

export function projectPageCallBound(state: JiraState, boardId: number): CallBound {
  const sprints = state.sprints.filter((s) => s.boardId === boardId);
  const listed = sprints.filter((s) => s.state === 'closed' || s.state === 'active');
  const closed = listed
    .filter((s) => s.state === 'closed' && s.completeDate)
    .sort((a, b) => (a.completeDate ?? '').localeCompare(b.completeDate ?? '') || a.id - b.id)
    .slice(-CLOSED_SPRINTS);
  const chosen = new Set(
    [...closed, ...listed.filter((s) => s.state === 'active')].map((s) => s.id),
  );
  const issues = state.issues.filter((i) => i.sprintIds.some((id) => chosen.has(id)));
  const sprintMemberships = issues.reduce(
    (n, i) => n + i.sprintIds.filter((id) => chosen.has(id)).length,
    0,
  );
  let changelogCalls = 0;
  for (let i = 0; i < issues.length; i += CHANGELOG_ISSUES) {
    const histories = issues
      .slice(i, i + CHANGELOG_ISSUES)
      .reduce(
        (n, issue) =>
          n +
          issue.changelog.filter((c) =>
            c.items.some((item) => item.fieldId === 'status' || item.field === 'Sprint'),
          ).length,
        0,
      );
    changelogCalls += Math.max(1, Math.ceil(histories / CHANGELOG_PAGE));
  }
  const board = state.boards.find((b) => b.id === boardId);
  const incidentType = state.issueTypes.find((t) => t.name === 'Incident')?.id;
  const incidentIds = new Set(
    state.issues
      .filter((i) => i.projectId === board?.projectId && i.issueTypeId === incidentType)
      .map((i) => i.id),
  );
  const postmortemTypes = new Set(
    state.linkTypes.filter((t) => /postmortem/i.test(`${t.name} ${t.outward}`)).map((t) => t.id),
  );
  const actions = new Set(
    state.links
      .filter((l) => postmortemTypes.has(l.typeId) && incidentIds.has(l.inwardIssueId))
      .map((l) => l.outwardIssueId),
  );
  const total =
    1 +
    1 +
    Math.max(1, Math.ceil(listed.length / SPRINT_PAGE)) +
    Math.ceil(issues.length / SEARCH_PAGE) +
    changelogCalls +
    1 +
    Math.max(1, Math.ceil(incidentIds.size / SEARCH_PAGE)) +
    Math.ceil(actions.size / SEARCH_PAGE) +
    1;
  return {
    total,
    uniqueIssues: issues.length,
    sprintMemberships,
    incidents: incidentIds.size,
    actions: actions.size,
  };
}
