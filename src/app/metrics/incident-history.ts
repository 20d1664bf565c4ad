/**
 * The project's incidents, from its incident JQL (project settings; `issuetype = Incident` by
 * default), as the metric records of src/domain/metrics/records.ts. Their postmortems and actions
 * follow the project's postmortem convention (postmortem-history.ts).
 * - started = the incident issue's creation, restored = its resolution (Jira records no separate
 *   impact start);
 * - detected: Jira records no detection time, so MTTD says it has no data rather than guess;
 * - repeat key: the incident's components, or without any its summary (case and spaces folded):
 *   the same failure filed twice under the same title.
 * Jira calls: one search for the incidents (paged).
 *
 * The project boundary (issue #19): the search runs as the app, which may browse every project, so
 * besides the structural check of the JQL (src/app/project/incident-jql.ts, done by the caller)
 * every result is kept only if Jira says it is in this project.
 */
import type { IncidentRecord } from '../../domain/metrics';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { incidentSearchJql } from '../project/incident-jql';

export interface IncidentHistory {
  readonly incidents: IncidentRecord[];
  readonly issues: JiraIssue[];
}

function repeatKeyOf(issue: JiraIssue): string | null {
  const components = (issue.fields.components ?? []).map((c) => c.name).sort();
  if (components.length > 0) return `component:${components.join('+')}`;
  const summary = (issue.fields.summary ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return summary === '' ? null : `summary:${summary}`;
}

export async function readIncidentHistory(
  jira: JiraPort,
  input: { projectKey: string; incidentJql: string },
): Promise<IncidentHistory> {
  const inProject = (issue: JiraIssue): boolean => issue.fields.project?.key === input.projectKey;
  const issues = (
    await jira.searchAll(incidentSearchJql(input.projectKey, input.incidentJql), {
      fields: ['summary', 'created', 'resolutiondate', 'components', 'status', 'project'],
      // Pages of fields, not ids first: a project's incidents are a few pages, read beside the
      // sprint history (which waits longer); ids first would cost a call more (bench/RESULTS.md).
    })
  ).filter(inProject);
  const incidents: IncidentRecord[] = issues.flatMap((issue) =>
    issue.fields.created
      ? [
          {
            key: issue.key,
            service: null,
            startedAt: issue.fields.created,
            detectedAt: null,
            resolvedAt: issue.fields.resolutiondate ?? null,
            repeatKey: repeatKeyOf(issue),
          },
        ]
      : [],
  );
  return { incidents, issues };
}
