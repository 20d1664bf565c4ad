/**
 * A pushed deployment, judged and stored (issue #22): when a project's gate is FROZEN as it is
 * recorded, the release is marked on the record and written to that project's audit log with
 * what let it through (freeze-release.ts). The audit entry comes first: if it cannot be written the
 * push fails and nothing is stored, so the pipeline's retry records both; a retried push of a
 * stored id is a duplicate and writes nothing, and other content under a stored id is refused
 * (push-log.ts) before anything is judged or written.
 */
import type { ReleaseDuringFreezeEntry } from '../../contract/planner';
import type { DeploymentPush } from '../../contract/push-api';
import type { ReleaseCheckDeps } from '../gate/release-check';
import { appendAuditEntry } from '../planner/audit-log';
import { requirePlausibleDeployment } from '../push/plausible-push';
import { freezeReleasesOf, type ProjectFreezeRelease } from './freeze-release';
import { recordDeployment, releasedDeployment, storedDeployment } from './push-log';

export function releaseDuringFreezeEntry(
  freeze: ProjectFreezeRelease,
  deployment: DeploymentPush,
  receivedAt: Date,
): ReleaseDuringFreezeEntry {
  const { projectKey, ...release } = freeze;
  return {
    kind: 'releaseDuringFreeze',
    id: `release-during-freeze/${deployment.id}`,
    accountId: '',
    at: receivedAt.toISOString(),
    projectKey,
    deployment: releasedDeployment(deployment),
    ...release,
  };
}

export async function recordJudgedDeployment(
  deps: ReleaseCheckDeps,
  deployment: DeploymentPush,
  receivedAt: Date,
): Promise<{ accepted: number; duplicate: boolean }> {
  // Refused input is refused before anything is judged or audited.
  requirePlausibleDeployment(deployment, receivedAt);
  const stored = await storedDeployment(deps.kv, deployment);
  if (stored === 'same') return { accepted: 0, duplicate: true };
  // Other content under a stored id is refused by recordDeployment: judge and audit nothing for it.
  const freezes = stored === 'other' ? [] : await freezeReleasesOf(deps, deployment, receivedAt);
  for (const freeze of freezes)
    await appendAuditEntry(deps.store, releaseDuringFreezeEntry(freeze, deployment, receivedAt), {
      accountId: '',
      at: receivedAt,
    });
  return recordDeployment(deps.kv, deployment, receivedAt, freezes);
}
