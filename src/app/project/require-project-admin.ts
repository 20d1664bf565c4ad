/**
 * Changes to a project's policy, rules, DoD templates and SLOs need the project-admin permission,
 * checked on the server (never trusted from the UI), as the person asking (asUser).
 */
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';

export async function requireProjectAdmin(jira: JiraPort, projectKey: string): Promise<void> {
  const granted = await jira.myPermissions({ projectKey }, ['ADMINISTER_PROJECTS']);
  if (!granted.ADMINISTER_PROJECTS) {
    throw new AppError(
      'FORBIDDEN',
      `Only administrators of project ${projectKey} can change Ballast's settings. Ask a project admin, or view the settings read-only.`,
    );
  }
}
