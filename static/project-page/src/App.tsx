/**
 * The jira:projectPage module: follows the subpage route (Forge's history for project page
 * subpages), loads that subpage's figures and its view's code together, asks for a recompute on
 * Refresh, and reloads quietly while a recompute is running.
 */
import { view } from '@forge/bridge';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { startedEarly } from '../../shared/first-load';
import { call } from '../../shared/invoke';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import { asResolverError } from '../../shared/format';
import { useResolver } from '../../shared/use-resolver';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SnapshotAnswer } from '../../../src/contract/project-page';
import { ProjectPage, type PageData } from './ProjectPage';
import { subpageOf } from './routes';
import { loadSubpageBody, type SubpageBody } from './subpage-views';

type History = Awaited<ReturnType<typeof view.createHistory>>;

/** The Review subpage in its own chunk: the other subpages' first render does not load it. */
const ReviewView = lazy(() => import('./review/ReviewView'));

/** While a recompute runs, look again this often. */
const POLL_MS = 3000;

/**
 * As the bundle runs, before React renders (static/shared/first-load.ts): the route Jira opened
 * the page on, then that subpage's figures and its view's chunk at the same time.
 */
const opening: Promise<{ history: History | undefined; route: string }> = view.createHistory().then(
  (history) => ({ history, route: history.location.pathname }),
  () => ({ history: undefined, route: '/' }), // outside Jira: the tabs switch subpages locally
);
const openingAnswer = startedEarly(async () => call(subpageOf((await opening).route).key, {}));
void opening.then(({ route }) => loadSubpageBody(subpageOf(route))).catch(() => undefined);

function useSubpageBody(route: string): {
  body: SubpageBody | undefined;
  error: ResolverError | undefined;
  retry: () => void;
} {
  const [loaded, setLoaded] = useState<{ body?: SubpageBody; error?: ResolverError }>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    loadSubpageBody(subpageOf(route)).then(
      (body) => current && setLoaded({ body }),
      (thrown: unknown) => current && setLoaded({ error: asResolverError(thrown) }),
    );
    return () => {
      current = false;
    };
  }, [route, attempt]);
  const retry = useCallback(() => {
    setLoaded({});
    setAttempt((n) => n + 1);
  }, []);
  return { body: loaded.body, error: loaded.error, retry };
}

function SubpageView({
  route,
  opened,
  navigate,
}: {
  route: string;
  /** Whether this is the route the page opened on (its figures were asked for early). */
  opened: boolean;
  navigate: (route: string) => void;
}) {
  const subpage = subpageOf(route);
  const { state, retry, refresh } = useResolver<SnapshotAnswer<PageData>>(
    opened ? openingAnswer : () => call(subpage.key, {}),
  );
  const code = useSubpageBody(route);
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
  if (code.error) return <LoadFailure error={code.error} onRetry={code.retry} what="this page" />;
  return (
    <ProjectPage
      subpage={subpage}
      state={state}
      now={Date.now()}
      onRetry={retry}
      refresh={{ onRefresh, requesting }}
      onNavigate={navigate}
      body={code.body}
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
      body={undefined}
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
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const [route, setRoute] = useState<string | undefined>(undefined);
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let current = true;
    void opening.then((o) => {
      if (!current) return;
      setHistory(o.history);
      setOpened(o.route);
      setRoute(o.route);
      unlisten = o.history?.listen((location) => setRoute(location.pathname));
    });
    return () => {
      current = false;
      unlisten?.();
    };
  }, []);
  const navigate = useCallback(
    (next: string) => {
      if (history) history.push(next);
      else setRoute(next);
    },
    [history],
  );
  // The route comes from Jira's history; until then the page shows what index.html paints.
  if (route === undefined) return <Loading what="this project’s metrics" shape="project-page" />;
  // One view per route, so each subpage starts from its own loading state.
  return subpageOf(route).key === 'project/review' ? (
    <ReviewSubpage key={route} route={route} navigate={navigate} />
  ) : (
    <SubpageView key={route} route={route} opened={route === opened} navigate={navigate} />
  );
}
