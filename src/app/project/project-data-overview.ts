/**
 * The "Your Ballast data" section of project settings: how much is stored for the project, since
 * when, whether it predates this installation, and the stated retention. Project admins only (the
 * section offers export and delete); Jira admins also see the projects using Ballast.
 */
import type { ProjectDataView } from '../../contract/project-data';
import { RETENTION } from '../../domain/retention';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore, SecretStore } from '../../ports/key-value-store';
import { latestInstallation } from './installation-record';
import { projectRecords } from './project-records';
import { requireProjectAdmin } from './require-project-admin';

export interface ProjectDataDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
  /** Secret storage: the project's notification webhook is emptied by a delete. */
  readonly secrets?: SecretStore;
}

export async function isJiraAdmin(jira: JiraPort, projectKey: string): Promise<boolean> {
  // ADMINISTER is global: mypermissions answers it whatever the project (platform.v3.json,
  // GET /rest/api/3/mypermissions).
  return (await jira.myPermissions({ projectKey }, ['ADMINISTER'])).ADMINISTER === true;
}

export async function projectDataOverview(
  deps: ProjectDataDeps,
  projectKey: string,
): Promise<ProjectDataView> {
  await requireProjectAdmin(deps.jira, projectKey);
  const records = await projectRecords(deps, projectKey);
  const firstStoredAt =
    records.documents
      .map((d) => d.updatedAt)
      .sort()
      .at(0) ?? null;
  const installedAt = await latestInstallation(deps.kv);
  return {
    projectKey,
    documents: records.documents.length,
    records: records.keys.length,
    firstStoredAt,
    previousInstallation:
      installedAt !== null && firstStoredAt !== null && firstStoredAt < installedAt
        ? { installedAt, dataFrom: firstStoredAt }
        : null,
    retention: Object.values(RETENTION).map(({ what, days, from }) => ({ what, days, from })),
    jiraAdmin: await isJiraAdmin(deps.jira, projectKey),
  };
}
