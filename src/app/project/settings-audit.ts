/**
 * Logs a change to the project's SLOs or error-budget policy in its audit log (planner/audit-log.ts,
 * the log the settings page shows), after the change was stored, as the person who made it.
 */
import { randomUUID } from 'node:crypto';
import type { SettingsChange } from '../../contract/planner';
import type { DocumentStore } from '../../ports/document-store';
import { appendAuditEntry } from '../planner/audit-log';

export async function logSettingsChange(
  store: DocumentStore,
  input: {
    projectKey: string;
    actor: { accountId: string; at: Date };
    change: SettingsChange;
  },
): Promise<void> {
  await appendAuditEntry(
    store,
    {
      id: randomUUID(),
      accountId: input.actor.accountId,
      at: input.actor.at.toISOString(),
      projectKey: input.projectKey,
      change: input.change,
    },
    input.actor,
  );
}
