/**
 * What the planner needs before it evaluates anything: the board's open sprints (active first, then
 * future), the project's enforcement mode, and what the viewer may do there, as Jira says.
 */
import type { PlannerBoard, PlannerSprint } from '../../contract/planner';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { loadProjectConfig } from '../project/project-config-repository';

export async function loadPlannerBoard(
  deps: { jira: JiraPort; store: DocumentStore },
  input: { projectKey: string; boardId: number; sprintId?: number },
): Promise<PlannerBoard> {
  const granted = await deps.jira.myPermissions({ projectKey: input.projectKey }, [
    'BROWSE_PROJECTS',
    'SCHEDULE_ISSUES',
    'MANAGE_SPRINTS_PERMISSION',
  ]);
  if (!granted.BROWSE_PROJECTS)
    throw new AppError(
      'NOT_FOUND',
      `Project ${input.projectKey} does not exist or you cannot see it.`,
    );
  const open = await deps.jira.listSprints(input.boardId, ['active', 'future']);
  const sprints: PlannerSprint[] = [
    ...open.filter((s) => s.state === 'active'),
    ...open.filter((s) => s.state === 'future'),
  ].map((s) => ({
    id: s.id,
    name: s.name,
    state: s.state,
    ...(s.startDate ? { startDate: s.startDate } : {}),
    ...(s.endDate ? { endDate: s.endDate } : {}),
  }));
  const { config } = await loadProjectConfig(deps.store, input.projectKey);
  const opened = sprints.find((s) => s.id === input.sprintId);
  return {
    projectKey: input.projectKey,
    boardId: input.boardId,
    sprints,
    selectedSprintId: (opened ?? sprints[0])?.id ?? null,
    enforcement: config.capacity.enforcement,
    canSchedule: granted.SCHEDULE_ISSUES === true,
    canOverride: granted.MANAGE_SPRINTS_PERMISSION === true,
  };
}
