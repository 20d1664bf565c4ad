/**
 * The read-only "Ballast category" Jira field (Forge `jira:customField` ballast-work-type), so
 * boards, backlog cards, filters, dashboards and Automation can show and use the category
 * (PRODUCT.md §1). Not "Work type": Jira Cloud calls its issue types that now.
 * Forge facts (manifest-reference/modules/jira-custom-field): a read-only field's value can only be
 * set by its app through the app field value API; the field's `view.value.function` recomputes it on
 * every issue view and Jira stores the result. Ballast does both: the issue trigger sets the value
 * when the type changes, and the value function reads the `ballast` property.
 */
import type { JiraIssue, JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { BALLAST_PROPERTY_KEY, readBallastProperty } from './ballast-property';

export const WORK_TYPE_FIELD_MODULE = 'ballast-work-type';

/** The field's id (`customfield_…`), found by its module in `schema.custom`; null if not installed. */
export async function findWorkTypeField(jira: JiraPort): Promise<string | null> {
  const fields = await jira.listFields();
  const suffix = `/static/${WORK_TYPE_FIELD_MODULE}`;
  return fields.find((f) => f.schema?.custom?.endsWith(suffix))?.id ?? null;
}

/** Writes one issue's value (as the app); false when the field is not installed on the site. */
export async function setWorkTypeFieldValue(
  jira: JiraPort,
  issueId: number,
  workType: string,
): Promise<boolean> {
  const field = await findWorkTypeField(jira);
  if (field === null) return false;
  await jira.setAppFieldValues([{ field, issueIds: [issueId], value: workType }]);
  return true;
}

/**
 * Jira reconciles at most 50 issues per search (platform.v3.json SearchAndReconcileRequestBean);
 * the value function asks in groups of that size so every issue is read as it is now.
 */
const VALUE_BATCH = 50;

/**
 * The value function: the work type stored in each issue's Ballast property, in the order asked
 * (one search per 50 issues, so the cost does not grow per issue); `unclassified` when none is
 * stored, null for an issue Jira did not return. Jira calls it right after a change (an issue view
 * after a person set the type), and its search is eventually consistent: each search reconciles
 * the ids it asks about, so the answer is the property as it is now, not as Jira's index last saw
 * it (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/).
 */
export async function workTypeFieldValues(
  jira: JiraPort,
  issueIds: readonly number[],
): Promise<(string | null)[]> {
  if (issueIds.length === 0) return [];
  const typeOf = (issue: JiraIssue): string =>
    readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]).property.workType;
  let issues: JiraIssue[] = [];
  try {
    for (let i = 0; i < issueIds.length; i += VALUE_BATCH) {
      const batch = issueIds.slice(i, i + VALUE_BATCH).map(String);
      issues.push(
        ...(await jira.searchAll(`id in (${batch.join(',')})`, {
          fields: ['issuetype'],
          properties: [BALLAST_PROPERTY_KEY],
          reconcile: batch,
        })),
      );
    }
  } catch (error: unknown) {
    // JQL refuses the whole query when one id no longer exists (deleted or moved away while
    // Jira asked): read the issues one by one instead, and answer null for the missing ones.
    if (!(error instanceof AppError && error.code === 'BAD_REQUEST')) throw error;
    issues = [];
    for (const id of issueIds) {
      try {
        issues.push(await jira.getIssue(String(id), ['issuetype'], [BALLAST_PROPERTY_KEY]));
      } catch (missing: unknown) {
        if (!(missing instanceof AppError && missing.code === 'NOT_FOUND')) throw missing;
      }
    }
  }
  const byId = new Map(issues.map((issue) => [issue.id, typeOf(issue)]));
  return issueIds.map((id) => byId.get(String(id)) ?? null);
}
