/**
 * The jira:projectPage module: follows the subpage route (Forge's history for project page
 * subpages), loads that subpage's figures, asks for a recompute on Refresh, and reloads quietly
 * while a recompute is running.
 */
import { view } from '@forge/bridge';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Loading } from '../../shared/LoadStates';
import { call } from '../../shared/invoke';
import { useResolver } from '../../shared/use-resolver';
import { ProjectPage, type PageData } from './ProjectPage';
import { subpageOf } from './routes';
import type { SnapshotAnswer } from '../../../src/contract/project-page';

type History = Awaited<ReturnType<typeof view.createHistory>>;

/** The Review subpage in its own chunk: the other subpages' first render does not load it. */
const ReviewView = lazy(() => import('./review/ReviewView'));

/** While a recompute runs, look again this often. */
const POLL_MS = 3000;

function SubpageView({ route, navigate }: { route: string; navigate: (route: string) => void }) {
  const subpage = subpageOf(route);
  const { state, retry, refresh } = useResolver<SnapshotAnswer<PageData>>(() =>
    call(subpage.key, {}),
  );
  const [requesting, setRequesting] = useState(false);
  const busy =
    state.status === 'ready' && (state.data.status === 'pending' || state.data.meta.refreshing);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(refresh, POLL_MS);
    return () => clearTimeout(timer);
  }, [busy, state, refresh]);
  const onRefresh = useCallback(() => {
    setRequesting(true);
    call('project/refresh', {})
      .catch(() => undefined) // the next load shows any problem
      .finally(() => {
        setRequesting(false);
        refresh();
      });
  }, [refresh]);
  return (
    <ProjectPage
      subpage={subpage}
      state={state}
      now={Date.now()}
      onRetry={retry}
      refresh={{ onRefresh, requesting }}
      onNavigate={navigate}
    />
  );
}

function ReviewSubpage({ route, navigate }: { route: string; navigate: (route: string) => void }) {
  const [requesting, setRequesting] = useState(false);
  const [generation, setGeneration] = useState(0);
  const onRefresh = useCallback(() => {
    setRequesting(true);
    call('project/refresh', {})
      .catch(() => undefined) // the next load shows any problem
      .finally(() => {
        setRequesting(false);
        setGeneration((n) => n + 1);
      });
  }, []);
  return (
    <ProjectPage
      subpage={subpageOf(route)}
      state={{ status: 'loading' }}
      now={Date.now()}
      onRetry={() => undefined}
      refresh={{ onRefresh, requesting }}
      onNavigate={navigate}
      own={
        <Suspense fallback={<Loading what="review" shape="project-subpage" />}>
          <ReviewView key={generation} refresh={{ onRefresh, requesting }} now={Date.now()} />
        </Suspense>
      }
    />
  );
}

export function App() {
  const [history, setHistory] = useState<History | undefined>(undefined);
  const [route, setRoute] = useState('/');
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    view
      .createHistory()
      .then((created) => {
        setHistory(created);
        setRoute(created.location.pathname);
        unlisten = created.listen((location) => setRoute(location.pathname));
      })
      .catch(() => undefined); // outside Jira: the tabs still switch subpages locally
    return () => unlisten?.();
  }, []);
  const navigate = useCallback(
    (next: string) => {
      if (history) history.push(next);
      else setRoute(next);
    },
    [history],
  );
  // One view per route, so each subpage starts from its own loading state.
  return subpageOf(route).key === 'project/review' ? (
    <ReviewSubpage key={route} route={route} navigate={navigate} />
  ) : (
    <SubpageView key={route} route={route} navigate={navigate} />
  );
}
