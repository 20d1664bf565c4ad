/**
 * When the project's active sprint ends, for the SLO subpage's budget forecast: one Jira call (the
 * board's active sprints, as the person viewing). Failing to read it costs only the forecast, so a
 * Jira error becomes a reason instead of failing the page.
 */
import type { JiraPort } from '../../ports/jira';

export type ActiveSprintEnd =
  { readonly name: string; readonly endsAt: number } | { readonly reason: string };

export async function activeSprintEnd(
  jira: JiraPort,
  boardId: number | null,
): Promise<ActiveSprintEnd> {
  if (boardId === null)
    return {
      reason:
        'No Scrum board is chosen for this project, so there is no sprint to forecast to: a project admin picks it in Project settings → Ballast → Capacity policy.',
    };
  let active;
  try {
    active = await jira.listSprints(boardId, ['active']);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { reason: `Ballast couldn’t read the board’s active sprint (${message}).` };
  }
  const dated = active
    .flatMap((s) => {
      const endsAt = s.endDate ? Date.parse(s.endDate) : Number.NaN;
      return Number.isNaN(endsAt) ? [] : [{ name: s.name, endsAt }];
    })
    // Parallel sprints: the one ending first is the next planning decision.
    .sort((a, b) => a.endsAt - b.endsAt);
  if (dated[0]) return dated[0];
  if (active[0]) return { reason: `${active[0].name} has no end date in Jira.` };
  return { reason: 'No sprint is active on the project’s board.' };
}
