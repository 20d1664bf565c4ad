/**
 * Jira issues as the capacity engine's SprintItems: the work type (a person's choice, the rules, or the
 * type last inherited from the parent), the estimate on the policy's basis, and the board's rank.
 */
import type { CapacityBasis, ItemStatus, SprintItem } from '../../domain/capacity';
import { classify, type ClassificationRule } from '../../domain/work';
import type { JiraIssue } from '../../ports/jira';
import { BALLAST_PROPERTY_KEY, manualTypeOf, readBallastProperty } from '../issue/ballast-property';
import { estimateOf, toClassifiable } from '../issue/issue-facts';

export interface BoardFields {
  /** The board's estimation field (story points), or null when it estimates by time or not at all. */
  readonly estimationFieldId: string | null;
  /** Jira's rank field (LexoRank strings), from the board configuration. */
  readonly rankFieldId: string | null;
}

export function toSprintItem(
  issue: JiraIssue,
  rules: readonly ClassificationRule[],
  basis: CapacityBasis,
  board: BoardFields,
  position: number,
): SprintItem {
  const property = readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]).property;
  let type = classify(toClassifiable(issue, manualTypeOf(property)), rules).type;
  if (type === 'unclassified' && property.workTypeSource.kind === 'parent')
    type = property.workType;
  const rank = board.rankFieldId ? issue.fields[board.rankFieldId] : undefined;
  const status = statusOf(issue);
  return {
    key: issue.key,
    type,
    estimate: estimateOf(issue, basis === 'originalEstimate' ? null : board.estimationFieldId),
    // Search results come in rank order; the position keeps that order where the rank field is absent.
    rank: typeof rank === 'string' ? rank : position,
    labels: issue.fields.labels ?? [],
    ...(issue.fields.priority?.name ? { priority: issue.fields.priority.name } : {}),
    ...(status === undefined ? {} : { status }),
    ...(issue.fields.subtasks?.length
      ? {
          subtasks: issue.fields.subtasks.map((subtask) => {
            const category = subtask.fields?.status?.statusCategory?.key;
            const name = subtask.fields?.status?.name;
            return name === undefined || category === undefined
              ? { key: subtask.key }
              : { key: subtask.key, status: { name, category } };
          }),
        }
      : {}),
  };
}

/** The issue's status name and category key, when Jira sent both (see SprintItem `status`). */
function statusOf(issue: JiraIssue): ItemStatus | undefined {
  const status = issue.fields.status;
  const category = status?.statusCategory?.key;
  return status === undefined || category === undefined
    ? undefined
    : { name: status.name, category };
}

/** What the planner shows of an item beside its size and type (contract PlannerIssueView). */
export interface IssueDetails {
  readonly summary: string;
  readonly status: ItemStatus | null;
  readonly assignee: string | null;
}

export function issueDetails(issue: JiraIssue): IssueDetails {
  const assignee = issue.fields.assignee;
  return {
    summary: issue.fields.summary ?? '',
    status: statusOf(issue) ?? null,
    // A person Jira hides by privacy settings has no display name: say so rather than show an id.
    assignee:
      assignee === null || assignee === undefined
        ? null
        : (assignee.displayName ?? 'Someone (name hidden)'),
  };
}
