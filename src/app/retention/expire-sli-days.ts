/**
 * SLI retention: an SLO's merged days (`sli-day:<slo>:<day>`) older than RETENTION.sliDays are
 * deleted with their sums (`sli-daysum:<slo>:<day>`, src/app/slo/sli-day-sums.ts), but never a day the SLO's roll-up still reads (`sliNeededFrom`, from the earlier of a
 * full replay's start and where the last roll-up stopped). SLOs are found in the directory and by
 * their status records, so the data of a deleted SLO (kept unused, ARCHITECTURE.md) ages out too.
 */
import { dayEndsBefore, sliKeepFrom } from '../../domain/retention';
import type { SloSpec } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { fullReplayFrom, sliNeededFrom, type StoredSloStatus } from '../slo/roll-up-slo';
import { siteSlos } from '../slo/site-slos';
import { sliDayKey, sliDaySumsKey, sloStatusKey } from '../slo/storage-keys';
import { expiredUnder, type KeyDeleter } from './key-deleter';

const STATUS_PREFIX = sloStatusKey('');
const dayPrefix = (slo: string): string => sliDayKey(slo, '');
const sumsPrefix = (slo: string): string => sliDaySumsKey(slo, '');

/** Every SLO name with its spec where a project still has it. */
async function knownSlos(
  kv: KeyValueStore,
  store: DocumentStore,
): Promise<Map<string, SloSpec | undefined>> {
  const slos = new Map<string, SloSpec | undefined>();
  for (const { slo, load } of await siteSlos(store)) slos.set(slo, (await load()).spec);
  let cursor: string | undefined;
  do {
    const page = await kv.list<unknown>(STATUS_PREFIX, {
      limit: 20,
      ...(cursor ? { cursor } : {}),
    });
    for (const { key } of page.entries) {
      const slo = key.slice(STATUS_PREFIX.length);
      if (!slos.has(slo)) slos.set(slo, undefined);
    }
    cursor = page.cursor;
  } while (cursor !== undefined);
  return slos;
}

/** The first instant kept for one SLO at `now`. */
export async function sliKeptFrom(
  kv: KeyValueStore,
  slo: string,
  spec: SloSpec | undefined,
  now: number,
): Promise<number> {
  if (spec === undefined) return sliKeepFrom(now, undefined);
  const status = await kv.get<StoredSloStatus>(sloStatusKey(slo));
  const replayFrom = Math.min(fullReplayFrom(now), status?.evaluatedAt ?? Number.POSITIVE_INFINITY);
  return sliKeepFrom(now, sliNeededFrom(spec, replayFrom));
}

export async function expireSliDays(
  deps: { kv: KeyValueStore; store: DocumentStore },
  now: Date,
  deleter: KeyDeleter,
): Promise<number> {
  /** SLI days deleted (their sums are not counted: they are part of the day). */
  let days = 0;
  for (const [slo, spec] of [...(await knownSlos(deps.kv, deps.store))].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (deleter.exhausted) break;
    const keepFrom = await sliKeptFrom(deps.kv, slo, spec, now.getTime());
    const prefix = dayPrefix(slo);
    // Days are ISO dates, so key order is time order: reading stops at the first day kept.
    const expired = await expiredUnder<unknown>(
      deps.kv,
      prefix,
      (key) => dayEndsBefore(key.slice(prefix.length), keepFrom),
      { ordered: true },
    );
    for (const { key } of expired) {
      if (!(await deleter.add(key))) break;
      days += 1;
    }
    // A day's sums go with it (and sums left by a day deleted before they existed).
    const sums = sumsPrefix(slo);
    const expiredSums = await expiredUnder<unknown>(
      deps.kv,
      sums,
      (key) => dayEndsBefore(key.slice(sums.length), keepFrom),
      { ordered: true },
    );
    for (const { key } of expiredSums) if (!(await deleter.add(key))) break;
  }
  await deleter.flush();
  return days;
}
