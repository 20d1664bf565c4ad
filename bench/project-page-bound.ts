/**
 * The fewest Jira calls a project-page recompute could make for the data it uses, from the
 * emulator's state (the bench holds the app's calls against it; aim: calls/bound ≤ 1.05):
 *
 * bound = 1                                  the board (its project: src/app/project/board-binding.ts)
 *       + 1                                  the board configuration (estimation field; none is stored)
 *       + the sprint history's bound         bench/read-bound.ts: sprints, the Sprint field, the
 *                                            fields of the 8 closed + active sprints' issues, the
 *                                            updated issues' ids, the changelogs
 *       + 1                                  Jira's JQL parser on the incident JQL (the project
 *                                            boundary check, src/app/project/incident-jql.ts)
 *       + max(1, ceil(I / 100))              the incident search (I incidents)
 *       + max(1, ceil(M / 100))              the postmortem search (M postmortems, default convention)
 *       + ceil(A / 100)                      their actions, read by key (A actions)
 *       + 1                                  the retrospective actions (one search of at most 101,
 *                                            src/app/metrics/retro-actions.ts; issue #23)
 */
import type { JiraEmulator } from '../sandbox/jira';
import { DEFAULT_POSTMORTEM_CONVENTION, isActionLink } from '../src/domain/postmortem';
import { postmortemJql } from '../src/app/metrics/postmortem-history';
import { incidentSearchJql } from '../src/app/project/incident-jql';
import {
  ISSUES_PER_CALL,
  matching,
  pages,
  sprintHistoryBound,
  type HistoryBound,
} from './read-bound';

/** What the metrics read (src/app/metrics/recompute-snapshot.ts CLOSED_SPRINTS). */
const CLOSED_SPRINTS = 8;
/** The default incident JQL (src/app/project/project-config.ts). */
const INCIDENT_JQL = 'issuetype = Incident';

export interface CallBound {
  readonly total: number;
  readonly history: HistoryBound;
  readonly incidents: number;
  readonly postmortems: number;
  readonly actions: number;
}

export function projectPageCallBound(
  jira: JiraEmulator,
  input: { boardId: number; projectKey: string; logFieldIds: readonly string[] },
): CallBound {
  const history = sprintHistoryBound(jira, {
    boardId: input.boardId,
    closedSprints: CLOSED_SPRINTS,
    withActive: true,
    projectKey: input.projectKey,
    logFieldIds: input.logFieldIds,
  });
  const incidents = matching(jira, incidentSearchJql(input.projectKey, INCIDENT_JQL));
  const postmortems = matching(
    jira,
    postmortemJql(input.projectKey, DEFAULT_POSTMORTEM_CONVENTION),
  );
  const incidentIds = new Set(incidents.map((i) => i.id));
  const postmortemIds = new Set(postmortems.map((i) => i.id));
  const typeName = new Map(jira.state.linkTypes.map((t) => [t.id, t.name]));
  const projectId = jira.store.project(input.projectKey)?.id;
  const actions = new Set<string>();
  for (const link of jira.state.links) {
    if (!isActionLink(typeName.get(link.typeId) ?? '', DEFAULT_POSTMORTEM_CONVENTION)) continue;
    for (const [from, to] of [
      [link.inwardIssueId, link.outwardIssueId],
      [link.outwardIssueId, link.inwardIssueId],
    ] as const) {
      if (!postmortemIds.has(from) || postmortemIds.has(to) || incidentIds.has(to)) continue;
      if (jira.store.issue(to)?.projectId === projectId) actions.add(to);
    }
  }
  const total =
    1 +
    1 +
    history.calls +
    1 +
    Math.max(1, pages(incidents.length, ISSUES_PER_CALL)) +
    Math.max(1, pages(postmortems.length, ISSUES_PER_CALL)) +
    pages(actions.size, ISSUES_PER_CALL) +
    1;
  return {
    total,
    history,
    incidents: incidents.length,
    postmortems: postmortems.length,
    actions: actions.size,
  };
}
