/**
 * `trigger` on `avi:jira-software:started:sprint` and `avi:jira-software:closed:sprint`: snapshot
 * the commitment (and enforce the split in enforce mode) at start, record the outcome at close.
 * Product triggers run as the app; the handlers act only on the sprint's own items, as the
 * project's capacity policy — agreed by its admins — says.
 */
import { onSprintClosed } from '../../app/sprint/on-sprint-closed';
import { onSprintStarted } from '../../app/sprint/on-sprint-started';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import type { JiraPort } from '../../ports/jira';
import { systemClock } from '../../ports/clock';
import { readSprintEvent, type SprintEventSprint } from './sprint-event';
import { steppingAsideWithoutLicence } from '../licence/fail-open';

function read(event: unknown, what: string): SprintEventSprint | undefined {
  try {
    return readSprintEvent(event);
  } catch (error: unknown) {
    console.error(
      `Ballast sprint ${what} trigger: unexpected event, nothing done: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/**
 * The sprint's board: `originBoardId` is optional in the documented payload, so without it the
 * sprint itself is read (GET /rest/agile/1.0/sprint/{id} names its origin board).
 */
async function boardOf(jira: JiraPort, sprint: SprintEventSprint): Promise<number> {
  if (sprint.boardId !== undefined) return sprint.boardId;
  const { originBoardId } = await jira.getSprint(sprint.sprintId);
  if (originBoardId === undefined)
    throw new Error(`Jira names no board for sprint ${sprint.sprintId}.`);
  return originBoardId;
}

export async function onSprintStartedEvent(event: unknown, context?: unknown): Promise<void> {
  const sprint = read(event, 'started');
  if (sprint === undefined) return;
  // Without a licence the commitment is still recorded; only the overflow move stands aside.
  const enforce = !steppingAsideWithoutLicence(
    context,
    'sprint start trigger',
    `sprint ${sprint.sprintId} started and no overflow was moved`,
  );
  try {
    const jira = jiraAsApp();
    await onSprintStarted(
      { jira, store: new ForgeDocumentStore(), kv: new ForgeKeyValueStore(), clock: systemClock },
      { sprintId: sprint.sprintId, boardId: await boardOf(jira, sprint), enforce },
    );
  } catch (error: unknown) {
    console.error(`Ballast could not handle the start of sprint ${sprint.sprintId}`, error);
  }
}

export async function onSprintClosedEvent(event: unknown): Promise<void> {
  const sprint = read(event, 'closed');
  if (sprint === undefined) return;
  try {
    const jira = jiraAsApp();
    await onSprintClosed(
      { jira, kv: new ForgeKeyValueStore() },
      {
        sprintId: sprint.sprintId,
        boardId: await boardOf(jira, sprint),
        closedAt: sprint.completeDate ?? systemClock.now().toISOString(),
      },
    );
  } catch (error: unknown) {
    console.error(`Ballast could not record the outcome of sprint ${sprint.sprintId}`, error);
  }
}
