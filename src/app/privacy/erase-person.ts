/**
 * Erases a closed account from everything Ballast stores (stored-people.ts), keeping every record:
 * the audit log keeps each entry without the person, a DoD tick stays ticked, an override keeps its
 * reason and times. The id becomes FORMER_USER_ID (src/contract/people.ts), shown "Former user".
 * Documents are rewritten with a conditional write as Ballast itself (a lost race is read again
 * once); issue properties under the per-issue lock people's changes take; free text in sprint
 * commitments likewise. A run that fails half way leaves the rest naming the person, so the next
 * report finds them again, hears `closed` again and finishes.
 */
import { AppError } from '../errors';
import { BALLAST_PROPERTY_KEY } from '../issue/ballast-property';
import { listAll } from '../../ports/key-value-store';
import { knownProjects, loadSnapshot, saveSnapshot } from '../metrics/snapshot-store';
import { listIssuePeople } from './issue-people-index';
import { REPORTED_PREFIX, type PrivacyDeps } from './privacy-deps';
import { APP_ACTOR_ID, erasePerson, mentions, PERSONAL_DATA } from './stored-people';

const isConflict = (error: unknown) => error instanceof AppError && error.code === 'CONFLICT';

async function eraseDocuments(deps: PrivacyDeps, accountId: string, now: Date): Promise<void> {
  const actor = { accountId: APP_ACTOR_ID, at: now };
  const touched: { kind: string; id: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.list(cursor);
    for (const doc of page.documents)
      if (doc.updatedBy === accountId || mentions(doc.value, accountId))
        touched.push({ kind: doc.kind, id: doc.id });
    cursor = page.cursor;
  } while (cursor !== undefined);
  for (const { kind, id } of touched) {
    for (let attempt = 1; ; attempt += 1) {
      const current = await deps.store.get(kind, id);
      if (current === undefined) break;
      try {
        // Rewritten also when only `updatedBy` named the person: the write makes Ballast the writer.
        await deps.store.put(
          kind,
          id,
          erasePerson(current.value, accountId),
          current.version,
          actor,
        );
        break;
      } catch (error: unknown) {
        if (!isConflict(error) || attempt >= 2) throw error;
      }
    }
  }
}

async function eraseKeyValues(deps: PrivacyDeps, accountId: string): Promise<void> {
  const prefixes = PERSONAL_DATA.filter((f) => f.store === 'kvs').map((f) => `${f.kind}:`);
  for (const prefix of [...new Set(prefixes)])
    for (const { key, value } of await listAll(deps.kv, prefix))
      if (mentions(value, accountId)) await deps.kv.set(key, erasePerson(value, accountId));
}

async function eraseIssueProperties(deps: PrivacyDeps, accountId: string): Promise<void> {
  for (const note of await listIssuePeople(deps.kv, accountId)) {
    await deps.lock.run(note.issueKey, async () => {
      let property: unknown;
      try {
        property = await deps.jira.getIssueProperty(note.issueKey, BALLAST_PROPERTY_KEY);
      } catch (error: unknown) {
        // The issue was deleted or moved out of reach: nothing of the person is left there.
        if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
        property = undefined;
      }
      if (property !== undefined && mentions(property, accountId))
        await deps.jira.setIssueProperty(
          note.issueKey,
          BALLAST_PROPERTY_KEY,
          erasePerson(property, accountId),
        );
    });
    await deps.kv.delete(note.key);
  }
}

/**
 * The project page's snapshots (derived data, chunked JSON: snapshot-store.ts) name the override
 * authors of releases during a freeze; each one that names the person is written again without
 * them as a new generation, so a reader never sees half of it. The next recompute would drop the
 * name too, from the erased deployments; this does not wait for it.
 */
async function eraseSnapshots(deps: PrivacyDeps, accountId: string, now: Date): Promise<void> {
  for (const projectKey of await knownProjects(deps.kv)) {
    const snapshot = await loadSnapshot(deps.kv, projectKey);
    if (snapshot !== undefined && mentions(snapshot, accountId))
      await saveSnapshot(deps.kv, erasePerson(snapshot, accountId), `erased-${now.getTime()}`);
  }
}

export async function erasePersonEverywhere(
  deps: PrivacyDeps,
  accountId: string,
  now: Date,
): Promise<void> {
  await eraseIssueProperties(deps, accountId);
  await eraseDocuments(deps, accountId, now);
  await eraseKeyValues(deps, accountId);
  await eraseSnapshots(deps, accountId, now);
  await deps.kv.delete(`${REPORTED_PREFIX}${accountId}`);
}
