/**
 * `trigger` on `avi:jira-software:started:sprint` and `avi:jira-software:closed:sprint`: snapshot
 * the commitment (and enforce the split in enforce mode) at start, record the outcome at close.
 * Product triggers run as the app; the handlers act only on the sprint's own items, as the
 * project's capacity policy — agreed by its admins — says.
 */
import { z } from 'zod';
import { onSprintClosed } from '../../app/sprint/on-sprint-closed';
import { onSprintStarted } from '../../app/sprint/on-sprint-started';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { systemClock } from '../../ports/clock';

const eventSchema = z.looseObject({
  sprint: z.looseObject({
    id: z.number().int(),
    originBoardId: z.number().int(),
    completeDate: z.string().optional(),
  }),
});

function read(event: unknown, what: string) {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    console.error(`Ballast sprint ${what} trigger: unexpected event`, parsed.error.issues[0]);
    return undefined;
  }
  return parsed.data.sprint;
}

export async function onSprintStartedEvent(event: unknown): Promise<void> {
  const sprint = read(event, 'started');
  if (sprint === undefined) return;
  try {
    await onSprintStarted(
      {
        jira: jiraAsApp(),
        store: new ForgeDocumentStore(),
        kv: new ForgeKeyValueStore(),
        clock: systemClock,
      },
      { sprintId: sprint.id, boardId: sprint.originBoardId },
    );
  } catch (error: unknown) {
    console.error(`Ballast could not handle the start of sprint ${sprint.id}`, error);
  }
}

export async function onSprintClosedEvent(event: unknown): Promise<void> {
  const sprint = read(event, 'closed');
  if (sprint === undefined) return;
  try {
    await onSprintClosed(
      { jira: jiraAsApp(), kv: new ForgeKeyValueStore() },
      {
        sprintId: sprint.id,
        boardId: sprint.originBoardId,
        closedAt: sprint.completeDate ?? systemClock.now().toISOString(),
      },
    );
  } catch (error: unknown) {
    console.error(`Ballast could not record the outcome of sprint ${sprint.id}`, error);
  }
}
