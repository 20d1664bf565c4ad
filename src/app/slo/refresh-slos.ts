/**
 * The fiveMinute job's work: for every SLO of the site, merge the pushed batches and roll up its
 * status and policy state, a few SLOs at a time. One SLO's failure (a broken spec, storage hiccup) is reported and does
 * not stop the others.
 */
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { sliceTargetOf } from '../../domain/slo';
import { compactSli } from './compact-sli';
import { rollUpSlo, type StoredSloStatus } from './roll-up-slo';
import { siteSlos, type SiteSlo } from './site-slos';
import { sloStatusKey } from './storage-keys';

export interface RefreshReport {
  readonly refreshed: readonly string[];
  /** SLOs another job was compacting (they are rolled up next time). */
  readonly skipped: readonly string[];
  readonly failed: readonly { readonly slo: string; readonly error: string }[];
  /** Each refreshed SLO's status before and after this run, for the notices (src/app/notify). */
  readonly rolled: readonly {
    readonly before: StoredSloStatus | undefined;
    readonly after: StoredSloStatus;
  }[];
}

/**
 * SLOs rolled up at once. Each SLO's work is a chain of about ten storage calls, so 50 SLOs one
 * after another are 500 calls in sequence; eight at a time keep the chain near 60 and stay far
 * inside Forge's per-installation KVS limit of 1,000 requests a second
 * (https://developer.atlassian.com/platform/forge/limits-kvs-ce). Different SLOs share no key.
 */
export const SLOS_AT_ONCE = 8;

interface Rolled {
  readonly before: StoredSloStatus | undefined;
  readonly after: StoredSloStatus;
}

type Outcome = { rolled: Rolled } | 'skipped' | 'removed' | { error: string };

async function refreshOne(
  deps: { kv: KeyValueStore },
  { slo, projectKey, load }: SiteSlo,
  now: Date,
): Promise<Outcome> {
  try {
    // Each SLO follows the error-budget policy of the project that owns it.
    const { spec, policy } = await load();
    if (spec === undefined) return 'removed'; // removed from its project; the directory catches up
    const compaction = await compactSli(deps.kv, slo, now, sliceTargetOf(spec));
    if (!compaction.ran) return 'skipped';
    const before = await deps.kv.get<StoredSloStatus>(sloStatusKey(slo));
    const after = await rollUpSlo(deps.kv, {
      spec,
      projectKey,
      policy,
      now,
      changedFrom: compaction.changedFrom,
      conflicts: compaction.conflicts,
    });
    return { rolled: { before, after } };
  } catch (error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export async function refreshSlos(
  deps: { kv: KeyValueStore; store: DocumentStore },
  now: Date,
): Promise<RefreshReport> {
  const slos = await siteSlos(deps.store);
  const outcomes: Outcome[] = new Array<Outcome>(slos.length);
  let next = 0;
  const worker = async () => {
    while (next < slos.length) {
      const i = next++;
      outcomes[i] = await refreshOne(deps, slos[i]!, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SLOS_AT_ONCE, slos.length) }, worker));
  // Reported in directory order, whatever order the SLOs finished in.
  const refreshed: string[] = [];
  const skipped: string[] = [];
  const failed: { slo: string; error: string }[] = [];
  const rolled: Rolled[] = [];
  slos.forEach(({ slo }, i) => {
    const outcome = outcomes[i]!;
    if (outcome === 'skipped') skipped.push(slo);
    else if (outcome === 'removed') return;
    else if ('rolled' in outcome) {
      refreshed.push(slo);
      rolled.push(outcome.rolled);
    } else failed.push({ slo, error: outcome.error });
  });
  return { refreshed, skipped, failed, rolled };
}
