/**
 * The project's postmortems and their actions under the project's postmortem convention
 * (src/domain/postmortem/convention.ts): postmortems are the project's issues of the convention's
 * type and label — those Ballast opens included, as it opens them the same way
 * (src/app/slo/open-postmortems.ts) — and their actions the issues linked to them by the
 * convention's link type, in either direction. Jira calls: one search for the postmortems (paged),
 * one per 100 actions.
 *
 * The project boundary (issue #19): the searches run as the app, so every result is kept only if
 * Jira says it is in this project, and an action in another project is neither read nor counted.
 */
import type { PostmortemActionRecord } from '../../domain/metrics';
import { isActionLink, isPostmortem, type PostmortemConvention } from '../../domain/postmortem';
import type { JiraIssue, JiraPort } from '../../ports/jira';

export interface PostmortemSummary {
  readonly key: string;
  readonly summary: string;
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly actionKeys: readonly string[];
}

export interface PostmortemHistory {
  readonly postmortems: PostmortemSummary[];
  readonly actions: PostmortemActionRecord[];
}

/** A JQL string literal (JQL's double-quoted form, backslash escapes; JQL reference: "Reserved characters"). */
export const jqlString = (text: string): string => `"${text.replace(/(["\\])/g, '\\$1')}"`;

export function postmortemJql(projectKey: string, convention: PostmortemConvention): string {
  const label = convention.label === null ? '' : ` AND labels = ${jqlString(convention.label)}`;
  return `project = ${projectKey} AND issuetype = ${jqlString(convention.issueType)}${label} ORDER BY created DESC`;
}

export async function readPostmortemHistory(
  jira: JiraPort,
  input: {
    projectKey: string;
    convention: PostmortemConvention;
    /**
     * The project's incidents: a postmortem is often linked to its incident by the same link type
     * (a new site's "Relates" serves for both), and an incident is not an action of it.
     */
    incidentKeys?: ReadonlySet<string>;
  },
): Promise<PostmortemHistory> {
  const { projectKey, convention } = input;
  const incidentKeys = input.incidentKeys ?? new Set<string>();
  const inProject = (issue: JiraIssue): boolean => issue.fields.project?.key === projectKey;
  const found = await jira.searchAll(postmortemJql(projectKey, convention), {
    fields: [
      'summary',
      'created',
      'resolutiondate',
      'issuetype',
      'labels',
      'issuelinks',
      'project',
    ],
  });
  const postmortems: PostmortemSummary[] = [];
  const postmortemOf = new Map<string, string>();
  for (const issue of found) {
    const facts = {
      issueType: issue.fields.issuetype?.name ?? '',
      labels: issue.fields.labels ?? [],
    };
    if (!inProject(issue) || !issue.fields.created || !isPostmortem(facts, convention)) continue;
    const actionKeys = (issue.fields.issuelinks ?? []).flatMap((link) => {
      const key = link.outwardIssue?.key ?? link.inwardIssue?.key;
      // Another project's key is not even asked for; the project field is checked on the answer.
      return isActionLink(link.type.name, convention) &&
        key?.startsWith(`${projectKey}-`) &&
        !incidentKeys.has(key)
        ? [key]
        : [];
    });
    postmortems.push({
      key: issue.key,
      summary: issue.fields.summary ?? '',
      createdAt: issue.fields.created,
      resolvedAt: issue.fields.resolutiondate ?? null,
      actionKeys: [...new Set(actionKeys)].sort(),
    });
    for (const key of actionKeys) if (!postmortemOf.has(key)) postmortemOf.set(key, issue.key);
  }
  // A postmortem linked to another is not its action: each is counted once, as a postmortem.
  for (const p of postmortems) postmortemOf.delete(p.key);
  const keys = [...postmortemOf.keys()].sort();
  const actions: PostmortemActionRecord[] = [];
  const batches: string[][] = [];
  for (let i = 0; i < keys.length; i += 100) batches.push(keys.slice(i, i + 100));
  // One page each (at most 100 keys): all at once, read in the keys' order.
  const pages = await Promise.all(
    batches.map((batch) =>
      jira.searchAll(`project = ${projectKey} AND key in (${batch.join(', ')})`, {
        fields: ['created', 'resolutiondate', 'duedate', 'project'],
      }),
    ),
  );
  for (const page of pages) {
    for (const action of page) {
      if (!action.fields.created || !inProject(action)) continue;
      actions.push({
        key: action.key,
        createdAt: action.fields.created,
        resolvedAt: action.fields.resolutiondate ?? null,
        dueDate: action.fields.duedate ?? null,
        postmortemKey: postmortemOf.get(action.key) ?? '',
      });
    }
  }
  return { postmortems, actions };
}
