/**
 * The project's incidents, from its incident JQL (project settings; `issuetype = Incident` by
 * default), and the postmortem actions linked to them ("Postmortem action" issue links), as the
 * metric records of src/domain/metrics/records.ts.
 * - started = the incident issue's creation, restored = its resolution (Jira records no separate
 *   impact start);
 * - detected: Jira records no detection time, so MTTD says it has no data rather than guess;
 * - repeat key: the incident's components, or without any its summary (case and spaces folded):
 *   the same failure filed twice under the same title.
 * Jira calls: one search for the incidents (paged), one per 100 linked actions.
 *
 * The project boundary (issue #19): the search runs as the app, which may browse every project, so
 * besides the structural check of the JQL (src/app/project/incident-jql.ts, done by the caller)
 * every result is kept only if Jira says it is in this project. A postmortem action linked from one
 * of its incidents but living in another project is left out altogether — neither read nor counted:
 * its dates are that project's data, and this page is shown to this project's members.
 */
import type { IncidentRecord, PostmortemActionRecord } from '../../domain/metrics';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { incidentSearchJql } from '../project/incident-jql';

export interface IncidentHistory {
  readonly incidents: IncidentRecord[];
  readonly actions: PostmortemActionRecord[];
  readonly issues: JiraIssue[];
}

const POSTMORTEM_LINK = /postmortem/i;

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
      fields: [
        'summary',
        'created',
        'resolutiondate',
        'components',
        'issuelinks',
        'status',
        'project',
      ],
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
  const actionKeys = new Set<string>();
  for (const issue of issues) {
    for (const link of issue.fields.issuelinks ?? []) {
      const name = `${link.type.name} ${link.type.outward ?? ''}`;
      const key = link.outwardIssue?.key;
      // Another project's key is not even asked for; the project field is checked on the answer.
      if (POSTMORTEM_LINK.test(name) && key?.startsWith(`${input.projectKey}-`))
        actionKeys.add(key);
    }
  }
  const keys = [...actionKeys].sort();
  const actions: PostmortemActionRecord[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    const found = await jira.searchAll(
      `project = ${input.projectKey} AND key in (${keys.slice(i, i + 100).join(', ')})`,
      { fields: ['created', 'resolutiondate', 'project'] },
    );
    for (const action of found) {
      if (!action.fields.created || !inProject(action)) continue;
      actions.push({
        key: action.key,
        createdAt: action.fields.created,
        resolvedAt: action.fields.resolutiondate ?? null,
      });
    }
  }
  return { incidents, actions, issues };
}
