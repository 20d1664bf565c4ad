/**
 * The sprint of an `avi:jira-software:*:sprint` event, read at the boundary. Atlassian documents
 * the payload's `Sprint` with `id: string`, `originBoardId?: string` (optional) and dates such as
 * "2024-10-05T00:00:00.000+0200" (developer.atlassian.com/platform/forge/events-reference/jira-software,
 * "Sprint events"). The ids become numbers here, the only place that knows they arrive as text;
 * numbers are accepted too, so a payload that ever carries JSON numbers still works.
 */
import { z } from 'zod';
import { forgeId } from '../forge-id';

/** Jira's timestamps ("…T00:00:00.000+0200"), turned into ISO-8601 UTC. */
const timestamp = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text)), 'must be a date-time')
  .transform((text) => new Date(text).toISOString());

const eventSchema = z.looseObject({
  sprint: z.looseObject({
    id: forgeId,
    originBoardId: forgeId.optional(),
    completeDate: timestamp.optional(),
  }),
});

export interface SprintEventSprint {
  readonly sprintId: number;
  /** Absent when Jira leaves it out (it is optional in the documented payload). */
  readonly boardId?: number;
  /** ISO-8601 UTC, when the event carries it (closed sprints). */
  readonly completeDate?: string;
}

/** What was wrong with a payload, naming the field, e.g. "sprint.id: must be a string of digits". */
export class SprintEventError extends Error {}

export function readSprintEvent(event: unknown): SprintEventSprint {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(event)';
    throw new SprintEventError(`${where}: ${issue?.message ?? 'invalid'}`);
  }
  const { id, originBoardId, completeDate } = parsed.data.sprint;
  return {
    sprintId: id,
    ...(originBoardId === undefined ? {} : { boardId: originBoardId }),
    ...(completeDate === undefined ? {} : { completeDate }),
  };
}
