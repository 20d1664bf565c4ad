import type { DodIssue } from './dod-issue';

/**
 * Automatic Definition of Done checks (PRODUCT.md §3) are data, not code: a template stores one of
 * these and `evaluateAutoCheck` reads the issue. Text matches (labels, link and issue types) ignore
 * case, as Jira users type them inconsistently.
 */
export type AutoCheck =
  | { readonly type: 'hasEstimate' }
  | { readonly type: 'hasWorkType' }
  | { readonly type: 'allSubtasksDone' }
  /** `field` is the Jira field id (e.g. "customfield_10050"); `fieldName` is what people read. */
  | { readonly type: 'fieldSet'; readonly field: string; readonly fieldName: string }
  | { readonly type: 'labelPresent'; readonly label: string }
  /** A link of this type in either direction, optionally to an issue of the given type. */
  | { readonly type: 'linkExists'; readonly linkType: string; readonly linkedIssueType?: string }
  /** The issue is an action of a postmortem, as the project's postmortem convention defines both. */
  | { readonly type: 'postmortemLinked' };

export const AUTO_CHECK_TYPES = [
  'hasEstimate',
  'hasWorkType',
  'allSubtasksDone',
  'fieldSet',
  'labelPresent',
  'linkExists',
  'postmortemLinked',
] as const satisfies readonly AutoCheck['type'][];

/** The outcome of one auto check; `reason` is shown verbatim next to the item ("no estimate"). */
export interface AutoCheckOutcome {
  readonly passed: boolean;
  readonly reason: string;
}

const sameText = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function isFieldValueSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function subtasksOutcome(issue: DodIssue): AutoCheckOutcome {
  const total = issue.subtasks.length;
  if (total === 0) return { passed: true, reason: 'no subtasks' };
  const open = issue.subtasks.filter((subtask) => !subtask.done).map((subtask) => subtask.key);
  if (open.length === 0) return { passed: true, reason: `all ${total} subtasks done` };
  return {
    passed: false,
    reason: `${open.length} of ${total} subtasks not done: ${open.join(', ')}`,
  };
}

function linkOutcome(
  issue: DodIssue,
  linkType: string,
  linkedIssueType: string | undefined,
): AutoCheckOutcome {
  const wanted = linkedIssueType === undefined ? '' : ` to a ${linkedIssueType}`;
  const match = issue.links.find(
    (link) =>
      sameText(link.type, linkType) &&
      (linkedIssueType === undefined ||
        (link.issueType !== undefined && sameText(link.issueType, linkedIssueType))),
  );
  return match
    ? { passed: true, reason: `"${linkType}" link to ${match.issueKey}` }
    : { passed: false, reason: `no "${linkType}" link${wanted}` };
}

export function evaluateAutoCheck(check: AutoCheck, issue: DodIssue): AutoCheckOutcome {
  switch (check.type) {
    case 'hasEstimate':
      return issue.estimate === null || !Number.isFinite(issue.estimate)
        ? { passed: false, reason: 'no estimate' }
        : { passed: true, reason: `estimate ${issue.estimate}` };
    case 'hasWorkType':
      return issue.workType === 'unclassified'
        ? { passed: false, reason: 'no category' }
        : { passed: true, reason: `category ${issue.workType}` };
    case 'allSubtasksDone':
      return subtasksOutcome(issue);
    case 'fieldSet':
      // Own fields only: a field named `constructor` or `toString` (an admin's text) must read as
      // empty, not as Object.prototype's function — which counted as "set" and passed the check.
      return isFieldValueSet(
        Object.hasOwn(issue.fields, check.field) ? issue.fields[check.field] : undefined,
      )
        ? { passed: true, reason: `${check.fieldName} is set` }
        : { passed: false, reason: `${check.fieldName} is empty` };
    case 'labelPresent':
      return issue.labels.some((label) => sameText(label, check.label))
        ? { passed: true, reason: `label "${check.label}" present` }
        : { passed: false, reason: `label "${check.label}" missing` };
    case 'linkExists':
      return linkOutcome(issue, check.linkType, check.linkedIssueType);
    case 'postmortemLinked': {
      const postmortems = issue.postmortems;
      if (postmortems === undefined) return { passed: false, reason: 'postmortem links unknown' };
      return postmortems.keys.length > 0
        ? { passed: true, reason: `action of postmortem ${postmortems.keys.join(', ')}` }
        : { passed: false, reason: `no ${postmortems.rule}` };
    }
  }
}
