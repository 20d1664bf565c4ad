/**
 * The override audit log as the settings page shows it: a page of entries (any project member,
 * list-overrides.ts) with the names of the people who recorded them, looked up in one Jira call.
 */
import { isReleaseDuringFreezeEntry } from '../../contract/planner';
import type { AuditLogView } from '../../contract/resolvers';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import { listOverrides } from '../planner/list-overrides';
import { displayNames } from './display-names';

export async function auditLogWithNames(
  deps: { jira: JiraPort; store: DocumentStore },
  input: { projectKey: string; cursor: number },
): Promise<AuditLogView> {
  const page = await listOverrides(deps, input);
  const names = await displayNames(
    deps.jira,
    // A release during a freeze was recorded by a pipeline; the override that let it through names a person.
    page.entries.flatMap((entry) =>
      isReleaseDuringFreezeEntry(entry) && entry.override !== null
        ? [entry.accountId, entry.override.accountId]
        : [entry.accountId],
    ),
  );
  return { ...page, names };
}
