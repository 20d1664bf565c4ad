/**
 * At sprint close: record the outcome against the commitment taken at start — what was done, and
 * predictability = committed work completed ÷ committed work (domain/metrics/predictability.ts;
 * sizes as committed, so re-estimating during the sprint does not move the figure), with the work
 * added after the start and completed beside it. Two Jira calls: the board
 * configuration (estimation field) and the sprint's done items. Jira's search is eventually
 * consistent, so the search reconciles the committed items by id: one finished a moment before the
 * close counts (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/).
 */
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { BALLAST_PROPERTY_KEY, readBallastProperty } from '../issue/ballast-property';
import { predictability, type SprintItemRecord } from '../../domain/metrics';
import {
  addedAndCompleted,
  committedAndCompleted,
  committedWork,
} from '../../domain/metrics/sprint-figures';
import { sizeInBasis } from '../issue/issue-facts';
import {
  loadCommitment,
  outcomeKey,
  type CommittedItem,
  type SprintOutcome,
} from './sprint-commitment';

/**
 * The sprint's items as metric records: the commitment (sizes as committed), each completed when it
 * is among the done items, and the done items that were not committed as added after the start.
 */
function closeRecords(
  committedItems: readonly CommittedItem[],
  done: readonly CommittedItem[],
  sprintId: string,
): SprintItemRecord[] {
  const doneKeys = new Set(done.map((item) => item.key));
  const committedKeys = new Set(committedItems.map((item) => item.key));
  const record = (item: CommittedItem, committed: boolean): SprintItemRecord => ({
    issueKey: item.key,
    sprintId,
    workType: item.type,
    points: item.size,
    committed,
    addedAfterStart: !committed,
    removedAfterStart: false,
    completed: doneKeys.has(item.key),
    unplanned: !committed,
  });
  return [
    ...committedItems.map((item) => record(item, true)),
    ...done.filter((item) => !committedKeys.has(item.key)).map((item) => record(item, false)),
  ];
}

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
    size: sizeInBasis(issue, basis, estimationField),
  }));
  let committed: number | null = null;
  let committedCompleted: number | null = null;
  let addedCompleted: number | null = null;
  let ratio: number | null = null;
  if (commitment !== undefined) {
    // The domain's one definition (metrics/predictability.ts), on the commitment taken at start.
    const records = closeRecords(commitment.items, completed, String(input.sprintId));
    const result = predictability(
      {
        id: String(input.sprintId),
        name: commitment.sprintName,
        state: 'closed',
        startedAt: commitment.startedAt,
        completedAt: input.closedAt,
        capacity: null,
        bufferShare: null,
      },
      records,
    );
    committed = committedWork(records).points;
    committedCompleted = committedAndCompleted(records).points;
    addedCompleted = addedAndCompleted(records).points;
    ratio = result.status === 'ok' ? result.value : null;
  }
  const outcome: SprintOutcome = {
    v: 1,
    sprintId: input.sprintId,
    closedAt: input.closedAt,
    completed,
    committed,
    committedCompleted,
    addedCompleted,
    predictability: ratio,
  };
  await deps.kv.set(outcomeKey(input.sprintId), outcome);
  return outcome;
}
