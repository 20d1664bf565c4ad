/**
 * Resolvers of the "Your Ballast data" section of project settings: `projectData/get`,
 * `projectData/export`, `projectData/delete` (project admins) and `projectData/projects` (Jira admins).
 */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import { deleteProjectData } from '../../app/project/delete-project-data';
import { exportProjectData } from '../../app/project/export-project-data';
import {
  isJiraAdmin,
  projectDataOverview,
  type ProjectDataDeps,
} from '../../app/project/project-data-overview';
import { projectsUsingBallast } from '../../app/project/projects-using-ballast';
import type {
  DeleteProjectDataView,
  ProjectDataView,
  ProjectExport,
  ProjectsUsingBallastView,
} from '../../contract/project-data';
import type { Clock } from '../../ports/clock';
import { projectContext, readPayload } from './context';

const deleteSchema = z.object({ confirm: z.string({ error: 'is required' }).max(100) });

const projectOf = (raw: unknown) => projectContext(raw, 'Ballast settings from a project');

export function projectDataResolvers(deps: { dataDeps: () => ProjectDataDeps; clock: Clock }) {
  return {
    'projectData/get': (_payload: unknown, rawContext: unknown): Promise<ProjectDataView> =>
      projectDataOverview(deps.dataDeps(), projectOf(rawContext).projectKey),
    'projectData/export': (_payload: unknown, rawContext: unknown): Promise<ProjectExport> =>
      exportProjectData(deps.dataDeps(), projectOf(rawContext).projectKey, deps.clock.now()),
    'projectData/delete': (
      payload: unknown,
      rawContext: unknown,
    ): Promise<DeleteProjectDataView> => {
      const context = projectOf(rawContext);
      const input = readPayload(deleteSchema, payload);
      const started = deps.clock.now().getTime();
      return deleteProjectData(deps.dataDeps(), {
        projectKey: context.projectKey,
        confirm: input.confirm,
        actor: { accountId: context.accountId, at: deps.clock.now() },
        elapsedMs: () => deps.clock.now().getTime() - started,
      });
    },
    'projectData/projects': async (
      _payload: unknown,
      rawContext: unknown,
    ): Promise<ProjectsUsingBallastView> => {
      const dataDeps = deps.dataDeps();
      if (!(await isJiraAdmin(dataDeps.jira, projectOf(rawContext).projectKey)))
        throw new AppError(
          'FORBIDDEN',
          'Only Jira administrators can see which projects use Ballast. Ask a Jira admin.',
        );
      const projects = await projectsUsingBallast(dataDeps);
      return {
        projects: projects.map(({ projectKey, firstStoredAt, lastStoredAt, pageOpened }) => ({
          projectKey,
          firstStoredAt,
          lastStoredAt,
          pageOpened,
        })),
      };
    },
  };
}
