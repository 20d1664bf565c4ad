/**
 * Resolver of the portfolio (`jira:globalPage` and `jira:dashboardGadget`): no project in the
 * context; the viewer's browse permission is checked per project, as that person, in the use case.
 */
import type { PortfolioContract } from '../../contract/portfolio';
import { appEnvironmentOf } from '../../app/portfolio/project-page-url';
import { servePortfolio, type PortfolioDeps } from '../../app/portfolio/serve-portfolio';
import { readContext } from './context';

type Handlers = {
  [K in keyof PortfolioContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<PortfolioContract[K]['response']>;
};

export function portfolioResolvers(deps: { portfolioDeps: () => PortfolioDeps }): Handlers {
  return {
    'portfolio/list': async (_payload, context) => {
      // A signed-in person only: the projects shown are the ones Jira lets them browse.
      readContext(context);
      const localId =
        typeof context === 'object' && context !== null
          ? (context as { localId?: unknown }).localId
          : undefined;
      return servePortfolio(deps.portfolioDeps(), appEnvironmentOf(localId));
    },
  };
}
