/**
 * At sprint close: record the outcome against the commitment taken at start — what was done, and
 * predictability = committed work completed ÷ committed work (PRODUCT.md §5; sizes as committed,
 * so re-estimating during the sprint does not move the figure). Two Jira calls: the board
 * configuration (estimation field) and the sprint's done items. Jira's search is eventually
 * consistent, so the search reconciles the committed items by id: one finished a moment before the
 * close counts (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/).
 */
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { BALLAST_PROPERTY_KEY, readBallastProperty } from '../issue/ballast-property';
import { estimateOf } from '../issue/issue-facts';
import {
  loadCommitment,
  outcomeKey,
  type CommittedItem,
  type SprintOutcome,
} from './sprint-commitment';

export async function onSprintClosed(
  deps: { jira: JiraPort; kv: KeyValueStore },
  input: { sprintId: number; boardId: number; closedAt: string },
): Promise<SprintOutcome> {
  const commitment = await loadCommitment(deps.kv, input.sprintId);
  const config = await deps.jira.getBoardConfiguration(input.boardId);
  const estimationField = config.estimation?.field?.fieldId ?? null;
  const basis = commitment?.basis ?? 'storyPoints';
  const done = await deps.jira.searchAll(
    `sprint = ${input.sprintId} AND statusCategory = Done ORDER BY rank ASC`,
    {
      fields: ['timeoriginalestimate', ...(estimationField ? [estimationField] : [])],
      properties: [BALLAST_PROPERTY_KEY],
      reconcile: (commitment?.items ?? []).flatMap((item) => (item.id ? [item.id] : [])),
    },
  );
  const completed: CommittedItem[] = done.map((issue) => ({
    key: issue.key,
    type: readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]).property.workType,
    size:
      basis === 'issueCount'
        ? 1
        : estimateOf(issue, basis === 'originalEstimate' ? null : estimationField),
  }));
  let committed: number | null = null;
  let committedCompleted: number | null = null;
  if (commitment !== undefined) {
    const doneKeys = new Set(completed.map((c) => c.key));
    committed = commitment.items.reduce((sum, item) => sum + (item.size ?? 0), 0);
    committedCompleted = commitment.items
      .filter((item) => doneKeys.has(item.key))
      .reduce((sum, item) => sum + (item.size ?? 0), 0);
  }
  const outcome: SprintOutcome = {
    v: 1,
    sprintId: input.sprintId,
    closedAt: input.closedAt,
    completed,
    committed,
    committedCompleted,
    predictability:
      committed === null || committedCompleted === null || committed === 0
        ? null
        : committedCompleted / committed,
  };
  await deps.kv.set(outcomeKey(input.sprintId), outcome);
  return outcome;
}
