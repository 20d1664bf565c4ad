/**
 * Turns a Jira issue (only the fields Ballast asked for) into the facts the domain reads:
 * a ClassifiableItem for the rules and a DodIssue for the Definition of Done auto checks.
 */
import type { CapacityBasis } from '../../domain/capacity';
import type { DodIssue, DodIssueLink } from '../../domain/dod';
import type { ClassifiableItem, WorkType, WorkTypeOrUnclassified } from '../../domain/work';
import type { JiraIssue } from '../../ports/jira';

/** The fields every issue-level use case needs; the estimation field is added when known. */
export function issueFields(estimationFieldId: string | null): string[] {
  const fields = [
    'summary',
    'issuetype',
    'project',
    'labels',
    'components',
    'parent',
    'priority',
    'status',
    // When it was resolved: an item Done before Ballast first saw the project is history
    // (src/domain/dod/closed-before-ballast.ts).
    'resolutiondate',
    'subtasks',
    'issuelinks',
    'timeoriginalestimate',
  ];
  return estimationFieldId ? [...fields, estimationFieldId] : fields;
}

export function toClassifiable(
  issue: JiraIssue,
  manualType: WorkType | undefined,
  parent?: ClassifiableItem,
): ClassifiableItem {
  const { fields } = issue;
  return {
    key: issue.key,
    issueType: fields.issuetype?.name ?? '',
    summary: fields.summary ?? '',
    labels: fields.labels ?? [],
    components: (fields.components ?? []).map((component) => component.name),
    ...(manualType ? { manualType } : {}),
    ...(parent ? { parent } : {}),
  };
}

/**
 * The issue's estimate on the project's basis: the board's estimation field (story points) when the
 * project has one, otherwise the original estimate in seconds; null when the issue has none.
 */
export function estimateOf(issue: JiraIssue, estimationFieldId: string | null): number | null {
  const raw = estimationFieldId
    ? issue.fields[estimationFieldId]
    : issue.fields.timeoriginalestimate;
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
}

/**
 * The issue's size in the capacity policy's basis (domain/capacity/sprint-item.ts): 1 for issue
 * count, the original estimate in seconds, or the board's estimation field; null when unestimated.
 * Every sprint figure (planner, project page, sprint triggers) sizes issues with this.
 */
export function sizeInBasis(
  issue: JiraIssue,
  basis: CapacityBasis,
  estimationFieldId: string | null,
): number | null {
  if (basis === 'issueCount') return 1;
  return estimateOf(issue, basis === 'originalEstimate' ? null : estimationFieldId);
}

interface LooseLinked {
  key: string;
  fields?: { issuetype?: { name?: unknown } };
}

export function toDodIssue(
  issue: JiraIssue,
  workType: WorkTypeOrUnclassified,
  estimationFieldId: string | null,
): DodIssue {
  const { fields } = issue;
  const links: DodIssueLink[] = (fields.issuelinks ?? []).flatMap((link) => {
    const out: DodIssueLink[] = [];
    for (const [direction, linked] of [
      ['inward', link.inwardIssue],
      ['outward', link.outwardIssue],
    ] as const) {
      if (!linked) continue;
      const issueType = (linked as LooseLinked).fields?.issuetype?.name;
      out.push({
        type: link.type.name,
        direction,
        issueKey: linked.key,
        ...(typeof issueType === 'string' ? { issueType } : {}),
      });
    }
    return out;
  });
  return {
    key: issue.key,
    issueType: fields.issuetype?.name ?? '',
    workType,
    estimate: estimateOf(issue, estimationFieldId),
    labels: fields.labels ?? [],
    fields: Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
    ),
    subtasks: (fields.subtasks ?? []).map((subtask) => ({
      key: subtask.key,
      done: subtask.fields?.status?.statusCategory?.key === 'done',
    })),
    links,
  };
}
