/**
 * Resolvers of the project page (`jira:projectPage`): each subpage's figures from the stored
 * snapshot, and `project/refresh` to ask for a recompute. The project comes from the Forge
 * context, never from the payload; the person's browse permission is checked as that person.
 */
import type { ProjectPageContract } from '../../contract/project-page';
import { requestRefresh, serveSection, type ServeDeps } from '../../app/metrics/serve-project-page';
import { serveCapacity } from '../../app/metrics/serve-capacity';
import { serveDelivery } from '../../app/metrics/serve-delivery';
import { incidentsOf, toilDebtOf } from '../../app/metrics/sections';
import { serveOverview, serveSlos } from '../../app/metrics/serve-slos';
import { serveReview, serveReviewCsv } from '../../app/metrics/serve-review';
import { projectContext } from './context';

type Handlers = {
  [K in keyof ProjectPageContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<ProjectPageContract[K]['response']>;
};

const projectOf = (raw: unknown): string =>
  projectContext(raw, 'Ballast’s metrics from a project page').projectKey;

export function projectPageResolvers(deps: { serveDeps: () => ServeDeps }): Handlers {
  return {
    'project/overview': (_p, c) => serveOverview(deps.serveDeps(), projectOf(c)),
    'project/capacity': (_p, c) => serveCapacity(deps.serveDeps(), projectOf(c)),
    'project/delivery': (_p, c) => serveDelivery(deps.serveDeps(), projectOf(c)),
    'project/toilDebt': (_p, c) => serveSection(deps.serveDeps(), projectOf(c), toilDebtOf),
    'project/incidents': (_p, c) => serveSection(deps.serveDeps(), projectOf(c), incidentsOf),
    'project/refresh': (_p, c) => requestRefresh(deps.serveDeps(), projectOf(c)),
    'project/review': (p, c) => serveReview(deps.serveDeps(), projectOf(c), p),
    'project/reviewCsv': (p, c) => serveReviewCsv(deps.serveDeps(), projectOf(c), p),
    'project/slos': (_p, c) => serveSlos(deps.serveDeps(), projectOf(c)),
  };
}
