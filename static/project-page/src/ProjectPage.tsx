/**
 * The project page as a pure view of its state (tested with renderToStaticMarkup): the subpage
 * navigation and the chosen subpage inside the shared load states. Jira lists the subpages in its
 * sidebar too (manifest.yml `pages`); the tabs here keep them reachable where it does not (the
 * sandbox) and show where the viewer is.
 */
import type {
  CapacityData,
  DeliveryData,
  IncidentsData,
  OverviewData,
  SlosData,
  SnapshotAnswer,
  ToilDebtData,
} from '../../../src/contract/project-page';
import type { ReactNode } from 'react';
import type { ReviewData } from '../../../src/contract/sprint-review';
import type { LoadState } from '../../shared/use-resolver';
import { CapacityPage } from './CapacityPage';
import { DeliveryPage } from './DeliveryPage';
import { IncidentsPage } from './IncidentsPage';
import { OverviewPage } from './OverviewPage';
import { PageShell, type RefreshControl } from './PageShell';
import { SUBPAGES, type Subpage } from './routes';
import { SlosPage } from './SlosPage';
import { ToilDebtPage } from './ToilDebtPage';

export type PageData =
  OverviewData | SlosData | CapacityData | DeliveryData | ToilDebtData | IncidentsData | ReviewData;

export interface ProjectPageProps {
  readonly subpage: Subpage;
  readonly state: LoadState<SnapshotAnswer<PageData>>;
  readonly now: number;
  readonly onRetry: () => void;
  readonly refresh: RefreshControl;
  readonly onNavigate: (route: string) => void;
  /** A subpage that loads itself (the lazily loaded Review): shown instead of the shared shell. */
  readonly own?: ReactNode;
}

function body(subpage: Subpage, data: PageData) {
  switch (subpage.key) {
    case 'project/overview':
      return <OverviewPage data={data as OverviewData} />;
    case 'project/slos':
      return <SlosPage data={data as SlosData} />;
    case 'project/capacity':
      return <CapacityPage data={data as CapacityData} />;
    case 'project/delivery':
      return <DeliveryPage data={data as DeliveryData} />;
    case 'project/toilDebt':
      return <ToilDebtPage data={data as ToilDebtData} />;
    case 'project/incidents':
      return <IncidentsPage data={data as IncidentsData} />;
    case 'project/review':
      return null; // loads itself (App.tsx), never through the shared shell
  }
}

export function ProjectPage(props: ProjectPageProps) {
  const { subpage } = props;
  return (
    <main className="project-page">
      <nav className="tabs" aria-label="Ballast metrics">
        {SUBPAGES.map((page) => (
          <a
            key={page.route}
            href={`#${page.route}`}
            className="tab"
            aria-current={page.route === subpage.route ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              props.onNavigate(page.route);
            }}
          >
            {page.title}
          </a>
        ))}
      </nav>
      <h1 className="page-title">{subpage.title}</h1>
      {props.own ?? (
        <PageShell
          title={subpage.title}
          state={props.state}
          now={props.now}
          onRetry={props.onRetry}
          // SLO status is rolled up every five minutes on its own; Refresh recomputes the metrics.
          {...(subpage.key === 'project/slos' ? {} : { refresh: props.refresh })}
        >
          {(data) => body(subpage, data)}
        </PageShell>
      )}
    </main>
  );
}
