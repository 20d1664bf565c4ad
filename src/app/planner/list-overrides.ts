/** The project's override audit log, newest first, a page at a time (any project member may read it). */
import { AUDIT_PAGE_SIZE, type AuditPage } from '../../contract/planner';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { listAuditEntries } from './audit-log';

export async function listOverrides(
  deps: { jira: JiraPort; store: DocumentStore },
  input: { projectKey: string; cursor: number },
): Promise<AuditPage> {
  const granted = await deps.jira.myPermissions({ projectKey: input.projectKey }, [
    'BROWSE_PROJECTS',
  ]);
  if (!granted.BROWSE_PROJECTS)
    throw new AppError(
      'NOT_FOUND',
      `Project ${input.projectKey} does not exist or you cannot see it.`,
    );
  const { entries, total } = await listAuditEntries(
    deps.store,
    input.projectKey,
    input.cursor,
    AUDIT_PAGE_SIZE,
  );
  const next = input.cursor + entries.length;
  return { entries, total, ...(next < total ? { nextCursor: next } : {}) };
}
