/**
 * The jobs' walk over every SLO of the site: names from the directory (sorted), each with its spec
 * and its project's error-budget policy, each project's documents read once per run.
 */
import type { ErrorBudgetPolicy } from '../../domain/gate';
import type { PostmortemConvention } from '../../domain/postmortem';
import type { SloSpec } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectSlos, loadSloDirectory } from './slo-catalog';

export interface SiteSlo {
  readonly slo: string;
  readonly projectKey: string;
  /**
   * The spec (undefined when the project no longer has it: the directory catches up on its next
   * import) and the policy of the project that owns it. A failed read rejects for this SLO only.
   */
  readonly load: () => Promise<{
    spec: SloSpec | undefined;
    policy: ErrorBudgetPolicy;
    postmortem: PostmortemConvention;
  }>;
}

export async function siteSlos(store: DocumentStore): Promise<SiteSlo[]> {
  const directory = (await loadSloDirectory(store)).entries;
  const projects = new Map<
    string,
    Promise<{
      specs: readonly SloSpec[];
      policy: ErrorBudgetPolicy;
      postmortem: PostmortemConvention;
    }>
  >();
  const project = (projectKey: string) => {
    let loaded = projects.get(projectKey);
    if (loaded === undefined) {
      loaded = Promise.all([
        loadProjectSlos(store, projectKey),
        loadProjectConfig(store, projectKey),
      ]).then(([slos, config]) => ({
        specs: slos.slos.bundle.slos,
        policy: config.config.errorBudget,
        postmortem: config.config.postmortem,
      }));
      projects.set(projectKey, loaded);
    }
    return loaded;
  };
  return [...directory]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slo, projectKey]) => ({
      slo,
      projectKey,
      load: async () => {
        const { specs, policy, postmortem } = await project(projectKey);
        return { spec: specs.find((s) => s.name === slo), policy, postmortem };
      },
    }));
}
