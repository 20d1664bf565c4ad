/**
 * The portfolio app, for both modules: the Jira global page shows the whole table, the dashboard
 * gadget a compact one (the split's verdict only, no gate reason under the lozenge). Which module
 * it runs in comes from the Forge context (`extension.type`).
 */
import { view } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { call } from '../../shared/invoke';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { formatWhen } from '../../shared/format';
import { PortfolioTable } from './PortfolioTable';

export function App() {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    view.getContext().then(
      (context) => {
        const type = (context.extension as { type?: unknown } | undefined)?.type;
        setCompact(type === 'jira:dashboardGadget');
      },
      () => undefined,
    );
  }, []);
  const { state, retry } = useResolver(() => call('portfolio/list', {}));
  if (state.status === 'loading') return <Loading what="the portfolio" shape="section" />;
  if (state.status === 'failed')
    return <LoadFailure error={state.error} onRetry={retry} what="the portfolio" />;
  const { rows, servedAt } = state.data;
  return (
    <main className={`portfolio ${compact ? 'portfolio-compact' : ''}`}>
      {compact ? null : <h1 className="portfolio-title">Ballast portfolio</h1>}
      {rows.length === 0 ? (
        <p className="message">
          No project you may browse uses Ballast yet. A project appears here once someone opens its
          Ballast page.
        </p>
      ) : (
        <>
          <p className="subtle">
            {rows.length} {rows.length === 1 ? 'project' : 'projects'} you may browse.
            {compact
              ? ' Lowest budget left; DORA bands (values on hover).'
              : ' Gate and budgets are live; sprint, toil, debt and DORA figures are the project pages’ (recomputed hourly). Arrows compare the last two sprints.'}
          </p>
          <PortfolioTable rows={rows} compact={compact} />
        </>
      )}
      <p className="subtlest">Served {formatWhen(servedAt)}</p>
    </main>
  );
}
