/**
 * A project admin deletes the project's Ballast data (issue #24 item 4), after typing the project
 * key again: every key-value record and document of src/app/project/project-records.ts, the
 * project's SLO names in the site directory and its place in the metrics job's list. Records go
 * first and documents last, so a run cut short by the time limit leaves the project listed (and
 * its settings intact) until deleting again completes it. The `ballast` property Ballast wrote on
 * the project's issues (category, DoD ticks) is removed too, as the person (Jira checks they may
 * edit each issue). Deployments and incidents pushed for the site stay: they are not one project's.
 */
import type { DeleteProjectDataView } from '../../contract/project-data';
import { AppError } from '../errors';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { PROJECTS_KEY } from '../metrics/snapshot-store';
import { ISSUES_WITH_PROPERTY_JQL } from '../privacy/issue-people-index';
import { storeWebhook } from '../notify/notify-settings-store';
import { updateDirectory } from '../slo/slo-catalog';
import { KeyDeleter } from '../retention/key-deleter';
import type { ProjectDataDeps } from './project-data-overview';
import { projectRecords } from './project-records';
import { requireProjectAdmin } from './require-project-admin';

/** Work time of one delete: a resolver has 25 s (Forge invocation limits); the rest is margin. */
export const DELETE_BUDGET_MS = 15_000;

export async function deleteProjectData(
  deps: ProjectDataDeps,
  input: {
    projectKey: string;
    confirm: string;
    actor: { accountId: string; at: Date };
    /** Milliseconds since the start (the clock), to stop within DELETE_BUDGET_MS. */
    elapsedMs: () => number;
  },
): Promise<DeleteProjectDataView> {
  const { projectKey } = input;
  await requireProjectAdmin(deps.jira, projectKey);
  if (input.confirm.trim().toUpperCase() !== projectKey)
    throw new AppError(
      'BAD_REQUEST',
      `confirm: type the project key ${projectKey} to delete its Ballast data; nothing was deleted.`,
      { field: 'confirm' },
    );
  const { documents, keys } = await projectRecords(deps, projectKey);
  const deleter = new KeyDeleter(deps.kv, Number.MAX_SAFE_INTEGER);
  for (const key of keys) {
    if (input.elapsedMs() > DELETE_BUDGET_MS) break;
    await deleter.add(key);
  }
  await deleter.flush();
  const unfinished = (deletedIssueProperties: number) => ({
    deletedDocuments: 0,
    deletedRecords: deleter.deleted,
    deletedIssueProperties,
    complete: false,
  });
  if (deleter.deleted < keys.length) return unfinished(0);

  // The issues whose property holds a Ballast value (the JQL aliases of manifest.yml).
  const issues = await deps.jira.searchAll(
    `project = ${projectKey} AND (${ISSUES_WITH_PROPERTY_JQL.replace(' ORDER BY key ASC', '')}) ORDER BY key ASC`,
    { fields: ['summary'], limit: 50_000 },
  );
  let deletedIssueProperties = 0;
  for (const issue of issues) {
    if (input.elapsedMs() > DELETE_BUDGET_MS) return unfinished(deletedIssueProperties);
    await deps.jira.deleteIssueProperty(issue.key, BALLAST_PROPERTY_KEY);
    deletedIssueProperties += 1;
  }

  // The webhook URL is a credential in secret storage, which has no delete: emptied instead.
  if (deps.secrets !== undefined) await storeWebhook(deps.secrets, projectKey, null);
  await updateDirectory(deps.store, projectKey, [], input.actor);
  const opened = (await deps.kv.get<string[]>(PROJECTS_KEY)) ?? [];
  if (opened.includes(projectKey))
    await deps.kv.set(
      PROJECTS_KEY,
      opened.filter((key) => key !== projectKey),
    );
  let deletedDocuments = 0;
  for (const { kind, id } of documents) {
    if (input.elapsedMs() > DELETE_BUDGET_MS) break;
    await deps.store.delete(kind, id);
    deletedDocuments += 1;
  }
  return {
    deletedDocuments,
    deletedRecords: deleter.deleted,
    deletedIssueProperties,
    complete: deletedDocuments === documents.length,
  };
}
