/**
 * The hourly refresh of the suggestion models: every project that has one is trained again, the
 * longest-untrained first, while the time budget lasts. Projects left over go first in the next
 * run, so a site with many projects is covered over a few hours instead of overrunning one
 * invocation (Forge's default function timeout is 55 s).
 */
import type { Clock } from '../../ports/clock';
import { modelProjects, trainSuggestionModel, type ModelDeps } from './suggestion-model';

/** Start no new training after this much of the invocation; one training is a few searches. */
export const REFRESH_BUDGET_MS = 40_000;

export interface ModelRefreshReport {
  readonly trained: readonly { projectKey: string; examples: number }[];
  readonly failed: readonly { projectKey: string; error: string }[];
  /** Not reached within the budget; first in line next time. */
  readonly deferred: readonly string[];
}

export async function refreshSuggestionModels(
  deps: ModelDeps & { clock: Clock },
  budgetMs = REFRESH_BUDGET_MS,
): Promise<ModelRefreshReport> {
  const started = deps.clock.now().getTime();
  const known = await modelProjects(deps.kv);
  const order = Object.keys(known).sort(
    (a, b) => (known[a] ?? '').localeCompare(known[b] ?? '') || a.localeCompare(b),
  );
  const trained: { projectKey: string; examples: number }[] = [];
  const failed: { projectKey: string; error: string }[] = [];
  for (const [index, projectKey] of order.entries()) {
    if (deps.clock.now().getTime() - started >= budgetMs) {
      return { trained, failed, deferred: order.slice(index) };
    }
    try {
      const model = await trainSuggestionModel(deps, projectKey, deps.clock.now());
      trained.push({ projectKey, examples: model.examples });
    } catch (error: unknown) {
      // One project's failure (deleted, no longer browsable) must not stop the others.
      failed.push({ projectKey, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { trained, failed, deferred: [] };
}
