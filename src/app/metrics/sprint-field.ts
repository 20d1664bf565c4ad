/**
 * Jira's Sprint field: a custom field whose id differs between sites (`customfield_10020` on most
 * Cloud sites, but not guaranteed), recognised by its type `com.pyxis.greenhopper.jira:gh-sprint`
 * in GET /rest/api/3/field. Its value on an issue (REST v3) is the list of the sprints the issue is
 * in now, each `{ id, name, state, boardId, … }`.
 */
import type { JiraIssue, JiraPort } from '../../ports/jira';

export const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';

/** The Sprint field's id, or null when the site has none (Jira Software not installed). */
export async function findSprintField(jira: JiraPort): Promise<string | null> {
  const fields = await jira.listFields();
  return fields.find((f) => f.schema?.custom === SPRINT_FIELD_TYPE)?.id ?? null;
}

/** The ids of the sprints an issue's Sprint field holds now (as strings, like the changelog's). */
export function sprintIdsOf(issue: JiraIssue, sprintField: string): string[] {
  const value: unknown = issue.fields[sprintField];
  if (!Array.isArray(value)) return [];
  return value.flatMap((sprint: unknown) => {
    const id =
      typeof sprint === 'object' && sprint !== null ? (sprint as { id?: unknown }).id : undefined;
    return typeof id === 'number' || typeof id === 'string' ? [String(id)] : [];
  });
}
