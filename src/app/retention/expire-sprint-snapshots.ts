/**
 * Retention of the sprint snapshots (src/app/sprint/sprint-commitment.ts): a sprint's commitment
 * and outcome are deleted together once the sprint closed more than RETENTION.sprintSnapshots days
 * ago (counted from its start while it has no outcome), so no sprint is left with half its record.
 */
import { isBefore, retentionCutoff } from '../../domain/retention';
import type { KeyValueStore } from '../../ports/key-value-store';
import { listAll } from '../../ports/key-value-store';
import {
  commitmentKey,
  outcomeKey,
  type SprintCommitment,
  type SprintOutcome,
} from '../sprint/sprint-commitment';
import type { KeyDeleter } from './key-deleter';

const COMMITMENT_PREFIX = commitmentKey(0).replace(/0$/, '');
const OUTCOME_PREFIX = outcomeKey(0).replace(/0$/, '');

interface SprintRecords {
  commitment?: SprintCommitment;
  outcome?: SprintOutcome;
}

export async function expireSprintSnapshots(
  kv: KeyValueStore,
  now: Date,
  deleter: KeyDeleter,
): Promise<number> {
  const cutoff = retentionCutoff('sprintSnapshots', now.getTime());
  const sprints = new Map<string, SprintRecords>();
  const of = (id: string): SprintRecords => {
    if (!sprints.has(id)) sprints.set(id, {});
    return sprints.get(id)!;
  };
  for (const { key, value } of await listAll<SprintCommitment>(kv, COMMITMENT_PREFIX))
    of(key.slice(COMMITMENT_PREFIX.length)).commitment = value;
  for (const { key, value } of await listAll<SprintOutcome>(kv, OUTCOME_PREFIX))
    of(key.slice(OUTCOME_PREFIX.length)).outcome = value;
  const before = deleter.deleted;
  for (const [id, { commitment, outcome }] of sprints) {
    const expired =
      outcome !== undefined
        ? isBefore(outcome.closedAt, cutoff)
        : isBefore(commitment?.startedAt, cutoff);
    if (!expired) continue;
    const keys = [
      ...(commitment ? [`${COMMITMENT_PREFIX}${id}`] : []),
      ...(outcome ? [`${OUTCOME_PREFIX}${id}`] : []),
    ];
    if (!(await deleter.add(...keys))) break;
  }
  await deleter.flush();
  return deleter.deleted - before;
}
