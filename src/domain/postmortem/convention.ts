/**
 * The project's postmortem convention (issue #17, item 5): one definition of what a postmortem is
 * and what its actions are, used by the postmortem opener, the Definition of Done check and the
 * action closure rate alike.
 *
 * - A postmortem is an issue of `issueType` carrying `label` (when set). The defaults exist on every
 *   new Jira Cloud site: a company-managed software project starts with the types Epic; Story,
 *   Task, Bug; Subtask (support.atlassian.com/jira-cloud-administration/docs/what-are-issue-types/),
 *   none of them a postmortem, so by default a postmortem is a Task labelled `postmortem` (the
 *   default classification rules make that label reliability work). A site with its own
 *   "Postmortem" type sets `issueType` to it and `label` to null.
 * - An action is an issue linked to a postmortem by `actionLinkType`, in either direction. The
 *   default is "Relates", one of the four link types a new site has (Blocks, Cloners, Duplicate,
 *   Relates; GET /rest/api/3/issueLinkType, developer.atlassian.com/cloud/jira/platform/issue-linking-model/).
 * - An open action is overdue past its due date (Jira's `duedate`), or, without one, once older than
 *   `actionSlaDays`. Default 56 days: Atlassian's incident handbook gives postmortem "priority
 *   actions" an SLO of 4 or 8 weeks depending on the service
 *   (atlassian.com/incident-management/handbook/postmortems); the longer one flags only actions
 *   late under either.
 * Names are matched without case, as Jira users type them inconsistently.
 */
import { LIMITS } from '../limits';
export interface PostmortemConvention {
  readonly issueType: string;
  readonly label: string | null;
  readonly actionLinkType: string;
  readonly actionSlaDays: number;
}

export const DEFAULT_POSTMORTEM_CONVENTION: PostmortemConvention = {
  issueType: 'Task',
  label: 'postmortem',
  actionLinkType: 'Relates',
  actionSlaDays: 56,
};

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether an issue of this type with these labels is a postmortem under the convention. */
export function isPostmortem(
  issue: { readonly issueType: string; readonly labels: readonly string[] },
  convention: PostmortemConvention,
): boolean {
  if (!same(issue.issueType, convention.issueType)) return false;
  const label = convention.label;
  return label === null || issue.labels.some((l) => same(l, label));
}

/** Whether a link of this type (its name) links a postmortem to one of its actions. */
export const isActionLink = (linkTypeName: string, convention: PostmortemConvention): boolean =>
  same(linkTypeName, convention.actionLinkType);

/** The convention in words, for messages: `Task labelled "postmortem"`. */
export const describePostmortem = (convention: PostmortemConvention): string =>
  convention.label === null
    ? `${convention.issueType}`
    : `${convention.issueType} labelled "${convention.label}"`;

/** Problems with a convention's values, each naming its field; empty when it is valid. */
export function checkConvention(convention: PostmortemConvention): string[] {
  const problems: string[] = [];
  const name = (field: string, value: string | null, optional: boolean) => {
    if (value === null && optional) return;
    const most = LIMITS.postmortemName.limit;
    if (value === null || value.trim() === '' || value.length > most)
      problems.push(`postmortem, field "${field}": must be a name of 1–${most} characters`);
  };
  name('issueType', convention.issueType, false);
  name('label', convention.label, true);
  name('actionLinkType', convention.actionLinkType, false);
  const sla = convention.actionSlaDays;
  if (!Number.isInteger(sla) || sla < 1 || sla > 365)
    problems.push('postmortem, field "actionSlaDays": must be a whole number of days, 1–365');
  return problems;
}
