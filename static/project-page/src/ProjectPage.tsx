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
import { PageShell, type RefreshControl } from './PageShell';
import { SUBPAGES, type Subpage } from './routes';
import type { SubpageBody } from './subpage-views';

export type PageData =
  OverviewData | SlosData | CapacityData | DeliveryData | ToilDebtData | IncidentsData | ReviewData;

export interface ProjectPageProps {
  readonly subpage: Subpage;
  readonly state: LoadState<SnapshotAnswer<PageData>>;
  readonly now: number;
  readonly onRetry: () => void;
  readonly refresh: RefreshControl;
  readonly onNavigate: (route: string) => void;
  /** The subpage's view (subpage-views.tsx); while its chunk loads, the page shows loading. */
  readonly body: SubpageBody | undefined;
  /** A subpage that loads itself (the lazily loaded Review): shown instead of the shared shell. */
  readonly own?: ReactNode;
}

const LOADING = { status: 'loading' } as const;

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
          state={props.body === undefined && props.state.status === 'ready' ? LOADING : props.state}
          now={props.now}
          onRetry={props.onRetry}
          // SLO status is rolled up every five minutes on its own; Refresh recomputes the metrics.
          {...(subpage.key === 'project/slos' ? {} : { refresh: props.refresh })}
        >
          {(data) => props.body?.(data)}
        </PageShell>
      )}
    </main>
  );
}
