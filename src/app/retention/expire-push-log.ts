/**
 * Retention of what CI/CD and incident tools pushed (src/app/delivery/push-log.ts) and of the
 * postmortem claims (src/app/slo/open-postmortems.ts): records older than their RETENTION rule are
 * deleted. A deployment goes with its id index (`deploy-id:<id>`) when the index points at it, in
 * one transaction, so an id is never left pointing at nothing.
 */
import { isBefore, retentionCutoff } from '../../domain/retention';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { StoredDeployment, StoredIncident } from '../delivery/push-log';
import { expiredUnder, type KeyDeleter } from './key-deleter';

const DEPLOY_PREFIX = 'deploy:';
const DEPLOY_ID_PREFIX = 'deploy-id:';
const INCIDENT_PREFIX = 'incident:';
const POSTMORTEM_PREFIX = 'postmortem:';

export async function expireDeployments(
  kv: KeyValueStore,
  now: Date,
  deleter: KeyDeleter,
): Promise<number> {
  const cutoff = retentionCutoff('deployments', now.getTime());
  const before = deleter.deleted;
  // `deploy:<finishedAt ISO>:<id>`: key order is time order, so reading stops at the first kept.
  const expired = await expiredUnder<StoredDeployment>(
    kv,
    DEPLOY_PREFIX,
    (key) => isBefore(key.slice(DEPLOY_PREFIX.length, DEPLOY_PREFIX.length + 24), cutoff),
    { ordered: true },
  );
  for (const { key, value } of expired) {
    const indexKey = `${DEPLOY_ID_PREFIX}${value.id}`;
    const index = await kv.get<{ key?: string }>(indexKey);
    const keys = index?.key === key ? [key, indexKey] : [key];
    if (!(await deleter.add(...keys))) break;
  }
  await deleter.flush();
  return deleter.deleted - before;
}

export async function expireIncidents(
  kv: KeyValueStore,
  now: Date,
  deleter: KeyDeleter,
): Promise<number> {
  const cutoff = retentionCutoff('incidents', now.getTime());
  const before = deleter.deleted;
  // Keyed by id, not time: every record is read (incidents are few beside SLI minutes).
  const expired = await expiredUnder<StoredIncident>(
    kv,
    INCIDENT_PREFIX,
    (_key, value) => isBefore(value.resolvedAt, cutoff),
    { ordered: false },
  );
  for (const { key } of expired) if (!(await deleter.add(key))) break;
  await deleter.flush();
  return deleter.deleted - before;
}

/** `postmortem:<slo>:<episode start ISO>`: the start is the key's ISO tail. */
const episodeStart = (key: string): string | undefined =>
  /(\d{4}-\d{2}-\d{2}T[0-9:.]+Z)$/.exec(key)?.[1];

export async function expirePostmortemClaims(
  kv: KeyValueStore,
  now: Date,
  deleter: KeyDeleter,
): Promise<number> {
  const cutoff = retentionCutoff('postmortemClaims', now.getTime());
  const before = deleter.deleted;
  const expired = await expiredUnder<unknown>(
    kv,
    POSTMORTEM_PREFIX,
    (key) => isBefore(episodeStart(key), cutoff),
    { ordered: false },
  );
  for (const { key } of expired) if (!(await deleter.add(key))) break;
  await deleter.flush();
  return deleter.deleted - before;
}
