/**
 * The daily retention job (manifest `ballast-retention`): deletes what is past its stated retention
 * (src/domain/retention.ts) — SLI days, deployments, incidents, postmortem claims, sprint snapshots
 * and audit log entries — and nothing else. At most `maxDeletes` keys a run (a first run on a site
 * with years of history may need several days); every kind is ordered oldest first, so each run
 * picks up where the last one stopped.
 */
import { retentionCutoff } from '../../domain/retention';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { pruneAuditEntries } from '../planner/audit-log';
import { APP_ACTOR_ID } from '../privacy/stored-people';
import { projectsUsingBallast } from '../project/projects-using-ballast';
import { KeyDeleter } from './key-deleter';
import { expireDeployments, expireIncidents, expirePostmortemClaims } from './expire-push-log';
import { expireSliDays } from './expire-sli-days';
import { expireSprintSnapshots } from './expire-sprint-snapshots';

/** Keys deleted per run at most: 400 transactions, a few minutes at Forge's storage latency. */
export const MAX_DELETES_PER_RUN = 10_000;

export interface RetentionReport {
  readonly sliDays: number;
  readonly deployments: number;
  readonly incidents: number;
  readonly postmortemClaims: number;
  readonly sprintSnapshots: number;
  readonly auditEntries: number;
  /** The key budget ran out: the rest is deleted by the next run. */
  readonly unfinished: boolean;
}

export async function enforceRetention(
  deps: { kv: KeyValueStore; store: DocumentStore },
  now: Date,
  options: { maxDeletes?: number } = {},
): Promise<RetentionReport> {
  const deleter = new KeyDeleter(deps.kv, options.maxDeletes ?? MAX_DELETES_PER_RUN);
  const sliDays = await expireSliDays(deps, now, deleter);
  const deployments = await expireDeployments(deps.kv, now, deleter);
  const incidents = await expireIncidents(deps.kv, now, deleter);
  const postmortemClaims = await expirePostmortemClaims(deps.kv, now, deleter);
  const sprintSnapshots = await expireSprintSnapshots(deps.kv, now, deleter);
  const cutoff = retentionCutoff('auditEntries', now.getTime());
  let auditEntries = 0;
  for (const { projectKey, kinds } of await projectsUsingBallast(deps))
    if (kinds.includes('planner-audit'))
      auditEntries += await pruneAuditEntries(deps.store, projectKey, cutoff, {
        accountId: APP_ACTOR_ID,
        at: now,
      });
  return {
    sliDays,
    deployments,
    incidents,
    postmortemClaims,
    sprintSnapshots,
    auditEntries,
    unfinished: deleter.exhausted,
  };
}
