/**
 * The fiveMinute job's work: for every SLO of the site, merge the pushed batches and roll up its
 * status and policy state. One SLO's failure (a broken spec, storage hiccup) is reported and does
 * not stop the others.
 */
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { sliceTargetOf } from '../../domain/slo';
import { compactSli } from './compact-sli';
import { rollUpSlo } from './roll-up-slo';
import { siteSlos } from './site-slos';

export interface RefreshReport {
  readonly refreshed: readonly string[];
  /** SLOs another job was compacting (they are rolled up next time). */
  readonly skipped: readonly string[];
  readonly failed: readonly { readonly slo: string; readonly error: string }[];
}

export async function refreshSlos(
  deps: { kv: KeyValueStore; store: DocumentStore },
  now: Date,
): Promise<RefreshReport> {
  const refreshed: string[] = [];
  const skipped: string[] = [];
  const failed: { slo: string; error: string }[] = [];
  for (const { slo, projectKey, load } of await siteSlos(deps.store)) {
    try {
      // Each SLO follows the error-budget policy of the project that owns it.
      const { spec, policy } = await load();
      if (spec === undefined) continue; // removed from its project; the directory catches up
      const compaction = await compactSli(deps.kv, slo, now, sliceTargetOf(spec));
      if (!compaction.ran) {
        skipped.push(slo);
        continue;
      }
      await rollUpSlo(deps.kv, {
        spec,
        projectKey,
        policy,
        now,
        changedFrom: compaction.changedFrom,
        conflicts: compaction.conflicts,
      });
      refreshed.push(slo);
    } catch (error: unknown) {
      failed.push({ slo, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { refreshed, skipped, failed };
}
