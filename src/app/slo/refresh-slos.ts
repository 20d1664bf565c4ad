/**
 * The fiveMinute job's work: for every SLO of the site, merge the pushed batches and roll up its
 * status and policy state. One SLO's failure (a broken spec, storage hiccup) is reported and does
 * not stop the others.
 */
import type { ErrorBudgetPolicy } from '../../domain/gate';
import type { SloSpec } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { compactSli } from './compact-sli';
import { rollUpSlo } from './roll-up-slo';
import { loadProjectSlos, loadSloDirectory } from './slo-catalog';

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
  const directory = (await loadSloDirectory(deps.store)).entries;
  const specsByProject = new Map<string, readonly SloSpec[]>();
  const policyByProject = new Map<string, ErrorBudgetPolicy>();
  const refreshed: string[] = [];
  const skipped: string[] = [];
  const failed: { slo: string; error: string }[] = [];
  for (const [slo, projectKey] of Object.entries(directory).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    try {
      if (!specsByProject.has(projectKey)) {
        specsByProject.set(
          projectKey,
          (await loadProjectSlos(deps.store, projectKey)).slos.bundle.slos,
        );
      }
      if (!policyByProject.has(projectKey)) {
        // Each SLO follows the error-budget policy of the project that owns it.
        policyByProject.set(
          projectKey,
          (await loadProjectConfig(deps.store, projectKey)).config.errorBudget,
        );
      }
      const spec = specsByProject.get(projectKey)!.find((s) => s.name === slo);
      if (spec === undefined) continue; // removed from its project; the directory catches up
      const compaction = await compactSli(deps.kv, slo, now);
      if (!compaction.ran) {
        skipped.push(slo);
        continue;
      }
      await rollUpSlo(deps.kv, {
        spec,
        projectKey,
        policy: policyByProject.get(projectKey)!,
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
