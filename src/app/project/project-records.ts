/**
 * Everything Ballast keeps in Forge storage for one project (issue #24 item 4): its documents
 * (configuration, SLOs, audit log, freeze overrides, undo records, first-seen record) and its
 * key-value records — the data of its SLOs (SLI days and batches, status, locks, postmortem claims),
 * its metrics snapshot, refresh progress, suggestion model, sprint snapshots, notices and their
 * delivery state, and the personal data notes of its issues. What export writes and delete removes, so the two cannot disagree;
 * test/integration/project-data.integration.test.ts checks it against the stored-data inventory.
 *
 * Not the project's: pushed deployments and incidents (site-wide, by service, read by every project
 * whose services they name) and when an account was last reported (site-wide).
 */
import type { DocumentStore, ListedDocument } from '../../ports/document-store';
import { listAll, type KeyValueStore } from '../../ports/key-value-store';
import { refreshProgressKey } from '../issue/refresh-project';
import { suggestionModelKey, suggestionTrainedKey } from '../issue/suggestion-model';
import { BACKFILL_PREFIX, ISSUE_PEOPLE_PREFIX } from '../privacy/issue-people-index';
import { lastDeliveryKey, noticeKey, noticeLogKey, pendingKey } from '../notify/notice-outbox';
import { notifyEnabledKey } from '../notify/notify-settings-store';
import { notifiedGateKey } from '../notify/watch-transitions';
import { loadProjectSlos, loadSloDirectory } from '../slo/slo-catalog';
import {
  sliDayKey,
  sliDaySumsKey,
  sliRawPrefix,
  sloCompactionLockKey,
  sloStatusKey,
} from '../slo/storage-keys';
import { commitmentKey, outcomeKey, type SprintCommitment } from '../sprint/sprint-commitment';
import { allDocuments, projectOfDocument } from './projects-using-ballast';

export interface ProjectRecords {
  readonly documents: readonly ListedDocument[];
  /** KVS keys, sorted. */
  readonly keys: readonly string[];
  /** The project's SLO names (its SLO document and the site directory). */
  readonly slos: readonly string[];
}

/** Keys of bulk, derived data: counted in an export, not written into it. */
export function isBulkKey(key: string): boolean {
  return (
    key.startsWith('sli-day:') ||
    key.startsWith('sli-daysum:') ||
    key.startsWith('sli-raw:') ||
    key.startsWith('metrics:')
  );
}

const COMMITMENT_PREFIX = commitmentKey(0).replace(/0$/, '');

async function existing(kv: KeyValueStore, keys: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < keys.length; i += 20)
    found.push(...(await kv.getMany<unknown>(keys.slice(i, i + 20))).keys());
  return found;
}

const keysUnder = async (kv: KeyValueStore, prefix: string): Promise<string[]> =>
  (await listAll<unknown>(kv, prefix)).map((e) => e.key);

export async function projectRecords(
  deps: { store: DocumentStore; kv: KeyValueStore },
  projectKey: string,
): Promise<ProjectRecords> {
  const { store, kv } = deps;
  const documents = (await allDocuments(store)).filter(
    (d) => projectOfDocument(d.kind, d.id) === projectKey,
  );
  const directory = (await loadSloDirectory(store)).entries;
  const slos = new Set<string>(
    (await loadProjectSlos(store, projectKey)).slos.bundle.slos.map((s) => s.name),
  );
  for (const [name, owner] of directory) if (owner === projectKey) slos.add(name);

  const keys = new Set<string>();
  const add = (list: Iterable<string>) => {
    for (const key of list) keys.add(key);
  };
  add(await keysUnder(kv, `metrics:${projectKey}:`));
  add(
    await existing(kv, [
      refreshProgressKey(projectKey),
      suggestionModelKey(projectKey),
      suggestionTrainedKey(projectKey),
      `${BACKFILL_PREFIX}${projectKey}`,
      noticeLogKey(projectKey),
      lastDeliveryKey(projectKey),
      notifyEnabledKey(projectKey),
      notifiedGateKey(projectKey),
    ]),
  );
  // The project's notices and their delivery markers (src/app/notify/notice-outbox.ts).
  add(await keysUnder(kv, noticeKey(projectKey, '')));
  add(await keysUnder(kv, pendingKey(projectKey, '')));
  for (const slo of slos) {
    add(await keysUnder(kv, sliDayKey(slo, '')));
    add(await keysUnder(kv, sliDaySumsKey(slo, '')));
    add(await keysUnder(kv, sliRawPrefix(slo)));
    add(await keysUnder(kv, `postmortem:${slo}:`));
    add(await existing(kv, [sloStatusKey(slo), sloCompactionLockKey(slo)]));
  }
  for (const { key, value } of await listAll<SprintCommitment>(kv, COMMITMENT_PREFIX)) {
    if (value.projectKey !== projectKey) continue;
    keys.add(key);
    add(await existing(kv, [outcomeKey(value.sprintId)]));
  }
  // `personal-data-issue:<account>:<issue key>`: the notes of this project's issues.
  const ofProject = new RegExp(`:${projectKey}-[1-9][0-9]*$`);
  add((await keysUnder(kv, ISSUE_PEOPLE_PREFIX)).filter((key) => ofProject.test(key)));
  return { documents, keys: [...keys].sort(), slos: [...slos].sort() };
}
